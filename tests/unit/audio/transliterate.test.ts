import { describe, expect, it } from 'vitest'

import { transliterateHinglish } from '@/domain/audio/transliterate'

describe('transliterateHinglish', () => {
  it.each([
    ['hai', 'है'],
    ['main', 'मैं'],
    ['nahin', 'नहीं'],
    ['bahut', 'बहुत'],
    ['mein', 'में'],
    ['school', 'स्कूल'],
  ])('should use the exceptions dictionary for %j', (latin, devanagari) => {
    expect(transliterateHinglish(latin)).toBe(devanagari)
  })

  it.each([
    ['khel', 'खेल'],
    ['ghar', 'घर'],
    ['jheel', 'झील'],
    ['dhoop', 'धूप'],
    ['phal', 'फल'],
    ['bhaaga', 'भागा'],
    ['shaam', 'शाम'],
    ['chaand', 'चांद'],
  ])('should map the digraphs in %j', (latin, devanagari) => {
    expect(transliterateHinglish(latin)).toBe(devanagari)
  })

  it.each([
    ['aam', 'आम'],
    ['neela', 'नीला'],
    ['doodh', 'दूध'],
    ['paise', 'पैसे'],
    ['aurat', 'औरत'],
  ])('should map long vowels and diphthongs in %j', (latin, devanagari) => {
    expect(transliterateHinglish(latin)).toBe(devanagari)
  })

  it.each([
    ['kal', 'कल'],
    ['raha', 'रहा'],
    ['sasta', 'सस्ता'],
    ['kutta', 'कुत्ता'],
    ['andar', 'अंदर'],
    ['dost', 'दोस्त'],
  ])('should handle the inherent a, word ends and conjuncts in %j', (latin, devanagari) => {
    expect(transliterateHinglish(latin)).toBe(devanagari)
  })

  it('should write dental t and d, as the Latin spelling cannot tell them from retroflex', () => {
    expect(transliterateHinglish('thanda')).toBe('थंदा')
  })

  it('should write a vowel in full at the start of a word and after a vowel', () => {
    expect(transliterateHinglish('ullu')).toBe('उल्लु')
    expect(transliterateHinglish('naao')).toBe('नाओ')
  })

  it('should keep punctuation, digits and spacing and ignore case', () => {
    expect(transliterateHinglish('Ek din, Raja ne 3 aam khaye!')).toBe('एक दिन, राजा ने 3 आम खये!')
  })

  it('should leave Devanagari untouched', () => {
    expect(transliterateHinglish('राम ghar गया')).toBe('राम घर गया')
  })
})
