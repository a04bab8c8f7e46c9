import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { splitText } from '@/domain/audio/splitText'

const stripWhitespace = (s: string) => s.replace(/\s+/g, '')

describe('splitText', () => {
  it('should return the whole text as one chunk when it fits', () => {
    expect(splitText('  Ek din ek bandar tha.  ', 100)).toEqual(['Ek din ek bandar tha.'])
  })

  it('should return no chunks for blank text', () => {
    expect(splitText(' \n\t ', 10)).toEqual([])
  })

  it('should split after the Devanagari danda and double danda', () => {
    expect(splitText('राम घर गया। सीता बाज़ार गई॥ फिर क्या हुआ?', 15)).toEqual(['राम घर गया।', 'सीता बाज़ार गई॥', 'फिर क्या हुआ?'])
  })

  it('should pack several sentences into one chunk up to the limit', () => {
    expect(splitText('One. Two. Three. Four.', 10)).toEqual(['One. Two.', 'Three.', 'Four.'])
  })

  it('should split at a line break', () => {
    expect(splitText('first line without stop\nsecond line', 25)).toEqual(['first line without stop', 'second line'])
  })

  it('should keep closing quotes with their sentence', () => {
    expect(splitText('He said "Run!" Then he ran away.', 16)).toEqual(['He said "Run!"', 'Then he ran', 'away.'])
  })

  it('should not split a decimal number at its point', () => {
    expect(splitText('It costs 3.50 rupees today', 14)).toEqual(['It costs 3.50', 'rupees today'])
  })

  it('should fall back to a comma in an over-long sentence', () => {
    expect(splitText('Ek din, ek chhota bandar, jungle mein khel raha tha', 30)).toEqual(['Ek din, ek chhota bandar,', 'jungle mein khel raha tha'])
  })

  it('should fall back to spaces when there is no comma', () => {
    expect(splitText('aaaa bbbb cccc dddd', 9)).toEqual(['aaaa bbbb', 'cccc dddd'])
  })

  it('should cut a word longer than the limit at a grapheme boundary', () => {
    const chunks = splitText('नमस्ते', 3)
    expect(chunks.join('')).toBe('नमस्ते')
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(3)
    expect(chunks[1].startsWith('\u094D')).toBe(false) // no chunk starts with a virama
  })

  it('should reject a limit below 1', () => {
    expect(() => splitText('abc', 0)).toThrow(RangeError)
  })

  it('should never exceed the limit and never lose a non-whitespace character', () => {
    const pieces = fc.constantFrom('राम', 'घर', 'गया', '।', '॥', '.', '!', '?', ',', ' ', '\n', 'hello', 'ab', '"', 'क्ष', '😀', 'x'.repeat(30))
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 80 }).map((a) => a.join('')), fc.integer({ min: 1, max: 60 }), (text, max) => {
        const chunks = splitText(text, max)
        for (const c of chunks) {
          expect(c.length).toBeLessThanOrEqual(max)
          expect(c.length).toBeGreaterThan(0)
          expect(c).toBe(c.trim())
        }
        expect(stripWhitespace(chunks.join(''))).toBe(stripWhitespace(text))
      }),
      { numRuns: 500 },
    )
  })
})
