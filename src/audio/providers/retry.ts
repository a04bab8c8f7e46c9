import type { Sleep } from '@/audio/providers/rateLimit'

/** How a failed attempt should be handled. */
export type Failure =
  | { kind: 'rate-limited'; status: number; retryAfterMs?: number; detail: string }
  | { kind: 'transient'; status?: number; detail: string }
  | { kind: 'fatal'; status?: number; detail: string }

export type RetryOptions = {
  maxAttempts: number
  sleep: Sleep
  random?: () => number
  baseDelayMs?: number
  maxDelayMs?: number
  /** Longest Retry-After honoured; a longer one (quota exhausted) fails at once. */
  maxRetryAfterMs?: number
  /** Called before every attempt (the rate limiter). */
  beforeAttempt?: () => Promise<void>
  classify: (error: unknown) => Failure
}

export class RetriesExhausted extends Error {
  constructor(
    readonly failure: Failure,
    readonly attempts: number,
    reason: string,
    cause: unknown,
  ) {
    super(reason, { cause })
    this.name = 'RetriesExhausted'
  }
}

/**
 * Run `fn` until it succeeds. 429: wait Retry-After (or back off when absent) and retry;
 * transient (5xx, timeout, network): retry after jittered exponential backoff
 * (base * 2^(n-1), +-50%, capped); fatal: stop at once. Gives up after `maxAttempts` with a
 * `RetriesExhausted` carrying the last failure and the attempt count.
 */
export async function withRetries<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<{ value: T; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    await options.beforeAttempt?.()
    try {
      return { value: await fn(attempt), attempts: attempt }
    } catch (error) {
      const failure = options.classify(error)
      const delay = delayBeforeRetry(failure, attempt, options)
      if (typeof delay === 'string') throw new RetriesExhausted(failure, attempt, delay, error)
      await options.sleep(delay)
    }
  }
}

/** Milliseconds to wait before the next attempt, or why there is none. */
function delayBeforeRetry(failure: Failure, attempt: number, options: RetryOptions): number | string {
  const { maxAttempts, maxRetryAfterMs = 120_000 } = options
  if (failure.kind === 'fatal') return 'not retryable'
  if (attempt >= maxAttempts) return `gave up after ${attempt} attempts`
  if (failure.kind === 'rate-limited' && failure.retryAfterMs !== undefined) {
    if (failure.retryAfterMs > maxRetryAfterMs) {
      return `Retry-After of ${Math.round(failure.retryAfterMs / 1000)} s exceeds the ${Math.round(maxRetryAfterMs / 1000)} s limit`
    }
    return failure.retryAfterMs
  }
  return backoff(attempt, options)
}

function backoff(attempt: number, { random = Math.random, baseDelayMs = 500, maxDelayMs = 30_000 }: RetryOptions): number {
  const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1))
  return Math.round(exp * (0.5 + random()))
}

/** Retry-After header value (delay-seconds or HTTP date) in ms; undefined if absent or invalid. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
