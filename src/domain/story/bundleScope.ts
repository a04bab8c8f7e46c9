/**
 * Which locales' bundles (and translation progress) a change to a story can alter, so a save
 * recompiles only those.
 *
 * A locale's bundle reads the texts of its fallback chain (`hi-mixed` reads hi-mixed, hi, en), and
 * its translation progress also reads the text it is translated from (its fallback parent, else the
 * story's source locale, and that locale's chain). So a change to the text of locale L alters the
 * locales that read L; a change to anything else (a node's type, order, speaker, start/end flags,
 * a choice's key, target or default, a new or deleted document) can alter every locale.
 */
import { fallbackChain, LOCALE_CODES, type LocaleCode } from '@/locales'

import { sourceLocaleOf } from '@/domain/translation/units'

export type BundleChange =
  /** Anything a bundle reads that is not one locale's text: every locale. */
  | { kind: 'structure' }
  /** Localized texts saved in one locale, nothing else the bundle reads. */
  | { kind: 'text'; locale: LocaleCode }
  /** Nothing any bundle reads (e.g. only a card position in `metadata`). */
  | { kind: 'none' }

/** The locales whose bundle or progress reads text of `locale` (always includes `locale`). */
export function localesReading(locale: LocaleCode, storySource: LocaleCode): LocaleCode[] {
  return LOCALE_CODES.filter((reader) => {
    if (fallbackChain(reader).includes(locale)) return true
    const from = sourceLocaleOf(reader, storySource)
    return from !== null && fallbackChain(from).includes(locale)
  })
}

/** The locales a change can alter, in `LOCALE_CODES` order. */
export function localesAffected(change: BundleChange, storySource: LocaleCode): LocaleCode[] {
  if (change.kind === 'none') return []
  if (change.kind === 'text') return localesReading(change.locale, storySource)
  return [...LOCALE_CODES]
}

/** One change that covers both (for recompiles folded together): the same text edit, else everything. */
export function mergeChanges(a: BundleChange, b: BundleChange): BundleChange {
  if (a.kind === 'none') return b
  if (b.kind === 'none') return a
  if (a.kind === 'text' && b.kind === 'text' && a.locale === b.locale) return a
  return { kind: 'structure' }
}
