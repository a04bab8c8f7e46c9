import type { LocaleCode } from '@/locales'

/**
 * BCP 47 language tags of our locale codes, for XLIFF, CSV and HTML `lang`. Most codes already are
 * tags; `od` is ISO 639-1 `or` (Odia) and `hi-mixed` is Hindi written in Latin script, `hi-Latn`.
 */
const EXCEPTIONS: Partial<Record<LocaleCode, string>> = { od: 'or', 'hi-mixed': 'hi-Latn' }

export function bcp47Tag(locale: LocaleCode): string {
  return EXCEPTIONS[locale] ?? locale
}

/** The locale a BCP 47 tag names (case-insensitive), or null. */
export function localeOfTag(tag: string, locales: readonly LocaleCode[]): LocaleCode | null {
  const wanted = tag.trim().toLowerCase()
  return locales.find((l) => bcp47Tag(l).toLowerCase() === wanted) ?? null
}
