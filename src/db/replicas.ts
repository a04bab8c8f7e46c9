import type { Payload } from 'payload'

import type { Pool } from 'pg'

import { withReplicas } from 'drizzle-orm/pg-core'

import { keepMarks, parseLsn, replayLag, withinLag, type WalMark } from '@/domain/replication/replayLag'
import { metrics } from '@/observability/metrics'
import { primaryPool, survivePoolErrors } from '@/db/postgres'
import { settings } from '@/settings'

/**
 * Read replicas. Payload's own `readReplicas` option opens one pool per replica and sends every
 * read outside a transaction to a random one (writes, transactions and reads within
 * `readReplicasAfterWriteInterval` of a write in this process go to the primary). This module adds
 * what a deployment needs around it:
 * - a probe (every REPLICA_PROBE_MS) of each replica's replay lag, measured against the primary's
 *   WAL position (src/domain/replication/replayLag.ts); a replica that is down or lags more than
 *   DATABASE_REPLICA_MAX_LAG_MS gets no reads, the primary takes them (requests never fail because
 *   a replica did);
 * - requests of signed-in staff (Payload's cookie or a JWT) read the primary, so an editor sees
 *   their own write on any app process (read-your-writes);
 * - the delivery paths' own SQL (cold bundle reads, catalog) uses `deliveryPool()`: a healthy
 *   replica, except for refills after a change notification, which read the primary for
 *   `freshWindowMs()` (a lagging replica could still hold the old version; one that lags more than
 *   the bound is not used at all), so the exact bundle cache stays exact.
 */
export function replicaUrls(): string[] {
  return settings().database.replicas.urls
}

const PROBE_MS = () => settings().database.replicas.probeMs
const MAX_LAG_MS = () => settings().database.replicas.maxLagMs

/** How long after a change notification a refill must read the primary. */
export function freshWindowMs(): number {
  return MAX_LAG_MS() + 2 * PROBE_MS()
}

type Replica = { pool: Pool; db: unknown; healthy: boolean; lagMs: number | null; error: string | null }
type State = {
  replicas: Replica[]
  timer: NodeJS.Timeout | null
  primaryDb: unknown
  primary: Pool | null
  /** The primary's WAL positions with the time each was read (the probe's marks). */
  marks: WalMark[]
}

const KEY = Symbol.for('bhasha-kahani.replicas')
const state = (): State => ((globalThis as { [KEY]?: State })[KEY] ??= { replicas: [], timer: null, primaryDb: null, primary: null, marks: [] })

/** Probes closer together than this share the primary's mark (readiness checks may come in floods). */
const MARK_EVERY_MS = 10
/** Most marks kept: fewer only coarsen the lag of a standby that is far behind (it reads as more). */
const MAX_MARKS = 256

/** Marks the current request as one that must read the primary (set by the server for staff). */
export function readsPrimary(): boolean {
  return metrics().requestContext.getStore()?.primary === true
}

function healthyReplicas(): Replica[] {
  return state().replicas.filter((r) => r.healthy)
}

/**
 * Reads the primary's flushed WAL position as a new mark: every commit visible on the primary lies
 * at or before it (with synchronous_commit off, up to wal_writer_delay later), and it is exactly
 * what a standby can receive, so a caught-up standby stands at it. False when the primary does not answer.
 */
async function markPrimary(s: State): Promise<boolean> {
  if (!s.primary) return false
  const at = Date.now()
  if (s.marks.length && at - s.marks[s.marks.length - 1]!.at < MARK_EVERY_MS) return true
  try {
    const { rows } = await s.primary.query<{ lsn: string }>('SELECT pg_current_wal_flush_lsn()::text AS lsn')
    const marks = keepMarks([...s.marks, { lsn: parseLsn(rows[0]!.lsn), at }], Date.now(), MAX_LAG_MS() + 2 * PROBE_MS())
    s.marks = marks.length > MAX_MARKS ? [marks[0]!, ...marks.slice(marks.length - MAX_MARKS + 1)] : marks
    return true
  } catch {
    return false
  }
}

async function probe(replica: Replica, marked: boolean): Promise<void> {
  try {
    const { rows } = await replica.pool.query<{ recovery: boolean; replayed: string | null; own_lag_ms: number | null }>(
      `SELECT pg_is_in_recovery() AS recovery, pg_last_wal_replay_lsn()::text AS replayed,
              CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                   ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) * 1000 END AS own_lag_ms`,
    )
    const row = rows[0]
    replica.error = null
    if (row?.recovery && row.replayed && marked) {
      // Against the primary's marks (see replayLag.ts).
      const lag = replayLag(parseLsn(row.replayed), state().marks, Date.now())
      replica.lagMs = lag && Math.round(lag.ms)
      replica.healthy = withinLag(lag, MAX_LAG_MS())
      return
    }
    // Not a standby (nothing to replay), or the primary did not answer: the server's own measure,
    // the time since its last replayed commit while it has received WAL it has not replayed.
    const lag = row?.own_lag_ms === null || row?.own_lag_ms === undefined ? 0 : Number(row.own_lag_ms)
    replica.lagMs = lag
    replica.healthy = lag <= MAX_LAG_MS()
  } catch (err) {
    replica.healthy = false
    replica.lagMs = null
    replica.error = (err as Error).message
  }
}

/** Replica health as the readiness endpoint and tests see it. */
export function replicaStatus(): { healthy: boolean; lagMs: number | null; error: string | null }[] {
  return state().replicas.map(({ healthy, lagMs, error }) => ({ healthy, lagMs, error }))
}

/** Probes every replica now (readiness, tests) and returns their status. */
export async function probeReplicas(): Promise<ReturnType<typeof replicaStatus>> {
  const s = state()
  if (!s.replicas.length) return []
  const marked = await markPrimary(s)
  await Promise.all(s.replicas.map((r) => probe(r, marked)))
  return replicaStatus()
}

/**
 * Called once Payload is connected: wraps Payload's replica routing with health and staff rules,
 * counts queries per server, and starts the lag probe. No replicas configured: nothing to do.
 */
export async function startReplicaRouting(payload: Payload, count: (pool: Pool, target: 'primary' | 'replica') => void): Promise<void> {
  const adapter = payload.db as unknown as { drizzle: { $primary?: unknown; $replicas?: { $client: Pool }[] }; primaryDrizzle?: unknown }
  const replicas = adapter.drizzle.$replicas
  if (!adapter.primaryDrizzle || !replicas?.length) return
  const s = state()
  s.primaryDb = adapter.primaryDrizzle
  s.primary = primaryPool(payload)
  s.replicas = replicas.map((db) => ({ pool: db.$client, db, healthy: false, lagMs: null, error: null }))
  for (const r of s.replicas) {
    count(r.pool, 'replica')
    // An idle connection to a replica that goes away must not crash the process: the probe marks it.
    survivePoolErrors(r.pool, (msg) => {
      r.healthy = false
      r.error = msg
      payload.logger.warn({ msg: `read replica: ${msg}; its reads go to the primary` })
    })
  }
  const pick = () => {
    const healthy = readsPrimary() ? [] : healthyReplicas()
    return (healthy.length ? healthy[Math.floor(Math.random() * healthy.length)]!.db : s.primaryDb) as never
  }
  adapter.drizzle = withReplicas(adapter.primaryDrizzle as never, replicas as never, pick) as never
  if (PROBE_MS() >= MAX_LAG_MS()) {
    // Lag is known to within one probe interval (replayLag.ts): a standby a moment behind a busy
    // primary reads as lagging by up to an interval, so with this setting it would get no reads.
    payload.logger.warn(`REPLICA_PROBE_MS (${PROBE_MS()}) is not below DATABASE_REPLICA_MAX_LAG_MS (${MAX_LAG_MS()}): replicas behind a busy primary will read as lagging and get no reads`)
  }
  await probeReplicas()
  s.timer ??= setInterval(() => void probeReplicas(), PROBE_MS())
  s.timer.unref()
  payload.logger.info(`Read replicas: ${s.replicas.length} (${replicaStatus().filter((r) => r.healthy).length} healthy)`)
}

/** Where a delivery read goes: the primary when asked for fresh data or no replica is healthy. */
export function deliveryPool(payload: Payload, opts: { fresh: boolean }): Pool {
  if (opts.fresh || readsPrimary()) return primaryPool(payload)
  const healthy = healthyReplicas()
  return healthy.length ? healthy[Math.floor(Math.random() * healthy.length)]!.pool : primaryPool(payload)
}
