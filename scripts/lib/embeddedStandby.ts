import { spawn, type ChildProcess } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import pg from 'pg'

import { freePort, portOpen } from './ports'
import { embeddedPostgresPackage } from './postgresBinaries'

export type RunningStandby = { url: string; port: number; stop: () => Promise<void> }

const SLOT = 'bk_standby'

/** The OS user embedded Postgres runs as (root may not run it). */
function postgresIds(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {}
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) }
}

function chownTree(dir: string, ids: { uid?: number; gid?: number }): void {
  if (ids.uid === undefined || ids.gid === undefined) return
  fs.chownSync(dir, ids.uid, ids.gid)
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) chownTree(p, ids)
    else fs.chownSync(p, ids.uid, ids.gid)
  }
}

/** Files of a running cluster that a base copy must not take (RFC: PostgreSQL docs, "Making a Base Backup Using the Low Level API"). */
const SKIP = new Set(['postmaster.pid', 'postmaster.opts', 'standby.signal', 'recovery.signal', 'backup_label', 'tablespace_map'])
const EMPTY_DIRS = new Set(['pg_wal', 'pg_replslot', 'pg_stat_tmp', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_subtrans'])

/**
 * Copies the running cluster's folder `from` into `to`, each entry as `keep` (given its path
 * relative to `from`) allows, folders with their modes. A file the cluster deletes while we copy
 * (a dropped relation, a relation cache file) is left out: the WAL replayed from the backup's start
 * accounts for it, as the PostgreSQL docs say of a low-level base backup.
 */
function copyCluster(from: string, to: string, keep: (rel: string) => boolean, rel = ''): void {
  const vanished = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT'
  let entries: fs.Dirent[]
  try {
    entries = fs.readdirSync(from, { withFileTypes: true })
    fs.mkdirSync(to, { recursive: true })
    fs.chmodSync(to, fs.statSync(from).mode & 0o7777)
  } catch (err) {
    if (vanished(err)) return
    throw err
  }
  for (const entry of entries) {
    const entryRel = path.join(rel, entry.name)
    if (!keep(entryRel)) continue
    try {
      if (entry.isDirectory()) copyCluster(path.join(from, entry.name), path.join(to, entry.name), keep, entryRel)
      else fs.copyFileSync(path.join(from, entry.name), path.join(to, entry.name))
    } catch (err) {
      if (!vanished(err)) throw err
    }
  }
}

/**
 * Takes a base copy of the running primary into `dir` with the low-level backup API
 * (`pg_backup_start` / file copy / `pg_backup_stop`: the embedded package has no pg_basebackup),
 * reserving WAL in a physical replication slot so the standby can stream from the copy's start.
 */
async function baseCopy(primaryUrl: string, primaryDir: string, dir: string, primaryPort: number): Promise<void> {
  const admin = new URL(primaryUrl)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    await client.query(`SELECT pg_drop_replication_slot($1) FROM pg_replication_slots WHERE slot_name = $1`, [SLOT])
    await client.query(`SELECT pg_create_physical_replication_slot($1, true)`, [SLOT])
    await client.query(`SELECT pg_backup_start('bk-standby', true)`)
    fs.rmSync(dir, { recursive: true, force: true })
    copyCluster(primaryDir, dir, (rel) => {
      const [top, ...rest] = rel.split(path.sep)
      const name = path.basename(rel)
      if (rest.length === 0 && SKIP.has(top!)) return false
      if (name === 'pg_internal.init' || name.startsWith('pgsql_tmp')) return false
      if (EMPTY_DIRS.has(top!) && rest.length > 0) return rest.length === 1 && rest[0] === 'archive_status'
      return true
    })
    const { rows } = await client.query<{ labelfile: string; spcmapfile: string }>(`SELECT labelfile, spcmapfile FROM pg_backup_stop(false)`)
    fs.writeFileSync(path.join(dir, 'backup_label'), rows[0]!.labelfile)
    if (rows[0]!.spcmapfile) fs.writeFileSync(path.join(dir, 'tablespace_map'), rows[0]!.spcmapfile)
  } finally {
    await client.end()
  }
  fs.writeFileSync(path.join(dir, 'standby.signal'), '')
  const user = decodeURIComponent(admin.username)
  const password = decodeURIComponent(admin.password)
  fs.appendFileSync(
    path.join(dir, 'postgresql.auto.conf'),
    [
      `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=${user} password=${password} application_name=${SLOT}'`,
      `primary_slot_name = '${SLOT}'`,
      `hot_standby = on`,
      '',
    ].join('\n'),
  )
  fs.chmodSync(dir, 0o700)
  chownTree(dir, postgresIds())
}

/**
 * Starts a streaming-replication standby of a running embedded primary (dev `--replica` and the
 * replica tests): a base copy on first use, then `postgres` in hot-standby mode on a free port.
 * The standby reads the same database name; it refuses writes.
 */
export async function startEmbeddedStandby(opts: {
  primaryUrl: string
  primaryDataDir: string
  dataDir: string
  fast?: boolean
  log?: (msg: string) => void
}): Promise<RunningStandby> {
  const log = opts.log ?? (() => {})
  const primaryPort = Number(new URL(opts.primaryUrl).port)
  if (!fs.existsSync(path.join(opts.dataDir, 'standby.signal'))) {
    log('taking a base copy of the primary for the standby…')
    await baseCopy(opts.primaryUrl, opts.primaryDataDir, opts.dataDir, primaryPort)
  } else {
    const stale = path.join(opts.dataDir, 'postmaster.pid')
    if (fs.existsSync(stale)) fs.rmSync(stale)
  }
  const port = await freePort()
  const { postgres } = (await embeddedPostgresPackage()).binaries
  const flags = opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []
  const child: ChildProcess = spawn(postgres, ['-D', opts.dataDir, '-p', String(port), '-c', 'max_connections=200', ...flags], {
    ...postgresIds(),
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let output = ''
  child.stderr?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-4000)))
  const deadline = Date.now() + 30_000
  while (!output.includes('ready to accept read-only connections')) {
    if (child.exitCode !== null) throw new Error(`standby postgres exited (${child.exitCode}): ${output}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`standby postgres not ready within 30 s: ${output}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  if (!(await portOpen(port))) throw new Error(`standby postgres is not listening on ${port}`)
  const url = new URL(opts.primaryUrl)
  url.port = String(port)
  log(`PostgreSQL standby streaming from port ${primaryPort}, serving reads on ${port}`)
  return {
    url: url.toString(),
    port,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGINT') // fast shutdown
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}
