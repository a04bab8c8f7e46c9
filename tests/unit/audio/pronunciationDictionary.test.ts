import { describe, expect, it } from 'vitest'

import { dictionaryChange, dictionaryFits, dictionaryHash, dictionaryOf } from '@/domain/audio/pronunciationDictionary'
import { compileLexicon, type LexiconEntry } from '@/domain/audio/lexicon'
import { splitSentences } from '@/domain/audio/cues'

const locales = [
  { code: 'en', language: 'en-IN' },
  { code: 'hi', language: 'hi-IN' },
  { code: 'hi-mixed', language: 'hi-IN' },
  { code: 'ta', language: 'ta-IN' },
]

describe('dictionaryOf', () => {
  it('should group each locale’s entries (its own and the shared ones) by provider language', () => {
    const entries: LexiconEntry[] = [
      { term: 'Chintu', locale: null, spoken: 'Chin-too' },
      { term: 'चिंटू', locale: 'hi', spoken: 'चिन्टू' },
      { term: 'Chintu', locale: 'ta', spoken: 'சிண்டு' },
    ]
    const { pronunciations, words } = dictionaryOf(entries, locales)
    expect(pronunciations).toEqual({
      'en-IN': { Chintu: 'Chin-too' },
      'hi-IN': { Chintu: 'Chin-too', चिंटू: 'चिन्टू' },
      'ta-IN': { Chintu: 'சிண்டு' },
    })
    expect(words).toBe(4)
  })

  it('should leave out a term two locales of one language say differently', () => {
    const { pronunciations } = dictionaryOf(
      [
        { term: 'Dr.', locale: 'hi', spoken: 'डॉक्टर' },
        { term: 'Dr.', locale: 'hi-mixed', spoken: 'Doctor' },
        { term: 'राम', locale: 'hi', spoken: 'राम' },
      ],
      locales,
    )
    expect(pronunciations).toEqual({ 'hi-IN': { राम: 'राम' } })
  })

  it('should give no blocks for no entries, and the same hash for the same content in any order', () => {
    expect(dictionaryOf([], locales)).toEqual({ pronunciations: {}, words: 0 })
    expect(dictionaryHash('bulbul:v3', { 'hi-IN': { a: '1', b: '2' } })).toBe(dictionaryHash('bulbul:v3', { 'hi-IN': { b: '2', a: '1' } }))
    expect(dictionaryHash('bulbul:v3', { 'hi-IN': { a: '1' } })).not.toBe(dictionaryHash('bulbul:v3', { 'hi-IN': { a: '2' } }))
  })
})

describe('dictionaryChange', () => {
  it('should upload only new or changed words, and tell when words were dropped', () => {
    const before = { 'hi-IN': { a: '1', b: '2' } }
    expect(dictionaryChange(before, { 'hi-IN': { a: '1', b: '3', c: '4' } })).toEqual({ changed: { 'hi-IN': { b: '3', c: '4' } }, changedWords: 2, dropsWords: false })
    expect(dictionaryChange(before, { 'hi-IN': { a: '1' } })).toMatchObject({ changedWords: 0, dropsWords: true })
  })
})

describe('dictionaryFits', () => {
  const sentencesOf = (text: string, entries: LexiconEntry[], locale = 'hi') => {
    const lexicon = compileLexicon(entries, locale)
    return splitSentences(text).map((t) => ({ text: t, spoken: lexicon.apply(t).text }))
  }

  it('should send a line as written when the dictionary replaces exactly what the lexicon does', () => {
    const entries: LexiconEntry[] = [{ term: 'चिंटू', locale: 'hi', spoken: 'चिन्टू' }]
    const block = dictionaryOf(entries, locales).pronunciations['hi-IN']
    expect(dictionaryFits(sentencesOf('चिंटू पानी पीता है। कौआ उड़ता है।', entries), block)).toBe(true)
    expect(dictionaryFits(sentencesOf('कौआ उड़ता है।', entries), block)).toBe(true)
  })

  it('should rewrite a line the dictionary would treat differently', () => {
    // The lexicon matches other letter case; Sarvam matches words exactly.
    const entries: LexiconEntry[] = [{ term: 'Chintu', locale: 'hi', spoken: 'चिंटू' }]
    const block = dictionaryOf(entries, locales).pronunciations['hi-IN']
    expect(dictionaryFits(sentencesOf('CHINTU आया।', entries), block)).toBe(false)
    // A term another locale of the same language defines (hi-mixed), which hi does not apply.
    const shared = dictionaryOf([{ term: 'Dr.', locale: 'hi-mixed', spoken: 'Doctor' }], locales).pronunciations['hi-IN']
    expect(dictionaryFits(sentencesOf('Dr. आए।', []), shared)).toBe(false)
  })
})
