import { describe, expect, it } from 'vitest'

import { parseRate } from '@/domain/listener/rateLimit'

describe('rate parsing', () => {
  it.each([
    ['120/60', { limit: 120, windowSec: 60 }],
    ['600/1m', { limit: 600, windowSec: 60 }],
    ['10/h', { limit: 10, windowSec: 3600 }],
    ['5/s', { limit: 5, windowSec: 1 }],
    ['off', null],
    [undefined, { limit: 1, windowSec: 1 }],
  ])('should parse %j', (text, rate) => {
    expect(parseRate(text, { limit: 1, windowSec: 1 })).toEqual(rate)
  })

  it('should refuse a malformed rate', () => {
    expect(() => parseRate('lots', null)).toThrow(/Invalid rate/)
  })
})
