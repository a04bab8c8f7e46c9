import type { Config, Payload, Plugin } from 'payload'

import type { Pool, PoolClient } from 'pg'

import { onShutdown } from '@/lifecycle/shutdown'
import { currentRoute, metrics } from '@/observability/metrics'
import { primaryPool, survivePoolErrors } from '@/db/postgres'
import { startReplicaRouting } from '@/db/replicas'

const COUNTED = Symbol.for('bhasha-kahani.countedClient')

/** Counts every statement sent on a pool's connections, labelled by the route that sent it. */
function countQueries(pool: Pool, target: 'primary' | 'replica'): void {
  const { dbQueries } = metrics()
  const wrap = (conn: PoolClient) => {
    const tagged = conn as PoolClient & { [COUNTED]?: true }
    if (tagged[COUNTED]) return
    tagged[COUNTED] = true
    const query = conn.query.bind(conn) as (...args: unknown[]) => unknown
    ;(conn as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      dbQueries.inc({ route: currentRoute(), target })
      return query(...args)
    }
  }
  // Connections opened while Payload started (pg-pool keeps them in `_clients`), then every new one.
  for (const conn of (pool as unknown as { _clients?: PoolClient[] })._clients ?? []) wrap(conn)
  pool.on('connect', wrap)
}

/** Queue depth and the oldest unfinished job's age, read when metrics are scraped. */
function watchJobs(payload: Payload): void {
  metrics().jobStats = async () => {
    const { rows } = await primaryPool(payload).query<{ queued: string; oldest: number | null }>(
      `SELECT count(*) AS queued, EXTRACT(EPOCH FROM now() - min(created_at))::float AS oldest
         FROM payload_jobs WHERE completed_at IS NULL AND (has_error IS NOT TRUE)`,
    )
    return { queued: Number(rows[0]?.queued ?? 0), oldestAgeSeconds: rows[0]?.oldest ?? 0 }
  }
}

/**
 * Observability and read routing: Prometheus metrics of queries (per route, primary or replica)
 * and jobs (HTTP metrics come from src/server), the replicas' health-aware routing, and pool
 * errors logged instead of fatal.
 */
export const observabilityPlugin: Plugin = (config: Config): Config => ({
  ...config,
  onInit: async (payload) => {
    // Registered first, so it runs last: the pools close after everything that uses them stopped.
    onShutdown('payload (database pools)', () => payload.destroy())
    await config.onInit?.(payload)
    countQueries(primaryPool(payload), 'primary')
    // A connection that dies (Postgres restarting, a failover) is logged, never fatal.
    survivePoolErrors(primaryPool(payload), (msg) => payload.logger.warn({ msg }))
    await startReplicaRouting(payload, countQueries)
    watchJobs(payload)
  },
})
