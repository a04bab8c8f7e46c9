import { describe, expect, it } from 'vitest'

import { parseRate, RateLimiter } from '@/domain/listener/rateLimit'

describe('rate limiter', () => {
  it('should allow a burst of the limit, then refuse with the seconds until a token is back', () => {
    const limiter = new RateLimiter({ limit: 3, windowSec: 30 })
    expect([1, 2, 3].map(() => limiter.take('a', 0).ok)).toEqual([true, true, true])
    expect(limiter.take('a', 0)).toEqual({ ok: false, retryAfterSec: 10 })
  })

  it('should refill over time', () => {
    const limiter = new RateLimiter({ limit: 2, windowSec: 2 })
    limiter.take('a', 0)
    limiter.take('a', 0)
    expect(limiter.take('a', 500).ok).toBe(false)
    expect(limiter.take('a', 1000).ok).toBe(true)
  })

  it('should keep keys apart', () => {
    const limiter = new RateLimiter({ limit: 1, windowSec: 60 })
    expect(limiter.take('a', 0).ok).toBe(true)
    expect(limiter.take('b', 0).ok).toBe(true)
    expect(limiter.take('a', 0).ok).toBe(false)
  })

  it('should keep at most maxKeys buckets', () => {
    const limiter = new RateLimiter({ limit: 5, windowSec: 1 }, 100)
    for (let i = 0; i < 1000; i++) limiter.take(`k${i}`, i)
    expect(limiter.size).toBeLessThanOrEqual(100)
  })

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
