import type { Payload, SanitizedConfig } from 'payload'

import { getPayload } from 'payload'
import pg from 'pg'

import { isDatabaseUnavailable } from '@/domain/http/databaseUnavailable'
import { settings } from '@/settings'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Payload's adapter wraps a refused connection in a plain Error with only its message. */
const unreachable = (err: unknown) => isDatabaseUnavailable(err) || /cannot connect to Postgres/i.test(err instanceof Error ? err.message : String(err))

/** Resolves once the database accepts a connection and a query, trying every second meanwhile. */
export async function databaseReachable(url: string, log: (msg: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
    client.on('error', () => undefined)
    try {
      await client.connect()
      await client.query('SELECT 1')
      await client.end()
      if (attempt > 1) log('the database is reachable again; starting')
      return
    } catch (err) {
      client.end().catch(() => undefined)
      if (!unreachable(err)) throw err
      if (attempt === 1) log(`the database cannot be reached (${(err as Error).message}); waiting for it`)
      await sleep(1_000)
    }
  }
}

/**
 * Payload for a long-running process that must outlive a database restart (`npm run jobs`): it
 * waits for the database instead of exiting when Postgres is down while it starts, and starts
 * again if the database goes away in the middle of Payload's init (a fresh instance: Payload's
 * cache would skip onInit for the same key). Without this a worker started during an outage
 * exited 1 ("cannot connect to Postgres").
 */
export async function startPayloadWhenDatabaseIsUp(config: Promise<SanitizedConfig>, log: (msg: string) => void, attempts = 30): Promise<Payload> {
  const url = settings().database.url
  for (let attempt = 1; ; attempt++) {
    if (url) await databaseReachable(url, log)
    const sanitized = await config
    // A failed init rejects its adapter's `initializing` promise, which nothing else awaits.
    const init = sanitized.db.init
    sanitized.db.init = (args) => {
      const adapter = init(args)
      ;(adapter as { initializing?: Promise<unknown> }).initializing?.catch(() => undefined)
      return adapter
    }
    try {
      return await getPayload({ config: sanitized, ...(attempt > 1 ? { key: `start-attempt-${attempt}` } : {}) })
    } catch (err) {
      if (attempt >= attempts || !unreachable(err)) throw err
      log(`the database went away while starting (${(err as Error).message}); starting again`)
      await sleep(1_000)
    } finally {
      sanitized.db.init = init
    }
  }
}
