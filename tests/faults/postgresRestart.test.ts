/**
 * Fault: PostgreSQL stopped for 5 s under load and started again (hardening #10, "Faults to
 * survive"). An app server process and a jobs worker run on a database of their own; 10 client
 * loops call the bundle, progress and analytics endpoints throughout. While the database is down
 * the app answers 503 with Retry-After (never another 5xx, never a hang past 10 s), nothing
 * crashes, it recovers by itself, every analytics batch it acknowledged is in the database
 * afterwards, and the bundle cache's LISTEN connection is back (caching and invalidation work).
 * A jobs worker started while the database is down waits for it instead of exiting.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../../scripts/lib/ports'
import { startEmbeddedPostgres, type RunningPostgres } from '../../scripts/lib/embeddedPostgres'

import { runScript, startChildServer, type ChildServer } from '../support/childProcess'
import { signIn } from '../support/listener'

const OUTAGE_MS = 5_000
const REQUEST_TIMEOUT_MS = 10_000
const CLIENTS = 10

let dir: string
let port: number
let db: RunningPostgres
let server: ChildServer
let jobs: ChildProcess
let jobsOutput = ''
let fixture: { storyId: string; slug: string }

const dbEnv = () => ({ DATABASE_URL: db.url, DATABASE_REPLICA_URLS: undefined })

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-faults-'))
  fs.chmodSync(dir, 0o755)
  port = await freePort()
  db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), database: 'bk_faults', fast: true, port })
  const seeded = await runScript('tests/support/faultDb.ts', ['seed'], dbEnv(), 180_000)
  const line = /FIXTURE (.*)/.exec(seeded.output)
  if (!line) throw new Error(`seeding failed:\n${seeded.output.slice(-3000)}`)
  fixture = JSON.parse(line[1]!)
  server = await startChildServer({ ...dbEnv(), DATABASE_POOL_MAX: '10' })
  jobs = spawn(process.execPath, ['--import', 'tsx', 'scripts/jobs.ts'], { env: { ...process.env, ...dbEnv() }, stdio: ['ignore', 'pipe', 'pipe'] })
  for (const s of [jobs.stdout!, jobs.stderr!]) s.on('data', (d: Buffer) => (jobsOutput = (jobsOutput + d.toString()).slice(-20_000)))
}, 300_000)

afterAll(async () => {
  await server?.stop()
  if (jobs && jobs.exitCode === null) {
    jobs.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 2000))
    if (jobs.exitCode === null) jobs.kill('SIGKILL')
  }
  await db?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
}, 60_000)

type Phase = 'before' | 'down' | 'after'
type Outcome = { phase: Phase; route: string; status: number; retryAfter: string | null; ms: number; error?: string }

describe('PostgreSQL restart under load', () => {
  it('should answer 503 with Retry-After while down, recover by itself and lose no acknowledged write', async () => {
    const listeners = await Promise.all(Array.from({ length: CLIENTS }, () => signIn(server.url)))
    let phase: Phase = 'before'
    let running = true
    const outcomes: Outcome[] = []
    const acknowledged: string[] = []
    let seq = 0
    const request = async (route: string, url: string, init: RequestInit = {}) => {
      const t0 = Date.now()
      const at = phase
      try {
        const res = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
        await res.arrayBuffer()
        outcomes.push({ phase: at, route, status: res.status, retryAfter: res.headers.get('retry-after'), ms: Date.now() - t0 })
        return res.status
      } catch (err) {
        outcomes.push({ phase: at, route, status: 0, retryAfter: null, ms: Date.now() - t0, error: String((err as Error).message) })
        return 0
      }
    }
    const client = async (i: number) => {
      const token = listeners[i]!.token
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
      while (running) {
        await request('bundle', `${server.url}/api/stories/${fixture.slug}/bundle?locale=en`)
        const session = `fault-${i}-${seq++}`
        const status = await request('analytics', `${server.url}/api/analytics/events`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ events: [{ type: 'page_view', sessionId: session }] }),
        })
        if (status === 202) acknowledged.push(session)
        await request('progress', `${server.url}/api/progress/${fixture.slug}/start`, { method: 'POST', headers: auth, body: '{}' })
      }
    }
    const loops = Array.from({ length: CLIENTS }, (_, i) => client(i))

    await new Promise((r) => setTimeout(r, 2_000))
    phase = 'down'
    await db.stop()
    const stoppedAt = Date.now()
    await new Promise((r) => setTimeout(r, OUTAGE_MS))
    db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), database: 'bk_faults', fast: true, port })
    const restartedAt = Date.now()
    phase = 'after'
    // Recovered: every route answers 2xx again.
    let recoveredAt = 0
    while (Date.now() - restartedAt < 30_000) {
      const recent = outcomes.filter((o) => o.phase === 'after').slice(-3 * CLIENTS)
      if (recent.length >= 3 * CLIENTS && recent.every((o) => o.status >= 200 && o.status < 300)) {
        recoveredAt = Date.now()
        break
      }
      await new Promise((r) => setTimeout(r, 100))
    }
    await new Promise((r) => setTimeout(r, 2_000))
    running = false
    await Promise.all(loops)

    const during = outcomes.filter((o) => o.phase === 'down')
    const bad = outcomes.filter((o) => o.status === 0 || (o.status >= 500 && o.status !== 503) || (o.status === 503 && !o.retryAfter))
    const figures = {
      requests: outcomes.length,
      duringOutage: during.length,
      answered503: outcomes.filter((o) => o.status === 503).length,
      slowestMs: Math.max(...outcomes.map((o) => o.ms)),
      outageMs: restartedAt - stoppedAt,
      recoveryMs: recoveredAt ? recoveredAt - restartedAt : null,
      acknowledgedWrites: acknowledged.length,
    }
    console.info(`[faults] postgres restart: ${JSON.stringify(figures)}`)
    if (bad.length) console.info(`[faults] first bad answers: ${JSON.stringify(bad.slice(0, 5))}\nserver log:\n${server.output().slice(-4000)}`)
    expect(bad.slice(0, 5)).toEqual([])
    expect(during.filter((o) => o.status === 503).length).toBeGreaterThan(0)
    expect(figures.slowestMs).toBeLessThan(REQUEST_TIMEOUT_MS)
    expect(recoveredAt).toBeGreaterThan(0)
    expect(server.output()).not.toMatch(/test server exited/)
    if (jobs.exitCode !== null) console.info(`[faults] npm run jobs exited ${jobs.exitCode}:\n${jobsOutput.slice(-6000)}`)
    expect(jobs.exitCode).toBeNull()

    // 0 acknowledged writes lost.
    const check = new pg.Client({ connectionString: db.url })
    await check.connect()
    try {
      const { rows } = await check.query<{ n: string }>('SELECT count(DISTINCT session_id) AS n FROM analytics_events WHERE session_id = ANY($1)', [acknowledged])
      expect(Number(rows[0]!.n)).toBe(acknowledged.length)
    } finally {
      await check.end()
    }
  }, 180_000)

  it('should have its LISTEN connection back: the bundle is cached again and a deactivation is heard', async () => {
    const bundle = async () => {
      const res = await fetch(`${server.url}/api/stories/${fixture.slug}/bundle?locale=en`)
      await res.arrayBuffer()
      return { status: res.status, queries: Number(res.headers.get('x-db-queries')) }
    }
    // Caching resumes only once the cache hears notifications again.
    let cached = false
    for (let i = 0; i < 50 && !cached; i++) {
      await bundle()
      cached = (await bundle()).queries === 0
      if (!cached) await new Promise((r) => setTimeout(r, 200))
    }
    expect(cached).toBe(true)
    const done = await runScript('tests/support/faultDb.ts', ['deactivate', fixture.storyId], dbEnv(), 120_000)
    expect(done.output).toContain('DONE')
    const t0 = Date.now()
    let status = 200
    while (status !== 404 && Date.now() - t0 < 3000) status = (await bundle()).status
    expect(status).toBe(404)
  }, 180_000)

  it('should start `npm run jobs` while PostgreSQL is down and run once it is back (not exit)', async () => {
    await db.stop()
    let out = ''
    const late = spawn(process.execPath, ['--import', 'tsx', 'scripts/jobs.ts'], { env: { ...process.env, ...dbEnv() }, stdio: ['ignore', 'pipe', 'pipe'] })
    for (const s of [late.stdout!, late.stderr!]) s.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)))
    const until = async (what: string, done: () => boolean, ms: number) => {
      const t0 = Date.now()
      while (!done()) {
        if (Date.now() - t0 > ms) throw new Error(`${what}: not within ${ms / 1000} s:\n${out.slice(-3000)}`)
        await new Promise((r) => setTimeout(r, 100))
      }
      return Date.now() - t0
    }
    try {
      // Its imports done, it finds no database.
      await until('the worker tried the database', () => /cannot be reached|cannot connect to Postgres/i.test(out) || late.exitCode !== null, 90_000)
      await new Promise((r) => setTimeout(r, 1_000))
      db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), database: 'bk_faults', fast: true, port })
      const ms = await until('the worker started', () => /Job worker started/.test(out) || late.exitCode !== null, 60_000)
      console.info(`[faults] npm run jobs started during an outage: ${late.exitCode === null ? `running ${ms} ms after the database came back` : `exited ${late.exitCode}`}`)
      if (late.exitCode !== null) console.info(out.slice(-4000))
      expect(late.exitCode).toBeNull()
      expect(out).toMatch(/Job worker started/)
    } finally {
      if (late.exitCode === null) {
        late.kill('SIGTERM')
        await new Promise((r) => setTimeout(r, 2000))
        if (late.exitCode === null) late.kill('SIGKILL')
      }
    }
  }, 180_000)
})
