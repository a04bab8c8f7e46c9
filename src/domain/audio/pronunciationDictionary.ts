import { createHash } from 'node:crypto'

import { compileLexicon, entriesFor, type LexiconEntry } from '@/domain/audio/lexicon'

/**
 * # Provider pronunciation dictionaries
 *
 * Sarvam's bulbul:v3 keeps pronunciation dictionaries on its side: a JSON file
 * `{ "pronunciations": { "<language code>": { "<word>": "<how to say it>" } } }` uploaded once,
 * whose id (`dict_id`) a text-to-speech request names; the engine swaps exact matches of the
 * request's language before synthesis. For such a model the lexicon (lexicon.ts) is synced to one
 * dictionary and lines are sent as written with its id, instead of rewritten here.
 *
 * Locales voiced in the same provider language (hi and hi-mixed are both hi-IN) share its block: a
 * term they say differently is left out of the block. A line is sent with the dictionary only when
 * the block does to it exactly what the locale's lexicon does (same words replaced, the terms
 * written exactly as in the dictionary); otherwise its text is rewritten as for other models.
 * Either way the content key is the same (it records the entries applied to the line).
 */

/** Language code -> word -> spoken form. */
export type Pronunciations = Record<string, Record<string, string>>

const norm = (s: string) => s.normalize('NFC').trim()

/**
 * The dictionary the lexicon gives for `locales` (each with the provider language it is voiced
 * in): every locale's entries (its own, and the all-locale ones it does not override), grouped by
 * language, without the terms two entries of one language say differently. `words` counts the
 * (language, word) pairs, what the provider's word limit counts.
 */
export function dictionaryOf(entries: readonly LexiconEntry[], locales: readonly { code: string; language: string }[]): { pronunciations: Pronunciations; words: number } {
  const blocks = new Map<string, Map<string, string>>()
  const conflicts = new Map<string, Set<string>>()
  for (const { code, language } of locales) {
    const block = blocks.get(language) ?? new Map<string, string>()
    blocks.set(language, block)
    for (const e of entriesFor(entries, code)) {
      const term = norm(e.term)
      const spoken = norm(e.spoken)
      const had = block.get(term)
      if (had !== undefined && had !== spoken) conflicts.set(language, (conflicts.get(language) ?? new Set()).add(term))
      else block.set(term, spoken)
    }
  }
  const pronunciations: Pronunciations = {}
  let words = 0
  for (const language of [...blocks.keys()].sort()) {
    const block = blocks.get(language)!
    const left = [...block.entries()].filter(([term]) => !conflicts.get(language)?.has(term)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    if (left.length === 0) continue
    pronunciations[language] = Object.fromEntries(left)
    words += left.length
  }
  return { pronunciations, words }
}

/** Identity of a dictionary's content for one model: sha256 of its canonical JSON. */
export function dictionaryHash(model: string, pronunciations: Pronunciations): string {
  const canonical = Object.keys(pronunciations)
    .sort()
    .map((language) => [language, Object.entries(pronunciations[language]!).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))])
  return createHash('sha256').update(JSON.stringify([model, canonical])).digest('hex')
}

/**
 * The words of `next` that `previous` lacks or says differently (what an update uploads), and
 * whether `previous` has words `next` dropped (an update keeps those: the dictionary is made anew).
 */
export function dictionaryChange(previous: Pronunciations, next: Pronunciations): { changed: Pronunciations; changedWords: number; dropsWords: boolean } {
  const changed: Pronunciations = {}
  let changedWords = 0
  for (const [language, block] of Object.entries(next)) {
    for (const [term, spoken] of Object.entries(block)) {
      if (previous[language]?.[term] === spoken) continue
      ;(changed[language] ??= {})[term] = spoken
      changedWords++
    }
  }
  const dropsWords = Object.entries(previous).some(([language, block]) => Object.keys(block).some((term) => next[language]?.[term] === undefined))
  return { changed, changedWords, dropsWords }
}

/**
 * Whether a line may be sent as written with the dictionary: for every sentence, the dictionary's
 * block for the line's language replaces exactly what the locale's lexicon replaced (`spoken`), and
 * each replaced term is written in the sentence exactly as in the dictionary (the provider matches
 * exact words; the lexicon also matches other letter case).
 */
export function dictionaryFits(sentences: readonly { text: string; spoken: string }[], block: Readonly<Record<string, string>> | undefined): boolean {
  const lexicon = compileLexicon(
    Object.entries(block ?? {}).map(([term, spoken]) => ({ term, locale: null, spoken })),
    'any',
  )
  return sentences.every((s) => {
    const result = lexicon.apply(s.text)
    const text = s.text.normalize('NFC')
    return result.text.normalize('NFC') === s.spoken.normalize('NFC') && result.applied.every((a) => text.includes(a.term))
  })
}
