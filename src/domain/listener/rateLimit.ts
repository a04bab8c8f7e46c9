/**
 * Token-bucket rate limiting, in memory. A bucket holds up to `limit` tokens and refills at
 * `limit / windowSec` per second, so a client may burst `limit` requests and then sustain the
 * average rate. A refused request gets the seconds until one token is back (Retry-After).
 *
 * Memory stays bounded: at most `maxKeys` buckets; when full, buckets that have refilled
 * completely (indistinguishable from new ones) are dropped first, then the oldest.
 */
export type Rate = { limit: number; windowSec: number }

export type Take = { ok: true; remaining: number } | { ok: false; retryAfterSec: number }

/** Parses "120/60" or "120/1m" (requests per window); "0" or "off" disables the limit (null). */
export function parseRate(text: string | undefined, fallback: Rate | null): Rate | null {
  if (text === undefined || text.trim() === '') return fallback
  const t = text.trim().toLowerCase()
  if (t === 'off' || t === '0') return null
  const match = /^(\d+)\s*\/\s*(\d+)?\s*(s|m|h)?$/.exec(t)
  if (!match) throw new Error(`Invalid rate "${text}": expected e.g. "120/60" (requests per seconds), "600/1m" or "off".`)
  const limit = Number(match[1])
  const unit = match[3] === 'h' ? 3600 : match[3] === 'm' ? 60 : 1
  const windowSec = Number(match[2] ?? 1) * unit
  if (limit <= 0 || windowSec <= 0) throw new Error(`Invalid rate "${text}": limit and window must be positive.`)
  return { limit, windowSec }
}

type Bucket = { tokens: number; at: number }

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()
  private readonly perMs: number

  constructor(
    readonly rate: Rate,
    private readonly maxKeys = 100_000,
  ) {
    this.perMs = rate.limit / (rate.windowSec * 1000)
  }

  /** Takes `cost` tokens from `key`'s bucket at time `nowMs`. */
  take(key: string, nowMs: number, cost = 1): Take {
    let bucket = this.buckets.get(key)
    if (bucket) {
      bucket.tokens = Math.min(this.rate.limit, bucket.tokens + (nowMs - bucket.at) * this.perMs)
      bucket.at = nowMs
      // Re-insert: Map order becomes least-recently-used first.
      this.buckets.delete(key)
      this.buckets.set(key, bucket)
    } else {
      this.evictIfFull(nowMs)
      bucket = { tokens: this.rate.limit, at: nowMs }
      this.buckets.set(key, bucket)
    }
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost
      return { ok: true, remaining: Math.floor(bucket.tokens) }
    }
    const missing = cost - bucket.tokens
    return { ok: false, retryAfterSec: Math.max(1, Math.ceil(missing / this.perMs / 1000)) }
  }

  get size(): number {
    return this.buckets.size
  }

  private evictIfFull(nowMs: number): void {
    if (this.buckets.size < this.maxKeys) return
    for (const [key, b] of this.buckets) {
      if (b.tokens + (nowMs - b.at) * this.perMs >= this.rate.limit) this.buckets.delete(key)
      if (this.buckets.size < this.maxKeys * 0.9) return
    }
    while (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!)
  }
}
