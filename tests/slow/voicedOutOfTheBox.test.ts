/**
 * A new user's first minute: `npm run dev` on an empty database seeds the sample stories and voices
 * them in the background with the offline voices, so the clever-crow bundle carries audio for
 * every line within 90 s of the command, and the output says so. In the slow project: its own Next dev
 * compile, seeding and voicing take ~90 s, and it needs no production build.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { freePort } from '../../scripts/lib/ports'

import { progress, RESULTS_DIR, ROOT } from '../support/e2eServer'

const BUDGET_MS = 90_000
/** Every sample line voiced (98), not only clever-crow's, and the server saying so. */
const READY_BUDGET_MS = 180_000
const database = `bk_fresh_${crypto.randomBytes(4).toString('hex')}`
let adminUrl: string
let child: ChildProcess | undefined
let output = ''

function urlFor(db: string): string {
  const url = new URL(process.env.DATABASE_URL!)
  url.pathname = `/${db}`
  return url.toString()
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  adminUrl = urlFor('postgres')
  await admin((c) => c.query(`CREATE DATABASE ${database}`))
})

afterAll(async () => {
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 2000))
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  fs.writeFileSync(path.join(RESULTS_DIR, 'voiced-out-of-the-box.log'), output)
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`))
})

// Issue #14 asks for exactly this bound ("fresh npm run dev has audio in the clever-crow bundle
// within 90 s"), so it is asserted here. Lines are claimed story by story, English first, and a
// start-up worker voices from the end of seeding; on a machine loaded far beyond CI this can take
// longer (one run at load 13-15 took about 105 s).
it('should voice the seeded clever-crow story within 90 s of npm run dev on an empty database', async () => {
  const port = await freePort()
  const env: Record<string, string | undefined> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || ['NODE_ENV', 'TEST', 'PORT', 'AUTO_VOICE', 'AUDIO_WORKER', 'TTS_PROVIDER', 'SARVAM_API_KEY'].includes(key)) continue
    env[key] = value
  }
  const started = Date.now()
  const dev = spawn('npm', ['run', 'dev'], {
    cwd: ROOT,
    env: { ...env, DATABASE_URL: urlFor(database), PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' } as unknown as NodeJS.ProcessEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child = dev
  for (const stream of [dev.stdout, dev.stderr]) stream?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))

  let voiced: { nodes: number; withAudio: number } | undefined
  while (Date.now() - started < BUDGET_MS) {
    await new Promise((resolve) => setTimeout(resolve, 2000))
    try {
      const res = await fetch(`http://localhost:${port}/api/stories/clever-crow/bundle?locale=en`)
      if (res.status !== 200) continue
      const bundle = (await res.json()) as { nodes: { text: string; audioUrl: string | null }[] }
      const spoken = bundle.nodes.filter((n) => n.text)
      voiced = { nodes: spoken.length, withAudio: spoken.filter((n) => n.audioUrl).length }
      if (voiced.nodes > 0 && voiced.withAudio === voiced.nodes) break
    } catch {
      // not listening yet
    }
  }
  const seconds = (Date.now() - started) / 1000
  progress(`clever-crow: ${JSON.stringify(voiced)} after ${seconds.toFixed(1)} s`)
  expect(voiced, output.slice(-3000)).toBeDefined()
  expect(voiced!.withAudio, output.slice(-3000)).toBe(voiced!.nodes)
  expect(seconds).toBeLessThanOrEqual(BUDGET_MS / 1000)
  expect(output).toMatch(/voicing \d+ lines of \d+ sample stories in the background/)
  // ...and says when every line is done, whichever worker voiced the last one (the start-up worker
  // or the server's own).
  while (!/Audio ready: every queued line is voiced/.test(output) && Date.now() - started < READY_BUDGET_MS) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  progress(`Audio ready logged: ${/Audio ready: every queued line is voiced/.test(output)} after ${((Date.now() - started) / 1000).toFixed(1)} s`)
  expect(/Audio ready: every queued line is voiced \(\d+ when voicing began, \d+ s\)/.test(output), output.slice(-3000)).toBe(true)
}, 200_000)
