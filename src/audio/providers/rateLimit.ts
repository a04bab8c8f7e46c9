export type Sleep = (ms: number) => Promise<void>
export type Clock = () => number

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export type TokenBucketOptions = {
  /** Requests allowed per minute on average. */
  perMinute: number
  /** Requests that may go out back to back after a quiet spell (default 1: evenly spaced, which
   * also never trips a sliding-window limit on the server). */
  burst?: number
  now?: Clock
  sleep?: Sleep
}

/**
 * Client-side rate limit: a token bucket refilled at `perMinute / 60` tokens a second. `take()`
 * resolves when a request may be sent. Callers queue in order (each reserves its slot before
 * sleeping), so concurrent callers share one rate. Share one bucket per API key and process.
 */
export class TokenBucket {
  private readonly capacity: number
  private readonly msPerToken: number
  private readonly now: Clock
  private readonly sleep: Sleep
  private tokens: number
  private updatedAt: number

  constructor({ perMinute, burst = 1, now = Date.now, sleep = realSleep }: TokenBucketOptions) {
    if (!(perMinute > 0) || !Number.isFinite(perMinute)) throw new RangeError(`perMinute must be a positive number, got ${perMinute}`)
    if (!Number.isInteger(burst) || burst < 1) throw new RangeError(`burst must be a positive integer, got ${burst}`)
    this.capacity = burst
    this.msPerToken = 60_000 / perMinute
    this.now = now
    this.sleep = sleep
    this.tokens = burst
    this.updatedAt = now()
  }

  async take(): Promise<void> {
    this.refill()
    this.tokens -= 1
    if (this.tokens >= 0) return
    // Reserved a token we do not have yet: wait until it has been earned.
    await this.sleep(-this.tokens * this.msPerToken)
  }

  private refill(): void {
    const now = this.now()
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) / this.msPerToken)
    this.updatedAt = now
  }
}
