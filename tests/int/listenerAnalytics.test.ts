import type { Payload } from 'payload'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { resetListenerSettings } from '@/listener/config'

import { createStaff, rest, type Staff, uid } from '../support/api'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'
import { call, deleteListeners, type Listener, signIn, sql } from '../support/listener'

let payload: Payload
let server: TestServer
let story: StoryFixture
let admin: Staff
let a: Listener
let b: Listener

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  story = await createStory(payload)
  admin = await createStaff(payload, server.url, 'admin')
  a = await signIn(server.url)
  b = await signIn(server.url)
})

afterAll(async () => {
  await sql(payload, 'DELETE FROM analytics_events WHERE user_id = ANY($1::uuid[])', [[a.id, b.id]])
  await deleteListeners(payload, a.id, b.id)
  await story?.cleanup()
  await payload.delete({ collection: 'editors', id: admin.id })
  await server?.close()
})

const ENV_KEYS = ['TRUSTED_PROXIES', 'RATE_LIMIT_ANALYTICS_LISTENER', 'RATE_LIMIT_ANALYTICS_IP', 'ANALYTICS_IP_MODE'] as const
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]))

afterEach(() => {
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k]
    else process.env[k] = savedEnv[k]
  }
  resetListenerSettings()
})

function withEnv(env: Partial<Record<(typeof ENV_KEYS)[number], string>>): void {
  Object.assign(process.env, env)
  resetListenerSettings()
}

const send = (l: Listener | null, events: unknown[], headers: Record<string, string> = {}) =>
  call(server.url, 'POST', 'analytics/events', { token: l?.token, body: { events }, headers })
const rowsOf = (session: string) =>
  sql<Record<string, any>>(payload, 'SELECT *, tableoid::regclass::text AS partition FROM analytics_events WHERE session_id = $1 ORDER BY created_at', [session])

describe('analytics ingest', () => {
  it('should write a valid batch with address and user agent from the request', async () => {
    const session = uid('s')
    const res = await send(
      a,
      [
        { type: 'story_start', storySlug: story.slug, sessionId: session, at: new Date(Date.now() - 60_000).toISOString() },
        { type: 'choice_made', storySlug: story.slug, nodeId: story.nodeIds[1], sessionId: session, data: { choice: 'A' } },
      ],
      { 'user-agent': 'KahaniApp/1.0 (Android 14)' },
    )
    expect(res.status).toBe(202)
    expect(res.body).toEqual({ accepted: 2 })
    const rows = await rowsOf(session)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({ user_id: a.id, story_id: story.storyId, event_type: 'story_start', user_agent: 'KahaniApp/1.0 (Android 14)', ip_address: '127.0.0.0' })
    expect(rows[1]).toMatchObject({ node_id: story.nodeIds[1], event_data: { choice: 'A' } })
  })

  it('should validate the whole batch first: 400 listing bad items by index, nothing written', async () => {
    const session = uid('s')
    const ok = { type: 'page_view', sessionId: session }
    const res = await send(a, [ok, { ...ok, type: 'hack' }, ok, { ...ok, ipAddress: '6.6.6.6' }, { ...ok, storySlug: 'no-such-story' }, ok])
    expect(res.status).toBe(400)
    expect(res.body.invalidIndexes).toEqual([1, 3])
    expect(await rowsOf(session)).toHaveLength(0)
  })

  it('should refuse unknown stories and nodes of another story by index, nothing written', async () => {
    const other = await createStory(payload)
    const session = uid('s')
    const res = await send(a, [
      { type: 'page_view', sessionId: session },
      { type: 'story_start', storySlug: 'no-such-story', sessionId: session },
      { type: 'audio_play', storySlug: story.slug, nodeId: other.nodeIds[0], sessionId: session },
    ])
    expect(res.status).toBe(400)
    expect(res.body.invalidIndexes).toEqual([1, 2])
    expect(await rowsOf(session)).toHaveLength(0)
    await other.cleanup()
  })

  it('should accept 500 events in one batch and refuse 501', async () => {
    const session = uid('s')
    const events = Array.from({ length: 500 }, () => ({ type: 'audio_play', storySlug: story.slug, nodeId: story.nodeIds[0], sessionId: session }))
    expect((await send(a, events)).status).toBe(202)
    expect(await rowsOf(session)).toHaveLength(500)
    expect((await send(a, [...events, events[0]])).status).toBe(400)
  })

  it('should refuse a batch without a listener token (401)', async () => {
    expect((await send(null, [{ type: 'page_view', sessionId: 'x' }])).status).toBe(401)
  })

  it('should store the socket peer, not a client-sent X-Forwarded-For, when no proxy is trusted', async () => {
    withEnv({ ANALYTICS_IP_MODE: 'full' })
    const session = uid('s')
    await send(a, [{ type: 'page_view', sessionId: session }], { 'x-forwarded-for': '6.6.6.6, 198.51.100.7' })
    // The app server pins the address to the socket peer (src/server/clientAddress.ts).
    const [row] = await rowsOf(session)
    expect(row!.ip_address).toBe('127.0.0.1')
  })

  it('should take the client address from X-Forwarded-For through a trusted proxy', async () => {
    // The peer (127.0.0.1) and the next hop (10.0.0.5) are trusted proxies; 198.51.100.7 is the client.
    withEnv({ ANALYTICS_IP_MODE: 'full', TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1' })
    const session = uid('s')
    await send(a, [{ type: 'page_view', sessionId: session }], { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.5' })
    const [row] = await rowsOf(session)
    expect(row!.ip_address).toBe('198.51.100.7')
  })

  it('should answer 429 with Retry-After past the per-listener limit, and keep other listeners going', async () => {
    withEnv({ RATE_LIMIT_ANALYTICS_LISTENER: '3/60' })
    const statuses: number[] = []
    let last: Awaited<ReturnType<typeof send>> | null = null
    for (let i = 0; i < 4; i++) {
      last = await send(a, [{ type: 'page_view', sessionId: 'rl' }])
      statuses.push(last.status)
    }
    expect(statuses).toEqual([202, 202, 202, 429])
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect((await send(b, [{ type: 'page_view', sessionId: 'rl' }])).status).toBe(202)
  })

  it('should answer 429 past the per-address limit', async () => {
    withEnv({ RATE_LIMIT_ANALYTICS_IP: '2/60', TRUSTED_PROXIES: '127.0.0.1' })
    const from = { 'x-forwarded-for': '203.0.113.50' }
    expect((await send(a, [{ type: 'page_view', sessionId: 'rl' }], from)).status).toBe(202)
    expect((await send(b, [{ type: 'page_view', sessionId: 'rl' }], from)).status).toBe(202)
    const third = await send(b, [{ type: 'page_view', sessionId: 'rl' }], from)
    expect(third.status).toBe(429)
    // A fixed window of 60 s: the seconds until it ends.
    const retryAfter = Number(third.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
  })
})

describe('monthly partitions', () => {
  it('should store events in the partition of their month', async () => {
    const session = uid('s')
    await send(a, [{ type: 'page_view', sessionId: session }])
    const [row] = await rowsOf(session)
    const now = new Date()
    expect(row!.partition).toBe(`analytics_events_${now.getUTCFullYear()}_${String(now.getUTCMonth() + 1).padStart(2, '0')}`)
  })

  it("should have next month's partition ready", async () => {
    const next = new Date()
    next.setUTCDate(1)
    next.setUTCMonth(next.getUTCMonth() + 1)
    const name = `analytics_events_${next.getUTCFullYear()}_${String(next.getUTCMonth() + 1).padStart(2, '0')}`
    expect(await sql(payload, 'SELECT 1 FROM pg_class WHERE relname = $1', [name])).toHaveLength(1)
  })

  it('should create a missing partition on demand', async () => {
    // An event from 29 days ago: usually last month, whose partition is dropped first if empty.
    const at = new Date(Date.now() - 29 * 86_400_000).toISOString()
    const part = `analytics_events_${at.slice(0, 7).replace('-', '_')}`
    const [count] = await sql<{ n: number }>(payload, `SELECT count(*)::int AS n FROM ${part}`)
    if (count!.n === 0) await sql(payload, `DROP TABLE ${part}`)
    const session = uid('s')
    expect((await send(a, [{ type: 'page_view', sessionId: session, at }])).status).toBe(202)
    expect((await rowsOf(session))[0]!.partition).toBe(part)
  })

  it('should still let Payload find and delete an event by id', async () => {
    const session = uid('s')
    await send(a, [{ type: 'page_view', sessionId: session }])
    const [row] = await rowsOf(session)
    const found = await payload.findByID({ collection: 'analytics-events', id: row!.id })
    expect(found.sessionId).toBe(session)
    expect((await rest(server.url, 'GET', `analytics-events/${row!.id}`, { token: admin.token })).status).toBe(200)
    await payload.delete({ collection: 'analytics-events', id: row!.id })
    expect(await rowsOf(session)).toHaveLength(0)
  })

  it("should let a listener read its own events and not another's", async () => {
    const session = uid('s')
    await send(a, [{ type: 'page_view', sessionId: session }])
    const mine = await call(server.url, 'GET', `analytics-events?where[sessionId][equals]=${session}`, { token: a.token })
    const theirs = await call(server.url, 'GET', `analytics-events?where[sessionId][equals]=${session}`, { token: b.token })
    expect(mine.body.totalDocs).toBe(1)
    expect(theirs.body.totalDocs).toBe(0)
  })
})

describe('admin dashboard', () => {
  it('should count stories started and completed per day and choices per node', async () => {
    const l = await signIn(server.url)
    const session = uid('s')
    await send(l, [
      { type: 'story_start', storySlug: story.slug, sessionId: session },
      { type: 'story_complete', storySlug: story.slug, sessionId: session },
    ])
    await call(server.url, 'POST', `progress/${story.slug}/start`, { token: l.token })
    await call(server.url, 'POST', `progress/${story.slug}/advance`, { token: l.token, body: { nodeId: story.nodeIds[0] } })
    await call(server.url, 'POST', `progress/${story.slug}/choose`, { token: l.token, body: { nodeId: story.nodeIds[1], choiceKey: 'B' } })
    const res = await rest(server.url, 'GET', 'analytics-events/dashboard?days=7', { token: admin.token })
    expect(res.status).toBe(200)
    const today = new Date().toISOString().slice(0, 10)
    const day = res.body.perDay.find((d: { day: string }) => d.day === today)
    expect(day.started).toBeGreaterThanOrEqual(1)
    expect(day.completed).toBeGreaterThanOrEqual(1)
    expect(res.body.choices).toContainEqual({ storySlug: story.slug, nodeId: story.nodeIds[1], nodeText: 'What should the crow do?', choice: 'B', count: 1 })
    await sql(payload, 'DELETE FROM analytics_events WHERE session_id = $1', [session])
    await deleteListeners(payload, l.id)
  })

  it('should not show the dashboard to listeners or editors', async () => {
    const editor = await createStaff(payload, server.url, 'editor')
    expect((await rest(server.url, 'GET', 'analytics-events/dashboard', { token: editor.token })).status).toBe(403)
    expect((await call(server.url, 'GET', 'analytics-events/dashboard', { token: a.token })).status).toBe(403)
    await payload.delete({ collection: 'editors', id: editor.id })
  })
})
