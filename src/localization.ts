import type { LocalizationConfig } from 'payload'

import { DEFAULT_LOCALE, fallbackChain, LOCALES } from '@/locales'

/** Payload's localization built from the one locale list (hi-mixed falls back to hi, then en). */
export const payloadLocalization: LocalizationConfig = {
  defaultLocale: DEFAULT_LOCALE,
  fallback: true,
  locales: LOCALES.map((l) => {
    const chain = fallbackChain(l.code).slice(1)
    return { code: l.code, label: l.label, ...(chain.length ? { fallbackLocale: chain } : {}) }
  }),
}
