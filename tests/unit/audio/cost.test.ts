import { describe, expect, it } from 'vitest'

import { estimateCost } from '@/domain/audio/cost'

describe('estimateCost', () => {
  it('should charge ₹30 per 10,000 characters by default', () => {
    expect(estimateCost(10_000)).toBe(30)
  })

  it('should round to paise', () => {
    expect(estimateCost(1234)).toBe(3.7)
    expect(estimateCost(1)).toBe(0)
  })

  it('should use a given rate', () => {
    expect(estimateCost(5000, { rupeesPer10k: 15 })).toBe(7.5)
  })

  it('should reject a negative or fractional character count', () => {
    expect(() => estimateCost(-1)).toThrow(RangeError)
    expect(() => estimateCost(1.5)).toThrow(RangeError)
  })
})
