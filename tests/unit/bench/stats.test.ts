import { describe, expect, it } from 'vitest'

import { median, percentile } from '../../../bench/stats'

describe('percentile (nearest rank)', () => {
  it('should take the lower middle as the median of an even count, in any input order', () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2)
    expect(percentile([5, 1, 3], 50)).toBe(3)
  })

  it('should take the smallest value with at least p% at or below it, within the bounds', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i) // 100 .. 1, unsorted
    expect(percentile(values, 95)).toBe(95)
    expect(percentile(values, 99)).toBe(99)
    expect(percentile(values, 100)).toBe(100)
    expect(percentile(values, 0)).toBe(1)
  })

  it('should not reorder its input and read NaN for no values', () => {
    const values = [3, 1, 2]
    percentile(values, 50)
    expect(values).toEqual([3, 1, 2])
    expect(percentile([], 50)).toBeNaN()
  })
})

describe('median (true)', () => {
  it('should take the mean of the two middle values of an even count, and the middle of an odd one, in any order', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([5, 1, 3])).toBe(3)
    expect(median([9.7, 75.7, 36.9, 33])).toBeCloseTo(34.95, 10)
  })

  it('should not reorder its input and read NaN for no values', () => {
    const values = [3, 1, 2, 0]
    expect(median(values)).toBe(1.5)
    expect(values).toEqual([3, 1, 2, 0])
    expect(median([])).toBeNaN()
  })
})
