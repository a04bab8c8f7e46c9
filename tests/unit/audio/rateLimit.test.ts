import { describe, expect, it } from 'vitest'

import { TokenBucket } from '@/audio/providers/rateLimit'
import { RetriesExhausted, parseRetryAfter, withRetries, type Failure } from '@/audio/providers/retry'
import { fakeTime } from '../../support/pcm'

describe('TokenBucket', () => {
  it('should let the first request through at once', async () => {
    const time = fakeTime()
    await new TokenBucket({ perMinute: 30, ...time }).take()
    expect(time.sleeps).toEqual([])
  })

  it('should space requests 60/perMinute seconds apart', async () => {
    const time = fakeTime()
    const bucket = new TokenBucket({ perMinute: 30, ...time })
    for (let i = 0; i < 4; i++) await bucket.take()
    expect(time.sleeps).toEqual([2000, 2000, 2000])
  })

  it('should queue concurrent callers one slot after another', async () => {
    const sleeps: number[] = []
    const bucket = new TokenBucket({ perMinute: 60, now: () => 0, sleep: async (ms) => void sleeps.push(ms) })
    await Promise.all([bucket.take(), bucket.take(), bucket.take()])
    expect(sleeps).toEqual([1000, 2000])
  })

  it('should allow a burst after a quiet spell, up to its size', async () => {
    const time = fakeTime()
    const bucket = new TokenBucket({ perMinute: 60, burst: 3, ...time })
    await time.sleep(60_000)
    time.sleeps.length = 0
    for (let i = 0; i < 4; i++) await bucket.take()
    expect(time.sleeps).toEqual([1000])
  })
})

describe('withRetries', () => {
  const transient: Failure = { kind: 'transient', status: 503, detail: 'HTTP 503' }

  it('should return the value and the attempts it took', async () => {
    const time = fakeTime()
    let calls = 0
    const result = await withRetries(async () => (++calls < 3 ? Promise.reject(new Error('x')) : 'ok'), {
      maxAttempts: 5, sleep: time.sleep, random: () => 0.5, classify: () => transient,
    })
    expect(result).toEqual({ value: 'ok', attempts: 3 })
  })

  it('should back off exponentially with jitter between half and one and a half times', async () => {
    const time = fakeTime()
    const jitter = [0, 0.999, 0.5]
    await withRetries(async (n) => (n < 4 ? Promise.reject(new Error('x')) : 1), {
      maxAttempts: 5, sleep: time.sleep, random: () => jitter.shift() ?? 0.5, baseDelayMs: 100, classify: () => transient,
    })
    expect(time.sleeps).toEqual([50, 300, 400])
  })

  it('should not retry a fatal failure', async () => {
    let calls = 0
    const error = await withRetries(async () => Promise.reject(new Error(`call ${++calls}`)), {
      maxAttempts: 5, sleep: fakeTime().sleep, classify: () => ({ kind: 'fatal', status: 400, detail: 'HTTP 400' }),
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RetriesExhausted)
    expect(error).toMatchObject({ attempts: 1, message: 'not retryable' })
    expect(calls).toBe(1)
  })

  it('should refuse to wait a Retry-After longer than its limit', async () => {
    const error = await withRetries(async () => Promise.reject(new Error('429')), {
      maxAttempts: 5, sleep: fakeTime().sleep, maxRetryAfterMs: 60_000,
      classify: () => ({ kind: 'rate-limited', status: 429, retryAfterMs: 3_600_000, detail: 'HTTP 429' }),
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ attempts: 1, message: 'Retry-After of 3600 s exceeds the 60 s limit' })
  })
})

describe('parseRetryAfter', () => {
  it('should read delay-seconds', () => {
    expect(parseRetryAfter('7')).toBe(7000)
  })

  it('should read an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z')
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000)
  })

  it('should ignore a missing or invalid header', () => {
    expect(parseRetryAfter(null)).toBeUndefined()
    expect(parseRetryAfter('soon')).toBeUndefined()
  })
})
