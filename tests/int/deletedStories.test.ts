/**
 * Hardening #10 hole 6 across processes: deleting or deactivating a story in one process stops
 * every other process serving it at once (the bundle cache's NOTIFY inside the writing
 * transaction), and a story that vanished under a process's feet (deleted by SQL: the database
 * cascade runs no hooks) answers 404 about the story from the listener endpoints, never a
 * "listener no longer exists" that would send apps into a sign-in loop.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startChildServer, type ChildServer } from '../support/childProcess'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'
import { call, deleteListeners, type Listener, signIn, sql } from '../support/listener'

let payload: Payload
let servers: ChildServer[] = []
let local: TestServer
let listener: Listener
const stories: StoryFixture[] = []

beforeAll(async () => {
  payload = await testPayload()
  servers = await Promise.all([startChildServer({}), startChildServer({})])
  local = await startTestServer()
  listener = await signIn(local.url)
})

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  for (const s of stories) await s.cleanup().catch(() => undefined)
  await deleteListeners(payload, listener.id)
  await local?.close()
})

async function story(): Promise<StoryFixture> {
  const s = await createStory(payload)
  stories.push(s)
  return s
}

const bundle = async (base: string, slug: string) => {
  const res = await fetch(`${base}/api/stories/${slug}/bundle?locale=en`)
  await res.arrayBuffer()
  return { status: res.status, queries: Number(res.headers.get('x-db-queries')) }
}

/** Reads the bundle until an answer comes from the cache (0 queries) or `ms` pass; the last answer. */
async function untilCached(base: string, slug: string, ms = 3000): Promise<{ status: number; queries: number }> {
  const t0 = Date.now()
  for (;;) {
    const answer = await bundle(base, slug)
    if ((answer.status === 200 && answer.queries === 0) || Date.now() - t0 > ms) return answer
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Every process's answer, polled until all are `status` or `ms` pass; the elapsed time. */
async function untilAll(slug: string, status: number, ms = 3000): Promise<{ statuses: number[]; elapsedMs: number }> {
  const t0 = Date.now()
  for (;;) {
    const statuses = await Promise.all(servers.map(async (s) => (await bundle(s.url, slug)).status))
    if (statuses.every((s) => s === status) || Date.now() - t0 > ms) return { statuses, elapsedMs: Date.now() - t0 }
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('a story deleted or deactivated in one process', () => {
  it('should stop being served by every other process at once when deleted', async () => {
    const s = await story()
    // Each process must hold the bundle in memory, so the 404 below is the notification's doing.
    // A process can hear the fixture's own last commit just after its first read and drop that
    // entry (a late eviction is safe, only an extra query), so read until an answer is cached.
    for (const server of servers) expect(await untilCached(server.url, s.slug)).toEqual({ status: 200, queries: 0 })
    await payload.delete({ collection: 'stories', id: s.storyId })
    const { statuses, elapsedMs } = await untilAll(s.slug, 404)
    expect(statuses).toEqual([404, 404])
    expect(elapsedMs).toBeLessThan(1000)
    const progress = await call(servers[1]!.url, 'POST', `progress/${s.slug}/start`, { token: listener.token, body: {} })
    expect(progress.status).toBe(404)
  }, 120_000)

  it('should stop being served by every other process at once when deactivated', async () => {
    const s = await story()
    for (const server of servers) expect((await bundle(server.url, s.slug)).status).toBe(200)
    await payload.update({ collection: 'stories', id: s.storyId, data: { isActive: false } })
    const { statuses, elapsedMs } = await untilAll(s.slug, 404)
    expect(statuses).toEqual([404, 404])
    expect(elapsedMs).toBeLessThan(1000)
    const catalog = (await (await fetch(`${servers[0]!.url}/api/stories/catalog?locale=en`)).json()) as { stories: { slug: string }[] }
    expect(catalog.stories.map((c) => c.slug)).not.toContain(s.slug)
  }, 120_000)
})

describe('a story deleted by SQL under a process that still has it cached', () => {
  it('should answer a bookmark with 404 about the story, not 401 about the listener', async () => {
    const s = await story()
    expect((await bundle(local.url, s.slug)).status).toBe(200) // cached in this process
    await sql(payload, 'DELETE FROM stories WHERE id = $1', [s.storyId]) // no hooks, no notification
    const res = await call(local.url, 'POST', `bookmarks/story/${s.slug}`, { token: listener.token, body: {} })
    expect(res.status).toBe(404)
    expect(res.body.errors[0].message).toMatch(new RegExp(s.slug))
  })

  it('should answer a progress start with 404 about the story', async () => {
    const s = await story()
    expect((await bundle(local.url, s.slug)).status).toBe(200)
    await sql(payload, 'DELETE FROM stories WHERE id = $1', [s.storyId])
    const res = await call(local.url, 'POST', `progress/${s.slug}/start`, { token: listener.token, body: {} })
    expect(res.status).toBe(404)
    expect(res.body.errors[0].message).toMatch(new RegExp(s.slug))
  })
})
