import { describe, expect, it } from 'vitest'

import { codeMixRatio, measureCodeMix } from '@/domain/audio/codeMix'

describe('measureCodeMix', () => {
  it.each([
    ['Ek din ek bandar jungle mein khel raha tha', 0],
    ['Mera best friend school nahi aaya', 0.5],
    ['Happy birthday my friend', 1],
  ])('should estimate the English share of %j as %d', (text, expected) => {
    expect(measureCodeMix(text)).toBe(expected)
  })

  it('should leave out words that are both Hindi and English spellings', () => {
    // main, to, the, is: ambiguous; "happy" English, "tha" and "woh" Hindi.
    expect(measureCodeMix('main to happy tha, woh the is')).toBe(0.33)
  })

  it('should be 0 for text without words', () => {
    expect(measureCodeMix('... 123 !')).toBe(0)
  })

  it('should be case-insensitive', () => {
    expect(measureCodeMix('HAPPY Birthday')).toBe(1)
  })
})

describe('codeMixRatio', () => {
  it('should be 0 for English, the base language', () => {
    expect(codeMixRatio('en', 'Once upon a time')).toBe(0)
  })

  it('should measure Hinglish with the English word list', () => {
    expect(codeMixRatio('hi-mixed', 'Mera best friend school nahi aaya')).toBe(0.5)
  })

  it('should count Latin-script words inside native-script text', () => {
    expect(codeMixRatio('hi', 'मेरा phone कहाँ है')).toBe(0.25)
  })

  it('should be 0 for pure native-script text', () => {
    expect(codeMixRatio('ta', 'ஒரு நாள் ஒரு குரங்கு')).toBe(0)
  })
})
