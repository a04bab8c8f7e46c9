import type { Payload, PayloadRequest } from 'payload'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import type { Pool, PoolClient } from 'pg'

/**
 * Payload's Postgres adapter, typed. `payload.config.ts` always configures `postgresAdapter`, so
 * this is the one place that narrows `payload.db` (a generic `DatabaseAdapter`) to it.
 */
export function postgresOf(payload: Payload): PostgresAdapter {
  const db = payload.db as Payload['db'] & Partial<PostgresAdapter>
  if (db.name !== 'postgres' || !db.pool) throw new Error(`Expected Payload's Postgres adapter, got "${db.name}"`)
  return db as unknown as PostgresAdapter
}

/**
 * The primary's pg pool, for statements Payload cannot express (atomic counters, locks, indexed
 * delivery reads). Writes and reads that must see them go here; a read-replica accessor for reads
 * that may lag belongs beside this one.
 */
export function primaryPool(payload: Payload): Pool {
  return postgresOf(payload).pool
}

/** What SQL Payload cannot express needs of a drizzle handle: a database or a transaction on it. */
export type Sql = Pick<NodePgDatabase, 'execute'>

/** The drizzle handle of the request's transaction (the one Payload's own writes use); undefined when it has none. */
export async function transactionDb(req: Pick<PayloadRequest, 'payload' | 'transactionID'>): Promise<Sql | undefined> {
  const id = req.transactionID ? await req.transactionID : undefined
  return id !== undefined && id !== null ? postgresOf(req.payload).sessions[String(id)]?.db : undefined
}

/** The drizzle handle of the request's transaction (the one Payload's own writes use), or the primary's. */
export async function drizzleFor(req: Pick<PayloadRequest, 'payload' | 'transactionID'>): Promise<Sql> {
  return (await transactionDb(req)) ?? postgresOf(req.payload).drizzle
}

const GUARDED = Symbol.for('bhasha-kahani.guardedClient')

/**
 * A database that goes away (restart, failover) must not end the process. pg emits 'error' on a
 * connection that dies while idle in the pool, and on a checked-out connection that dies between
 * statements (a transaction waiting for its next query); unhandled, either kills the process.
 * Both are logged here; the pool replaces dead connections and the requests that used them fail
 * with an error the API answers as 503.
 */
export function survivePoolErrors(pool: Pool, log: (msg: string) => void): void {
  const onError = (err: Error) => log(`database connection lost: ${err.message}`)
  const guard = (client: PoolClient) => {
    const tagged = client as PoolClient & { [GUARDED]?: true }
    if (tagged[GUARDED]) return
    tagged[GUARDED] = true
    client.on('error', onError)
  }
  for (const client of (pool as unknown as { _clients?: PoolClient[] })._clients ?? []) guard(client)
  pool.on('connect', guard)
  pool.on('error', onError)
}
