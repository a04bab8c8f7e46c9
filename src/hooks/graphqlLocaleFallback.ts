import type { CollectionBeforeOperationHook } from 'payload'

import { DEFAULT_LOCALE, fallbackChain, isLocale } from '@/locales'

/**
 * GraphQL's `locale:` argument changes `req.locale` after the request's fallback was derived from
 * the URL (the default locale), so `Stories(locale: hi_mixed)` would fall back to English instead
 * of Hindi. When the fallback is still that derived default, use the locale's own chain
 * (hi-mixed -> hi -> en), exactly as REST's `?locale=` does. An explicit `fallbackLocale:` other
 * than the default is left alone.
 */
export const graphqlLocaleFallback: CollectionBeforeOperationHook = ({ args, req }) => {
  if (req.payloadAPI !== 'GraphQL' || !isLocale(req.locale)) return args
  if (req.fallbackLocale === DEFAULT_LOCALE) {
    const chain = fallbackChain(req.locale).slice(1)
    if (chain.length) req.fallbackLocale = chain
  }
  return args
}
