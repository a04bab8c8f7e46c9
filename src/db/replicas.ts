import type { Payload } from 'payload'

import type { Pool } from 'pg'

import { withReplicas } from 'drizzle-orm/pg-core'

import { metrics } from '@/observability/metrics'
import { primaryPool, survivePoolErrors } from '@/db/postgres'
import { settings } from '@/settings'

/**
 * Read replicas. Payload's own `readReplicas` option opens one pool per replica and sends every
 * read outside a transaction to a random one (writes, transactions and reads within
 * `readReplicasAfterWriteInterval` of a write in this process go to the primary). This module adds
 * what a deployment needs around it:
 * - a probe (every REPLICA_PROBE_MS) of each replica's replay lag; a replica that is down or lags
 *   more than DATABASE_REPLICA_MAX_LAG_MS gets no reads, the primary takes them (requests never fail
 *   because a replica did);
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
type State = { replicas: Replica[]; timer: NodeJS.Timeout | null; primaryDb: unknown }

const KEY = Symbol.for('bhasha-kahani.replicas')
const state = (): State => ((globalThis as { [KEY]?: State })[KEY] ??= { replicas: [], timer: null, primaryDb: null })

/** Marks the current request as one that must read the primary (set by the server for staff). */
export function readsPrimary(): boolean {
  return metrics().requestContext.getStore()?.primary === true
}

function healthyReplicas(): Replica[] {
  return state().replicas.filter((r) => r.healthy)
}

async function probe(replica: Replica): Promise<void> {
  try {
    const { rows } = await replica.pool.query<{ recovery: boolean; lag_ms: number | null }>(
      `SELECT pg_is_in_recovery() AS recovery,
              CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                   ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) * 1000 END AS lag_ms`,
    )
    const lag = rows[0]?.lag_ms === null || rows[0]?.lag_ms === undefined ? 0 : Number(rows[0].lag_ms)
    replica.lagMs = lag
    replica.error = null
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
  await Promise.all(state().replicas.map(probe))
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
