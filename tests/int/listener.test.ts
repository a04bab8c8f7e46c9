import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type ApiResponse, createStaff, rest, type Staff, uid } from '../support/api'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'
import { call, deleteListeners, deviceId, graphql, type Listener, signIn, sql } from '../support/listener'

let payload: Payload
let server: TestServer
let story: StoryFixture
let inactive: StoryFixture
let admin: Staff
let a: Listener
let b: Listener

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  story = await createStory(payload)
  inactive = await createStory(payload, { isActive: false })
  admin = await createStaff(payload, server.url, 'admin')
  a = await signIn(server.url)
  b = await signIn(server.url)
})

afterAll(async () => {
  await deleteListeners(payload, a.id, b.id)
  await story?.cleanup()
  await inactive?.cleanup()
  await payload.delete({ collection: 'editors', id: admin.id })
  await server?.close()
})

const [START, PICK, END_A, END_B] = [0, 1, 2, 3]
const node = (i: number) => story.nodeIds[i]!
const move = (l: Listener | null, slug: string, kind: string, body?: unknown) =>
  call(server.url, 'POST', `progress/${slug}/${kind}`, { token: l?.token, body })
const progressRow = async (l: Listener, storyId = story.storyId) =>
  (await sql<Record<string, any>>(payload, 'SELECT * FROM user_progress WHERE user_id = $1 AND story_id = $2', [l.id, storyId]))[0]

describe('anonymous sign-in', () => {
  it('should create a listener for a new device (201) and find the same one again (200)', async () => {
    const anonymousId = deviceId()
    const first = await call(server.url, 'POST', 'users/anonymous', { body: { anonymousId } })
    const again = await call(server.url, 'POST', 'users/anonymous', { body: { anonymousId } })
    expect(first.status).toBe(201)
    expect(again.status).toBe(200)
    expect(again.body.user.id).toBe(first.body.user.id)
    expect(first.body.token).toMatch(/^lt1\./)
    expect(first.body.user).toMatchObject({ anonymousId, preferences: {} })
    await deleteListeners(payload, first.body.user.id)
  })

  it('should create exactly one listener when a device signs in 20 times at once', async () => {
    const anonymousId = deviceId()
    const all = await Promise.all(Array.from({ length: 20 }, () => call(server.url, 'POST', 'users/anonymous', { body: { anonymousId } })))
    expect(all.every((r) => r.status === 200 || r.status === 201)).toBe(true)
    expect(all.filter((r) => r.status === 201)).toHaveLength(1)
    expect(new Set(all.map((r) => r.body.user.id)).size).toBe(1)
    await deleteListeners(payload, all[0]!.body.user.id)
  })

  it.each([
    ['too short', { anonymousId: 'short' }],
    ['too long', { anonymousId: 'x'.repeat(65) }],
    ['bad characters', { anonymousId: 'abc def ghi jkl mno' }],
    ['missing', {}],
    ['not a string', { anonymousId: 12345678901234567890 }],
  ])('should refuse an anonymous id that is %s with 400 naming the field', async (_name, body) => {
    const res = await call(server.url, 'POST', 'users/anonymous', { body })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].field).toBe('anonymousId')
  })

  it('should refuse a body that is not JSON', async () => {
    const res = await fetch(`${server.url}/api/users/anonymous`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' })
    expect(res.status).toBe(400)
  })
})

describe('the listener itself', () => {
  it('should read its own profile at GET /api/users/me', async () => {
    const res = await call(server.url, 'GET', 'users/me', { token: a.token })
    expect(res.status).toBe(200)
    expect(res.body.user.id).toBe(a.id)
  })

  it.each([
    ['no token', undefined],
    ['a tampered token', () => `${a.token.slice(0, -3)}AAA`],
    ['a staff token', () => admin.token],
  ])('should answer 401 to GET /api/users/me with %s', async (_name, token) => {
    const res = await call(server.url, 'GET', 'users/me', { token: typeof token === 'function' ? token() : token })
    expect(res.status).toBe(401)
  })

  it('should update preferences and remove one set to null', async () => {
    const set = await call(server.url, 'PATCH', 'users/me', { token: a.token, body: { preferences: { language: 'hi', autoplay: true, textSize: 'large', codeMix: 0.2 } } })
    expect(set.status).toBe(200)
    const unset = await call(server.url, 'PATCH', 'users/me', { token: a.token, body: { preferences: { autoplay: null } } })
    expect(unset.body.user.preferences).toEqual({ language: 'hi', textSize: 'large', codeMix: 0.2 })
  })

  it('should refuse preferences of the wrong shape with the field path', async () => {
    const res = await call(server.url, 'PATCH', 'users/me', { token: a.token, body: { preferences: { textSize: 'enormous' } } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].field).toBe('preferences.textSize')
  })

  it('should refuse bad preferences through Payload REST too', async () => {
    const res = await rest(server.url, 'PATCH', `users/${a.id}`, { body: { preferences: { colour: 'red' } } })
    expect(res.status).toBe(403) // no token: not even allowed to try
    const own = await call(server.url, 'PATCH', `users/${a.id}`, { token: a.token, body: { preferences: { colour: 'red' } } })
    expect(own.status).toBe(400)
  })

  it('should not let a listener change its anonymous id', async () => {
    await call(server.url, 'PATCH', `users/${a.id}`, { token: a.token, body: { anonymousId: deviceId() } })
    const [row] = await sql<{ anonymous_id: string }>(payload, 'SELECT anonymous_id FROM users WHERE id = $1', [a.id])
    expect(row!.anonymous_id).toBe(a.anonymousId)
  })

  it('should write last_active at most once a minute', async () => {
    const l = await signIn(server.url)
    await sql(payload, "UPDATE users SET last_active = now() - interval '30 seconds' WHERE id = $1", [l.id])
    const [before] = await sql<{ last_active: Date }>(payload, 'SELECT last_active FROM users WHERE id = $1', [l.id])
    await move(l, story.slug, 'start')
    await move(l, story.slug, 'advance', { nodeId: node(START) })
    await new Promise((r) => setTimeout(r, 100))
    const [after] = await sql<{ last_active: Date }>(payload, 'SELECT last_active FROM users WHERE id = $1', [l.id])
    expect(after!.last_active.getTime()).toBe(before!.last_active.getTime())
    await deleteListeners(payload, l.id)
  })
})

describe('progress', () => {
  it('should start, advance and choose, writing every column in one go', async () => {
    const l = await signIn(server.url)
    const started = await move(l, story.slug, 'start', { listenedSec: 2 })
    expect(started.status).toBe(200)
    expect(started.body.progress).toMatchObject({ currentNodeId: node(START), playCount: 1, completionPercentage: 0, isCompleted: false })
    expect((await move(l, story.slug, 'advance', { nodeId: node(START), listenedSec: 5 })).status).toBe(200)
    const chosen = await move(l, story.slug, 'choose', { nodeId: node(PICK), choiceKey: 'B', listenedSec: 7 })
    expect(chosen.status).toBe(200)
    const row = await progressRow(l)
    expect(row).toMatchObject({ current_node_id: node(END_B), is_completed: true, completion_percentage: '100.00', play_count: 1, total_time_sec: 14 })
    expect(row!.choices_made).toEqual([{ node_id: node(PICK), choice: 'B', at: expect.any(String) }])
    expect(row!.last_played_at).toBeInstanceOf(Date)
    const list = await call(server.url, 'GET', 'progress', { token: l.token })
    expect(list.body.docs).toEqual([expect.objectContaining({ storySlug: story.slug, ended: true, isCompleted: true })])
    await deleteListeners(payload, l.id)
  })

  it('should count a new play when the story is started over', async () => {
    const l = await signIn(server.url)
    await move(l, story.slug, 'start')
    await move(l, story.slug, 'advance', { nodeId: node(START) })
    await move(l, story.slug, 'start')
    expect(await progressRow(l)).toMatchObject({ play_count: 2, current_node_id: node(START), choices_made: [] })
    await deleteListeners(payload, l.id)
  })

  describe('illegal moves write nothing', () => {
    let l: Listener
    beforeAll(async () => {
      l = await signIn(server.url)
      await move(l, story.slug, 'start')
      await move(l, story.slug, 'advance', { nodeId: node(START) })
    })
    afterAll(() => deleteListeners(payload, l.id))

    it.each([
      ['a node that is not the current one', 'advance', () => ({ nodeId: node(START) }), 409, 'not-current-node'],
      ['an unknown choice', 'choose', () => ({ nodeId: node(PICK), choiceKey: 'Z' }), 400, 'unknown-choice'],
      ['a choice at a node that is not current', 'choose', () => ({ nodeId: node(END_A), choiceKey: 'A' }), 409, 'not-current-node'],
      ['a node id that is not a uuid', 'advance', () => ({ nodeId: 'intro' }), 400, undefined],
      ['an unknown key in the body', 'advance', () => ({ nodeId: node(PICK), jump: true }), 400, undefined],
      ['too many listened seconds', 'advance', () => ({ nodeId: node(PICK), listenedSec: 100000 }), 400, undefined],
      ['an unknown move', 'jump', () => ({}), 404, undefined],
    ])('should refuse %s', async (_name, kind, body, status, code) => {
      const before = await progressRow(l)
      const res = await move(l, story.slug, kind, body())
      expect(res.status).toBe(status)
      if (code) expect(res.body.errors[0].code).toBe(code)
      expect(await progressRow(l)).toEqual(before)
    })

    it('should refuse a move in a story that has not been started (409)', async () => {
      const other = await createStory(payload)
      const res = await move(l, other.slug, 'advance', { nodeId: other.nodeIds[0] })
      expect(res.status).toBe(409)
      expect(res.body.errors[0].code).toBe('not-started')
      await other.cleanup()
    })

    it('should refuse an inactive story and an unknown one alike (404)', async () => {
      expect((await move(l, inactive.slug, 'start')).status).toBe(404)
      expect(await progressRow(l, inactive.storyId)).toBeUndefined()
      expect((await move(l, 'no-such-story', 'start')).status).toBe(404)
    })

    it('should refuse moves after the end (409)', async () => {
      const done = await signIn(server.url)
      await move(done, story.slug, 'start')
      await move(done, story.slug, 'advance', { nodeId: node(START) })
      await move(done, story.slug, 'choose', { nodeId: node(PICK), choiceKey: 'A' })
      const res = await move(done, story.slug, 'advance', { nodeId: node(END_A) })
      expect(res.status).toBe(409)
      expect(res.body.errors[0].code).toBe('story-ended')
      await deleteListeners(payload, done.id)
    })

    it('should refuse a move without a token (401)', async () => {
      expect((await move(null, story.slug, 'start')).status).toBe(401)
      expect((await call(server.url, 'GET', 'progress')).status).toBe(401)
    })
  })

  it('should lose no update when 50 starts of the same listener and story run at once', async () => {
    const l = await signIn(server.url)
    const all = await Promise.all(Array.from({ length: 50 }, () => move(l, story.slug, 'start', { listenedSec: 1 })))
    expect(all.map((r) => r.status)).toEqual(Array(50).fill(200))
    expect(await progressRow(l)).toMatchObject({ play_count: 50, total_time_sec: 50 })
    await deleteListeners(payload, l.id)
  })

  it('should apply exactly one of 50 identical moves sent at once', async () => {
    const l = await signIn(server.url)
    await move(l, story.slug, 'start')
    const all = await Promise.all(Array.from({ length: 50 }, () => move(l, story.slug, 'advance', { nodeId: node(START), listenedSec: 1 })))
    expect(all.filter((r) => r.status === 200)).toHaveLength(1)
    expect(all.filter((r) => r.status === 409)).toHaveLength(49)
    expect(await progressRow(l)).toMatchObject({ current_node_id: node(PICK), total_time_sec: 1 })
    await deleteListeners(payload, l.id)
  })
})

describe('bookmarks', () => {
  it('should add a bookmark once: adding again returns the existing one', async () => {
    const first = await call(server.url, 'POST', `bookmarks/story/${story.slug}`, { token: a.token, body: { notes: 'bedtime' } })
    const again = await call(server.url, 'POST', `bookmarks/story/${story.slug}`, { token: a.token, body: { notes: 'other' } })
    expect(first.status).toBe(201)
    expect(again.status).toBe(200)
    expect(again.body.bookmark).toEqual(first.body.bookmark)
    const mine = await call(server.url, 'GET', 'bookmarks/mine', { token: a.token })
    expect(mine.body.docs).toEqual([expect.objectContaining({ storySlug: story.slug, notes: 'bedtime' })])
  })

  it('should keep one bookmark when 10 adds run at once', async () => {
    const l = await signIn(server.url)
    const all = await Promise.all(Array.from({ length: 10 }, () => call(server.url, 'POST', `bookmarks/story/${story.slug}`, { token: l.token })))
    expect(all.filter((r) => r.status === 201)).toHaveLength(1)
    expect(all.filter((r) => r.status === 200)).toHaveLength(9)
    await deleteListeners(payload, l.id)
  })

  it('should refuse notes over 1000 characters, an inactive story and no token', async () => {
    expect((await call(server.url, 'POST', `bookmarks/story/${story.slug}`, { token: b.token, body: { notes: 'x'.repeat(1001) } })).status).toBe(400)
    expect((await call(server.url, 'POST', `bookmarks/story/${inactive.slug}`, { token: b.token })).status).toBe(404)
    expect((await call(server.url, 'POST', `bookmarks/story/${story.slug}`)).status).toBe(401)
  })

  it('should remove a bookmark, then answer 404', async () => {
    const l = await signIn(server.url)
    await call(server.url, 'POST', `bookmarks/story/${story.slug}`, { token: l.token })
    expect((await call(server.url, 'DELETE', `bookmarks/story/${story.slug}`, { token: l.token })).status).toBe(200)
    expect((await call(server.url, 'DELETE', `bookmarks/story/${story.slug}`, { token: l.token })).status).toBe(404)
    await deleteListeners(payload, l.id)
  })
})

describe('unexpected failures', () => {
  /** The one error shape of the logged 500 (src/http/response.ts): JSON, no-store, no internals. */
  const expectLogged500 = (res: ApiResponse) => {
    expect(res.status).toBe(500)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.body).toEqual({ errors: [{ message: 'Something went wrong on our side. It has been logged; please try again.' }] })
  }

  it('should answer every bookmark endpoint with the logged 500 when its table fails', async () => {
    const l = await signIn(server.url)
    await sql(payload, 'ALTER TABLE bookmarks RENAME TO bookmarks_away')
    try {
      expectLogged500(await call(server.url, 'GET', 'bookmarks/mine', { token: l.token }))
      expectLogged500(await call(server.url, 'POST', `bookmarks/story/${story.slug}`, { token: l.token, body: { notes: 'x' } }))
      expectLogged500(await call(server.url, 'DELETE', `bookmarks/story/${story.slug}`, { token: l.token }))
    } finally {
      await sql(payload, 'ALTER TABLE bookmarks_away RENAME TO bookmarks')
    }
    expect((await call(server.url, 'GET', 'bookmarks/mine', { token: l.token })).body).toEqual({ docs: [] })
    await deleteListeners(payload, l.id)
  })

  it("should answer the listener's own endpoints with the logged 500 when a write fails, and change nothing", async () => {
    const l = await signIn(server.url)
    // A trigger refusing writes to this one listener's row, with a message that must not reach the app.
    await sql(payload, `CREATE FUNCTION bk_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'internal detail'; END $$`)
    await sql(payload, `CREATE TRIGGER bk_test_refuse BEFORE UPDATE OR DELETE ON users FOR EACH ROW WHEN (OLD.id = '${l.id}'::uuid) EXECUTE FUNCTION bk_test_refuse()`)
    try {
      const patched = await call(server.url, 'PATCH', 'users/me', { token: l.token, body: { preferences: { autoplay: true } } })
      expectLogged500(patched)
      expect(JSON.stringify(patched.body)).not.toContain('internal detail')
      expectLogged500(await call(server.url, 'DELETE', 'users/me', { token: l.token }))
    } finally {
      await sql(payload, 'DROP TRIGGER bk_test_refuse ON users')
      await sql(payload, 'DROP FUNCTION bk_test_refuse()')
    }
    const me = await call(server.url, 'GET', 'users/me', { token: l.token })
    expect(me.status).toBe(200)
    expect(me.body.user.preferences).toEqual({})
    await deleteListeners(payload, l.id)
  })

  it('should answer progress and analytics with the logged 500 when their tables fail, and write nothing', async () => {
    const l = await signIn(server.url)
    const events = [{ type: 'audio_play', storySlug: story.slug, nodeId: node(START), sessionId: uid('s') }]
    await sql(payload, 'ALTER TABLE user_progress RENAME TO user_progress_away')
    await sql(payload, 'ALTER TABLE analytics_events RENAME TO analytics_events_away')
    try {
      expectLogged500(await call(server.url, 'GET', 'progress', { token: l.token }))
      expectLogged500(await move(l, story.slug, 'start'))
      expectLogged500(await call(server.url, 'POST', 'analytics/events', { token: l.token, body: { events } }))
    } finally {
      await sql(payload, 'ALTER TABLE user_progress_away RENAME TO user_progress')
      await sql(payload, 'ALTER TABLE analytics_events_away RENAME TO analytics_events')
    }
    expect((await call(server.url, 'GET', 'progress', { token: l.token })).body).toEqual({ docs: [] })
    expect(await sql(payload, 'SELECT 1 FROM analytics_events WHERE user_id = $1', [l.id])).toHaveLength(0)
    await deleteListeners(payload, l.id)
  })
})

describe('owner isolation through REST and GraphQL', () => {
  let aProgressId: string
  let aBookmarkId: string

  beforeAll(async () => {
    await move(a, story.slug, 'start')
    aProgressId = (await progressRow(a))!.id
    const bm = await call(server.url, 'POST', `bookmarks/story/${story.slug}`, { token: a.token })
    aBookmarkId = bm.body.bookmark.id
  })

  it.each(['users', 'user-progress', 'bookmarks'])('should list only its own %s', async (collection) => {
    const res = await call(server.url, 'GET', collection, { token: a.token })
    expect(res.status).toBe(200)
    expect(res.body.totalDocs).toBe(1)
    const owner = collection === 'users' ? res.body.docs[0].id : res.body.docs[0].user.id ?? res.body.docs[0].user
    expect(owner).toBe(a.id)
  })

  it.each(['users', 'user-progress', 'bookmarks', 'analytics-events'])('should refuse %s without a token (403)', async (collection) => {
    expect((await call(server.url, 'GET', collection)).status).toBe(403)
  })

  it.each([
    ['users', () => a.id],
    ['user-progress', () => aProgressId],
    ['bookmarks', () => aBookmarkId],
  ])("should not read another listener's %s by id (404)", async (collection, id) => {
    expect((await call(server.url, 'GET', `${collection}/${id()}`, { token: b.token })).status).toBe(404)
    expect((await call(server.url, 'GET', `${collection}/${id()}`, { token: a.token })).status).toBe(200)
  })

  it.each([
    ['users', () => a.id, { preferences: { language: 'ta' } }],
    ['user-progress', () => aProgressId, { playCount: 99 }],
    ['bookmarks', () => aBookmarkId, { notes: 'mine now' }],
  ])("should not change another listener's %s", async (collection, id, body) => {
    const res = await call(server.url, 'PATCH', `${collection}/${id()}`, { token: b.token, body })
    expect([403, 404]).toContain(res.status)
    const del = await call(server.url, 'DELETE', `${collection}/${id()}`, { token: b.token })
    expect([403, 404]).toContain(del.status)
    expect((await call(server.url, 'GET', `${collection}/${id()}`, { token: a.token })).status).toBe(200)
  })

  it('should not let a listener edit its own progress through REST (only the engine moves it)', async () => {
    expect((await call(server.url, 'PATCH', `user-progress/${aProgressId}`, { token: a.token, body: { playCount: 99 } })).status).toBe(403)
    expect((await call(server.url, 'POST', 'user-progress', { token: a.token, body: { user: a.id, story: story.storyId } })).status).toBe(403)
  })

  it('should make a bookmark created through REST its creator\'s, whatever user it names', async () => {
    const other = await createStory(payload)
    const res = await call(server.url, 'POST', 'bookmarks', { token: b.token, body: { user: a.id, story: other.storyId } })
    expect(res.status).toBe(201)
    expect(res.body.doc.user.id ?? res.body.doc.user).toBe(b.id)
    await other.cleanup()
  })

  it('should show only its own rows through GraphQL', async () => {
    const q = `{ Users { totalDocs docs { id } } UserProgresses { totalDocs docs { id } } Bookmarks { totalDocs docs { id } } AnalyticsEvents { totalDocs } }`
    const asA = await graphql(server.url, q, a.token)
    expect(asA.body.errors).toBeUndefined()
    expect(asA.body.data.Users.docs).toEqual([{ id: a.id }])
    expect(asA.body.data.UserProgresses.docs).toEqual([{ id: aProgressId }])
    expect(asA.body.data.Bookmarks.docs.map((d: { id: string }) => d.id)).toContain(aBookmarkId)
    const asB = await graphql(server.url, q, b.token)
    expect(asB.body.data.Users.docs).toEqual([{ id: b.id }])
    expect(asB.body.data.UserProgresses.totalDocs).toBe(0)
    expect(asB.body.data.Bookmarks.docs.map((d: { id: string }) => d.id)).not.toContain(aBookmarkId)
  })

  it("should not read, change or delete another listener's rows through GraphQL", async () => {
    const read = await graphql(server.url, `{ UserProgress(id: "${aProgressId}") { id } }`, b.token)
    expect(read.body.data?.UserProgress ?? null).toBeNull()
    const upd = await graphql(server.url, `mutation { updateBookmark(id: "${aBookmarkId}", data: { notes: "x" }) { id } }`, b.token)
    expect(upd.body.errors).toBeDefined()
    const del = await graphql(server.url, `mutation { deleteUser(id: "${a.id}") { id } }`, b.token)
    expect(del.body.errors).toBeDefined()
    expect((await call(server.url, 'GET', 'users/me', { token: a.token })).status).toBe(200)
  })

  it('should deny everything to GraphQL without a token', async () => {
    const res = await graphql(server.url, `{ Users { totalDocs } }`)
    expect(res.body.errors).toBeDefined()
  })

  it("should keep one listener's progress out of another's GET /api/progress", async () => {
    const res = await call(server.url, 'GET', 'progress', { token: b.token })
    expect(res.body.docs.map((d: { storySlug: string }) => d.storySlug)).not.toContain(story.slug)
  })

  it('should let admins read listener data but not change progress or analytics', async () => {
    expect((await rest(server.url, 'GET', `user-progress/${aProgressId}`, { token: admin.token })).status).toBe(200)
    expect((await rest(server.url, 'PATCH', `user-progress/${aProgressId}`, { token: admin.token, body: { playCount: 9 } })).status).toBe(403)
    expect((await rest(server.url, 'GET', 'analytics-events', { token: admin.token })).status).toBe(200)
    expect((await rest(server.url, 'POST', 'analytics-events', { token: admin.token, body: { eventType: 'page_view' } })).status).toBe(403)
  })
})

describe('account deletion', () => {
  it('should delete progress and bookmarks, keep analytics without the listener, and stop the token at once', async () => {
    const l = await signIn(server.url)
    const [kept, refused] = [uid('del'), uid('del')]
    await move(l, story.slug, 'start')
    await call(server.url, 'POST', `bookmarks/story/${story.slug}`, { token: l.token })
    const sent = await call(server.url, 'POST', 'analytics/events', { token: l.token, body: { events: [{ type: 'story_start', storySlug: story.slug, sessionId: kept }] } })
    expect(sent.status).toBe(202)

    const res = await call(server.url, 'DELETE', 'users/me', { token: l.token })
    expect(res.status).toBe(200)

    expect(await sql(payload, 'SELECT 1 FROM user_progress WHERE user_id = $1', [l.id])).toHaveLength(0)
    expect(await sql(payload, 'SELECT 1 FROM bookmarks WHERE user_id = $1', [l.id])).toHaveLength(0)
    const events = await sql<{ user_id: string | null }>(payload, 'SELECT user_id FROM analytics_events WHERE session_id = $1', [kept])
    expect(events).toEqual([{ user_id: null }])

    expect((await move(l, story.slug, 'start')).status).toBe(401)
    expect((await call(server.url, 'POST', 'analytics/events', { token: l.token, body: { events: [{ type: 'page_view', sessionId: refused }] } })).status).toBe(401)
    expect((await call(server.url, 'POST', `bookmarks/story/${story.slug}`, { token: l.token })).status).toBe(401)
    expect((await call(server.url, 'PATCH', 'users/me', { token: l.token, body: { preferences: { autoplay: true } } })).status).toBe(401)
    expect((await call(server.url, 'GET', 'users/me', { token: l.token })).status).toBe(401)
    expect(await sql(payload, 'SELECT 1 FROM user_progress WHERE user_id = $1', [l.id])).toHaveLength(0)
    expect(await sql(payload, 'SELECT 1 FROM analytics_events WHERE session_id = $1', [refused])).toHaveLength(0)
    await sql(payload, 'DELETE FROM analytics_events WHERE session_id = $1', [kept])
  })

  it('should give the same device a new, empty listener after deletion', async () => {
    const l = await signIn(server.url)
    await call(server.url, 'DELETE', 'users/me', { token: l.token })
    const again = await signIn(server.url, l.anonymousId)
    expect(again.id).not.toBe(l.id)
    await deleteListeners(payload, again.id)
  })
})
