import { describe, expect, it } from 'vitest'

import { applyLexicon, entriesFor, type LexiconEntry } from '@/domain/audio/lexicon'

const entries: LexiconEntry[] = [
  { term: 'Chintu', locale: null, spoken: 'Chin-too' },
  { term: 'Dr.', locale: 'en', spoken: 'Doctor' },
  { term: 'राम', locale: 'hi', spoken: 'रा म' },
  { term: 'राम सिंह', locale: 'hi', spoken: 'राम् सिंघ' },
  { term: 'கண்ணன்', locale: 'ta', spoken: 'கண்ணா' },
  { term: 'কাক', locale: 'bn', spoken: 'কা-ক' },
  { term: 'Chintu', locale: 'hi', spoken: 'चिंटू' },
  { term: 'ஓ', locale: 'ta', spoken: 'ஓஓ' },
]

describe('applyLexicon', () => {
  it.each<[string, string, string, string, string[]]>([
    ['a Latin whole word, any case', 'en', 'chintu and CHINTU ran.', 'Chin-too and Chin-too ran.', ['Chintu']],
    ['not inside a longer Latin word', 'en', 'Chintus and MyChintu', 'Chintus and MyChintu', []],
    ['a term ending in punctuation', 'en', 'Dr. Rao came.', 'Doctor Rao came.', ['Dr.']],
    ['Devanagari whole word', 'hi', 'राम ने कहा।', 'रा म ने कहा।', ['राम']],
    ['not before a vowel sign (रामू is another name)', 'hi', 'रामू ने कहा।', 'रामू ने कहा।', []],
    ['not after a vowel sign or letter', 'hi', 'आराम करो', 'आराम करो', []],
    ['not before a virama-joined conjunct', 'hi', 'राम्या आई', 'राम्या आई', []],
    ['the longest term wins at the same place', 'hi', 'राम सिंह आए, राम भी।', 'राम् सिंघ आए, रा म भी।', ['राम', 'राम सिंह']],
    ['a locale entry overrides an all-locale one', 'hi', 'Chintu आया', 'चिंटू आया', ['Chintu']],
    ['an all-locale entry in another locale', 'ta', 'Chintu வந்தான்', 'Chin-too வந்தான்', ['Chintu']],
    ['Tamil whole word followed by punctuation', 'ta', 'கண்ணன், வா!', 'கண்ணா, வா!', ['கண்ணன்']],
    ['not inside a Tamil word (pulli is a mark)', 'ta', 'கண்ணன்கள்', 'கண்ணன்கள்', []],
    ['a one-letter Tamil term only standing alone', 'ta', 'ஓ! ஓடு', 'ஓஓ! ஓடு', ['ஓ']],
    ['Bengali', 'bn', 'কাক উড়ে গেল। কাকটি', 'কা-ক উড়ে গেল। কাকটি', ['কাক']],
    ['no entries of the locale', 'mr', 'राम आला', 'राम आला', []],
    ['a spoken form is not matched again', 'hi', 'राम', 'रा म', ['राम']],
    ['decomposed input is matched in NFC', 'hi', 'क\u093Cिला राम', 'क़िला रा म', ['राम']],
  ])('should handle %s', (_, locale, text, spoken, terms) => {
    const result = applyLexicon(text, locale, entries)
    expect(result.text).toBe(spoken)
    expect(result.applied.map((a) => a.term)).toEqual(terms)
  })

  it('should record the spoken form of each applied entry, once', () => {
    expect(applyLexicon('Chintu, Chintu!', 'en', entries).applied).toEqual([{ term: 'Chintu', spoken: 'Chin-too' }])
  })

  it('should ignore blank entries', () => {
    const result = applyLexicon('a b', 'en', [{ term: ' ', locale: null, spoken: 'x' }, { term: 'a', locale: null, spoken: '' }])
    expect(result).toEqual({ text: 'a b', applied: [] })
  })

  it('should match terms with hyphens and slashes', () => {
    expect(applyLexicon('Chintu-6a and km/h', 'en', [{ term: 'Chintu-6a', locale: null, spoken: 'X' }, { term: 'km/h', locale: null, spoken: 'kilometres an hour' }]).text).toBe('X and kilometres an hour')
  })

  it('should treat regular-expression characters in terms literally', () => {
    expect(applyLexicon('C++ and C', 'en', [{ term: 'C++', locale: null, spoken: 'C plus plus' }]).text).toBe('C plus plus and C')
  })
})

describe('entriesFor', () => {
  it('should give a locale its own entries and the all-locale ones it does not override', () => {
    expect(entriesFor(entries, 'hi').map((e) => `${e.locale}:${e.term}`).sort()).toEqual(['hi:Chintu', 'hi:राम', 'hi:राम सिंह'])
  })
})
