/**
 * Fault: the bundle cache racing a story's activation (hardening #10, "Faults to survive: cache
 * race"). Every process caches bundles in memory and drops a story's entries when Postgres
 * notifies it of a change (LISTEN/NOTIFY, sent inside the writing transaction).
 *
 * - Two server processes; the story toggled inactive/active in a loop through one of them (an
 *   editor's REST save) while clients read its bundle from the other. After each deactivation
 *   has been answered, the second process stops serving it within a bound (the notification
 *   delay), and never serves it again while it stays inactive.
 * - A read that started before a change and finished after the change's notification must not
 *   be cached: it holds the old state, and nothing would evict it again.
 */
import type { Payload } from 'payload'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { primaryPool } from '@/db/postgres'
import { BUNDLE_CHANNEL } from '@/services/bundleCache'

import { createStaff, type Staff } from '../support/api'
import { startChildServer, type ChildServer } from '../support/childProcess'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'

/** The most a deactivation may take to reach another process (its notification's trip). */
const BOUND_MS = 1_000
const TOGGLES = 6

let payload: Payload
let servers: ChildServer[] = []
let editor: Staff
const stories: StoryFixture[] = []

beforeAll(async () => {
  payload = await testPayload()
  servers = await Promise.all([startChildServer({}), startChildServer({})])
  editor = await createStaff(payload, servers[0]!.url, 'editor')
}, 180_000)

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  for (const s of stories) await s.cleanup().catch(() => undefined)
  if (editor) await payload.delete({ collection: 'editors', id: editor.id })
}, 60_000)

const bundleStatus = async (base: string, slug: string) => {
  const res = await fetch(`${base}/api/stories/${slug}/bundle?locale=en`)
  await res.arrayBuffer()
  return res.status
}

describe('bundle cache and activation races', () => {
  it(`should stop serving a deactivated story from another process within ${BOUND_MS} ms, every time, in a toggle loop`, async () => {
    const s = await createStory(payload)
    stories.push(s)
    const [writer, reader] = servers as [ChildServer, ChildServer]
    type Read = { started: number; ended: number; status: number }
    const reads: Read[] = []
    let running = true
    const readers = Array.from({ length: 4 }, async () => {
      while (running) {
        const started = Date.now()
        const status = await bundleStatus(reader.url, s.slug)
        reads.push({ started, ended: Date.now(), status })
      }
    })
    const deactivated: { from: number; to: number }[] = []
    const toggle = async (isActive: boolean) => {
      const res = await fetch(`${writer.url}/api/stories/${s.storyId}`, {
        method: 'PATCH',
        headers: { authorization: `JWT ${editor.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ isActive }),
      })
      expect(res.status).toBe(200)
      await res.arrayBuffer()
    }
    for (let i = 0; i < TOGGLES; i++) {
      await toggle(false)
      const from = Date.now()
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 150))
      deactivated.push({ from, to: Date.now() })
      await toggle(true)
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 100))
    }
    await toggle(false)
    const settled = Date.now()
    await new Promise((r) => setTimeout(r, 1_500))
    running = false
    await Promise.all(readers)

    // A 200 to a read that started after a deactivation was answered (plus the bound), while the
    // story stayed inactive, is a stale one.
    const stale = reads.filter((r) => r.status === 200 && deactivated.some((d) => r.started >= d.from + BOUND_MS && r.ended <= d.to))
    const afterSettled = reads.filter((r) => r.started >= settled + BOUND_MS)
    // How long after each deactivation the reader still answered 200 (reads started after it).
    const lags = deactivated.map((d) => Math.max(0, ...reads.filter((r) => r.status === 200 && r.started >= d.from && r.ended <= d.to).map((r) => r.ended - d.from)))
    console.info(
      `[faults] cache race: ${TOGGLES} deactivations, ${reads.length} reads on the other process, 200s after a deactivation was answered: longest ${Math.max(...lags)} ms (median ${lags.sort((a, b) => a - b)[Math.floor(lags.length / 2)]} ms), stale past ${BOUND_MS} ms: ${stale.length}; after the last: ${afterSettled.filter((r) => r.status === 200).length} of ${afterSettled.length} reads answered 200`,
    )
    expect(stale).toEqual([])
    expect(afterSettled.length).toBeGreaterThan(0)
    expect(afterSettled.every((r) => r.status === 404)).toBe(true)
  }, 180_000)

  it('should not cache a read that started before a change and finished after its notification', async () => {
    // In this process: its HTTP server's reads of story_translations are held back while another
    // process (a client of its own here) deactivates the story and notifies.
    const local: TestServer = await startTestServer()
    const s = await createStory(payload)
    stories.push(s)
    try {
      expect(await bundleStatus(local.url, s.slug)).toBe(200)
      // Drop the cached entry with a notification (as any other process's write does).
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL })
      await other.connect()
      try {
        await other.query('SELECT pg_notify($1, $2)', [BUNDLE_CHANNEL, s.slug])
        await new Promise((r) => setTimeout(r, 200))
        const pool = primaryPool(payload)
        const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>
        let held: (() => void) | null = null
        const released = new Promise<void>((resolve) => (held = resolve))
        let reading!: () => void
        const readStarted = new Promise<void>((resolve) => (reading = resolve))
        ;(pool as { query: unknown }).query = async (...args: unknown[]) => {
          const text = typeof args[0] === 'string' ? args[0] : ''
          const result = await query(...args)
          if (text.includes('FROM story_translations st JOIN stories s')) {
            reading()
            await released
          }
          return result
        }
        try {
          // The read sees the story active, then waits while the story is deactivated elsewhere.
          const read = bundleStatus(local.url, s.slug)
          await readStarted
          await other.query('BEGIN')
          await other.query('UPDATE story_translations SET is_published = false WHERE story_id = $1', [s.storyId])
          await other.query('UPDATE stories SET is_active = false WHERE id = $1', [s.storyId])
          await other.query('SELECT pg_notify($1, $2)', [BUNDLE_CHANNEL, s.slug])
          await other.query('COMMIT')
          await new Promise((r) => setTimeout(r, 300)) // the notification arrives
          held!()
          expect(await read).toBe(200) // it started before the change: its answer is the old state
        } finally {
          ;(pool as { query: unknown }).query = query
        }
        // Every later read knows the story is inactive.
        expect(await bundleStatus(local.url, s.slug)).toBe(404)
      } finally {
        await other.end()
      }
    } finally {
      await local.close()
    }
  }, 60_000)
})
