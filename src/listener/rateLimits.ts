import type { Payload } from 'payload'

import type { Pool } from 'pg'
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'

import type { Rate } from '@/domain/listener/rateLimit'
import { primaryPool } from '@/db/postgres'

import { listenerSettings, type LimitName } from '@/listener/config'

/**
 * The listener API's rate limits, shared by every app process on one database: a fixed window
 * per key in the UNLOGGED `rate_limits` table (rate-limiter-flexible's Postgres store; one upsert
 * per check on the primary). So N processes enforce one limit and a restart does not reset it.
 *
 * - A key that used up its window is refused from memory until the window ends
 *   (`inMemoryBlockOnConsumed`): a flood costs no database round trips.
 * - The rate is part of the key: changing a limit starts every key on a fresh window.
 * - While Postgres cannot be reached, each process falls back to an in-memory limiter with the
 *   same rate (the insurance limiter): limits then hold per process, never not at all.
 */
export type RateCheck = { ok: true } | { ok: false; retryAfterSec: number; rate: Rate }

type Limiters = Map<string, RateLimiterPostgres>
const byPool = new WeakMap<Pool, Limiters>()

function limiterFor(pool: Pool, name: LimitName, rate: Rate): RateLimiterPostgres {
  let limiters = byPool.get(pool)
  if (!limiters) byPool.set(pool, (limiters = new Map()))
  const keyPrefix = `${name}:${rate.limit}/${rate.windowSec}`
  let limiter = limiters.get(keyPrefix)
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true, // by the shared_rate_limits migration
      clearExpiredByTimeout: limiters.size === 0, // one sweep of stale rows per process is enough
      keyPrefix,
      points: rate.limit,
      duration: rate.windowSec,
      inMemoryBlockOnConsumed: rate.limit,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points: rate.limit, duration: rate.windowSec }),
    })
    limiters.set(keyPrefix, limiter)
  }
  return limiter
}

/** Takes `cost` points of `key` under the limit `name` (no limit configured: always ok). */
export async function takeRate(payload: Payload, name: LimitName, key: string, cost = 1): Promise<RateCheck> {
  const rate = listenerSettings().limits[name]
  if (!rate) return { ok: true }
  try {
    await limiterFor(primaryPool(payload), name, rate).consume(key, cost)
    return { ok: true }
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err
    return { ok: false, retryAfterSec: Math.max(1, Math.ceil(err.msBeforeNext / 1000)), rate }
  }
}
