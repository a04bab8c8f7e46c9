import { describe, expect, it } from 'vitest'

import { contentKey, type ContentKeyInput } from '@/domain/audio/contentKey'

const base: ContentKeyInput = {
  text: 'एक दिन एक बंदर था।',
  locale: 'hi',
  speaker: 'meera',
  model: 'bulbul:v3',
  provider: 'sarvam',
  settings: { pace: 1, temperature: 0.6 },
  codeMixRatio: 0,
}

describe('contentKey', () => {
  it('should return a sha256 hex digest', () => {
    expect(contentKey(base)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('should give identical keys for identical inputs', () => {
    expect(contentKey({ ...base })).toBe(contentKey(structuredClone(base)))
  })

  it('should ignore the order of settings keys and undefined settings', () => {
    const reordered = { ...base, settings: { temperature: 0.6, pitch: undefined, pace: 1 } }
    expect(contentKey(reordered)).toBe(contentKey(base))
  })

  it('should treat canonically equivalent Unicode text as the same text', () => {
    const composed = { ...base, text: 'क़िला' } // U+0958
    const decomposed = { ...base, text: 'क\u093Cिला' } // क + nukta
    expect(contentKey(composed)).toBe(contentKey(decomposed))
  })

  it.each<[string, Partial<ContentKeyInput>]>([
    ['text', { text: 'एक दिन एक बंदर थी।' }],
    ['text whitespace', { text: 'एक दिन  एक बंदर था।' }],
    ['locale', { locale: 'mr' }],
    ['speaker', { speaker: 'arvind' }],
    ['model', { model: 'bulbul:v2' }],
    ['provider', { provider: 'local' }],
    ['a setting value', { settings: { pace: 1.1, temperature: 0.6 } }],
    ['an added setting', { settings: { pace: 1, temperature: 0.6, pitch: 0 } }],
    ['code-mix ratio', { codeMixRatio: 0.25 }],
    ['applied lexicon (an entry added)', { lexicon: [{ term: 'बंदर', spoken: 'बन्दर' }] }],
  ])('should change the key when the %s changes', (_, change) => {
    expect(contentKey({ ...base, ...change })).not.toBe(contentKey(base))
  })

  it('should change the key when an applied entry\'s spoken form changes, and ignore entry order', () => {
    const one = { ...base, lexicon: [{ term: 'बंदर', spoken: 'बन्दर' }, { term: 'दिन', spoken: 'दिन्' }] }
    const swapped = { ...base, lexicon: [{ term: 'दिन', spoken: 'दिन्' }, { term: 'बंदर', spoken: 'बन्दर' }] }
    const respelled = { ...base, lexicon: [{ term: 'बंदर', spoken: 'बंदरr' }, { term: 'दिन', spoken: 'दिन्' }] }
    expect(contentKey(swapped)).toBe(contentKey(one))
    expect(contentKey(respelled)).not.toBe(contentKey(one))
    expect(contentKey({ ...base, lexicon: [] })).toBe(contentKey(base))
  })

  it('should round the code-mix ratio to the two decimals stored', () => {
    expect(contentKey({ ...base, codeMixRatio: 0.301 })).toBe(contentKey({ ...base, codeMixRatio: 0.3 }))
  })

  it('should not confuse fields whose concatenation is equal', () => {
    const a = { ...base, speaker: 'ab', model: 'c' }
    const b = { ...base, speaker: 'a', model: 'bc' }
    expect(contentKey(a)).not.toBe(contentKey(b))
  })

  it('should reject a code-mix ratio outside 0..1', () => {
    expect(() => contentKey({ ...base, codeMixRatio: 1.5 })).toThrow(/codeMixRatio must be a number from 0 to 1/)
  })
})
