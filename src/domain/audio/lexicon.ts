/**
 * Pronunciation lexicon: a term and how to say it (`Chintu` -> `चिंटू`, `Dr.` -> `Doctor`), for one
 * locale or all. Applied to a line's text before synthesis, whole words only, in every script.
 *
 * "Whole word" means no letter, combining mark (matra, virama, nukta), digit or joiner (ZWJ/ZWNJ)
 * right before or after the match: `\b` in JavaScript only knows ASCII, so `राम` would match inside
 * `रामू` (the vowel sign ू is a mark) and `Raj` inside `Rajesh` would be prevented only by luck.
 * Text and terms are compared in NFC; Latin (and other cased scripts) case-insensitively. Longer
 * terms win over shorter ones at the same place; one pass, so a spoken form is never re-matched.
 */

export type LexiconEntry = {
  term: string
  /** A locale code, or null for every locale. */
  locale: string | null
  spoken: string
}

/** What the content key records of the entries that changed a line: the term and its spoken form. */
export type AppliedEntry = { term: string; spoken: string }

export type LexiconResult = {
  text: string
  /** Entries that matched at least once, sorted by term: part of the line's content key. */
  applied: AppliedEntry[]
}

const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}\u200C\u200D]`

/**
 * The entries that apply in `locale`: its own, and the all-locale ones whose term it does not
 * define itself (a locale's entry overrides an all-locale one for the same term).
 */
export function entriesFor(entries: readonly LexiconEntry[], locale: string): LexiconEntry[] {
  const own = entries.filter((e) => e.locale === locale && usable(e))
  const ownTerms = new Set(own.map((e) => fold(e.term)))
  const shared = entries.filter((e) => e.locale === null && usable(e) && !ownTerms.has(fold(e.term)))
  return [...own, ...shared]
}

/** A compiled lexicon for one locale: build once per story and locale, apply to every line. */
export type CompiledLexicon = { apply(text: string): LexiconResult; size: number }

export function compileLexicon(entries: readonly LexiconEntry[], locale: string): CompiledLexicon {
  const list = dedupe(entriesFor(entries, locale)).sort((a, b) => norm(b.term).length - norm(a.term).length || compare(a.term, b.term))
  if (list.length === 0) return { size: 0, apply: (text) => ({ text, applied: [] }) }
  const alternatives = list.map((e) => `(${escapeRegExp(norm(e.term).trim())})`).join('|')
  const pattern = new RegExp(`(?<!${WORD_CHAR})(?:${alternatives})(?!${WORD_CHAR})`, 'giu')
  return {
    size: list.length,
    apply(text) {
      const used = new Map<number, LexiconEntry>()
      const out = norm(text).replace(pattern, (...args: unknown[]) => {
        const groups = args.slice(1, list.length + 1)
        const index = groups.findIndex((g) => g !== undefined)
        const entry = list[index]!
        used.set(index, entry)
        return norm(entry.spoken).trim()
      })
      const applied = [...used.values()]
        .map((e) => ({ term: norm(e.term).trim(), spoken: norm(e.spoken).trim() }))
        .sort((a, b) => compare(a.term, b.term))
      return { text: out, applied }
    },
  }
}

/** Applies the lexicon of `locale` to one text (see compileLexicon to apply it to many). */
export function applyLexicon(text: string, locale: string, entries: readonly LexiconEntry[]): LexiconResult {
  return compileLexicon(entries, locale).apply(text)
}

function usable(e: LexiconEntry): boolean {
  return typeof e.term === 'string' && e.term.trim() !== '' && typeof e.spoken === 'string' && e.spoken.trim() !== ''
}

/** Two entries of the same scope for the same term: the first one (by spoken form) wins, stably. */
function dedupe(list: LexiconEntry[]): LexiconEntry[] {
  const seen = new Map<string, LexiconEntry>()
  for (const e of [...list].sort((a, b) => compare(a.spoken, b.spoken))) {
    const key = fold(e.term)
    if (!seen.has(key)) seen.set(key, e)
  }
  return [...seen.values()]
}

const norm = (s: string) => s.normalize('NFC')
const fold = (s: string) => norm(s).trim().toLowerCase()
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
