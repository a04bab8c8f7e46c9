/**
 * Hardening #10 holes 10 and 14: bad input answers 400 naming the field, never 500, and a value of
 * the wrong type is refused instead of being stored in another shape.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, rest, type Staff } from '../support/api'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'
import { call, deleteListeners, signIn, sql, type Listener } from '../support/listener'

let payload: Payload
let server: TestServer
let editor: Staff
let listener: Listener
let story: StoryFixture

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  editor = await createStaff(payload, server.url, 'editor')
  listener = await signIn(server.url)
  story = await createStory(payload)
})

afterAll(async () => {
  await story?.cleanup()
  await deleteListeners(payload, listener.id)
  await payload.delete({ collection: 'editors', id: editor.id })
  await server?.close()
})

/** A raw request: the body is sent exactly as given. */
async function raw(method: string, path: string, body: string, token?: string, scheme = 'JWT') {
  const res = await fetch(`${server.url}/api/${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `${scheme} ${token}` } : {}) },
    body,
  })
  const text = await res.text()
  let json: any = null
  try {
    json = JSON.parse(text)
  } catch {
    json = { raw: text }
  }
  return { status: res.status, body: json, text }
}

const messages = (body: any): string => JSON.stringify(body)
const nodeText = async (id: string) => (await payload.findByID({ collection: 'story-nodes', id, locale: 'en', depth: 0 })).textContent

describe('wrong types (hole 14)', () => {
  it('should refuse an object as a node text over REST, naming the field and the expected type', async () => {
    const before = await nodeText(story.nodeIds[0]!)
    const res = await rest(server.url, 'PATCH', `story-nodes/${story.nodeIds[0]}`, { token: editor.token, body: { textContent: { title: 'x' } } })
    expect(res.status).toBe(400)
    expect(messages(res.body)).toContain('textContent')
    expect(messages(res.body)).toMatch(/string/i)
    expect(await nodeText(story.nodeIds[0]!)).toBe(before)
  })

  it('should refuse "abc" as a number with "expected a number", not "required"', async () => {
    const res = await rest(server.url, 'PATCH', `story-nodes/${story.nodeIds[0]}`, { token: editor.token, body: { displayOrder: 'abc' } })
    expect(res.status).toBe(400)
    expect(messages(res.body)).toContain('displayOrder')
    expect(messages(res.body)).toMatch(/number/i)
    expect(messages(res.body)).not.toMatch(/required/i)
  })

  it('should refuse a string as a checkbox and an array as a select', async () => {
    const flag = await rest(server.url, 'PATCH', `story-nodes/${story.nodeIds[0]}`, { token: editor.token, body: { isStart: 'yes' } })
    expect(flag.status).toBe(400)
    expect(messages(flag.body)).toContain('isStart')
    const select = await rest(server.url, 'PATCH', `story-nodes/${story.nodeIds[0]}`, { token: editor.token, body: { nodeType: ['end'] } })
    expect(select.status).toBe(400)
    expect(messages(select.body)).toContain('nodeType')
  })

  it('should refuse an object as a relationship id', async () => {
    const res = await rest(server.url, 'PATCH', `story-nodes/${story.nodeIds[0]}`, { token: editor.token, body: { character: { evil: true } } })
    expect(res.status).toBe(400)
    expect(messages(res.body)).toContain('character')
  })

  it('should refuse the same through the Local API with a ValidationError on the field', async () => {
    const user = await payload.findByID({ collection: 'editors', id: editor.id })
    const attempt = payload.update({
      collection: 'story-nodes',
      id: story.nodeIds[0]!,
      data: { textContent: { title: 'x' } as never },
      overrideAccess: false,
      user: { ...user, collection: 'editors' },
    })
    await expect(attempt).rejects.toMatchObject({ status: 400, data: { errors: [expect.objectContaining({ path: 'textContent' })] } })
  })

  it('should refuse it through GraphQL with an error naming the field', async () => {
    const res = await call(server.url, 'POST', 'graphql', {
      headers: { authorization: `JWT ${editor.token}` },
      body: { query: `mutation($d: mutationStoryNodeUpdateInput!) { updateStoryNode(id: "${story.nodeIds[0]}", data: $d) { id } }`, variables: { d: { displayOrder: 'abc' } } },
    })
    expect(res.status).toBeLessThan(500)
    expect(messages(res.body)).toContain('displayOrder')
  })
})

describe('bodies that are not objects (hole 10)', () => {
  for (const body of ['101', '"x"', '[]', 'null', 'true', '[{"slug":"a"}]']) {
    it(`should answer 400 to PATCH story-nodes/:id and POST stories with the body ${body}`, async () => {
      const patch = await raw('PATCH', `story-nodes/${story.nodeIds[0]}`, body, editor.token)
      expect(patch.status, patch.text).toBe(400)
      const post = await raw('POST', 'stories', body, editor.token)
      expect(post.status, post.text).toBe(400)
    })

    it(`should answer 400 to POST /api/graphql with the body ${body}`, async () => {
      const res = await raw('POST', 'graphql', body)
      expect(res.status, res.text).toBe(400)
    })
  }

  it('should answer 400 to a body that is not JSON', async () => {
    expect((await raw('PATCH', `story-nodes/${story.nodeIds[0]}`, '{"textContent":', editor.token)).status).toBe(400)
    expect((await raw('POST', 'graphql', '{"query":')).status).toBe(400)
  })
})

describe('NUL characters (hole 10)', () => {
  it('should refuse NUL in a slug naming the field, and create nothing', async () => {
    const before = await sql<{ n: string }>(payload, 'SELECT count(*) AS n FROM stories')
    const res = await rest(server.url, 'POST', 'stories', { token: editor.token, body: { slug: 'a\u0000b', title: 'x', ageRange: '4-6', region: 'pan-indian' } })
    expect(res.status).toBe(400)
    expect(messages(res.body)).toContain('slug')
    expect(await sql(payload, 'SELECT count(*) AS n FROM stories')).toEqual(before)
  })

  it('should refuse NUL in a node text', async () => {
    const res = await rest(server.url, 'PATCH', `story-nodes/${story.nodeIds[0]}`, { token: editor.token, body: { textContent: 'once\u0000upon' } })
    expect(res.status).toBe(400)
    expect(messages(res.body)).toContain('textContent')
  })

  it('should refuse NUL in bookmark notes naming notes', async () => {
    const res = await call(server.url, 'POST', `bookmarks/story/${story.slug}`, { token: listener.token, body: { notes: 'a\u0000b' } })
    expect(res.status).toBe(400)
    expect(messages(res.body)).toContain('notes')
  })

  it('should refuse NUL in event data naming the event field', async () => {
    const res = await call(server.url, 'POST', 'analytics/events', {
      token: listener.token,
      body: { events: [{ type: 'story_start', storySlug: story.slug, sessionId: 'session-1', data: { note: 'a\u0000b' } }] },
    })
    expect(res.status).toBe(400)
    expect(messages(res.body)).toContain('events.0.data')
  })

  it('should refuse a NUL in a where value with 400', async () => {
    const res = await rest(server.url, 'GET', `stories?where[slug][equals]=a%00b`)
    expect(res.status).toBeLessThan(500)
  })
})

describe('deep JSON (hole 10)', () => {
  it('should refuse deeply nested event data with 400 naming the field', async () => {
    const deep = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000)
    const body = `{"events":[{"type":"story_start","storySlug":"${story.slug}","sessionId":"session-1","data":${deep}}]}`
    const res = await raw('POST', 'analytics/events', body, listener.token, 'Bearer')
    expect(res.status, res.text.slice(0, 300)).toBe(400)
    expect(res.text).toContain('events.0.data')
  })

  it('should refuse a body nested deep under a key no field declares with 400, not a 500', async () => {
    const deep = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)
    const res = await raw('PATCH', `story-nodes/${story.nodeIds[0]}`, `{"notAField":${deep}}`, editor.token)
    expect(res.status, res.text.slice(0, 300)).toBe(400)
    expect(res.text).toContain('nested deeper')
  })

  it('should refuse a deeply nested JSON field value on a collection with 400', async () => {
    const deep = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000)
    const res = await raw('PATCH', `story-nodes/${story.nodeIds[0]}`, `{"metadata":${deep}}`, editor.token)
    expect(res.status, res.text.slice(0, 300)).toBe(400)
    expect(res.text).toContain('metadata')
  })
})

describe('unusual queries (hole 10)', () => {
  const queries = [
    'stories?where[slug][near]=1,2',
    'stories?where[durationMin][equals]=abc',
    'stories?where[id][equals]=not-a-uuid',
    'stories?where[id][in]=1,2',
    'stories?where[createdAt][greater_than]=yesterday',
    'stories?where[slug][within]=x',
    'stories?where[or][0][slug][like]=%25',
    'stories?where[title][intersects]=x',
    'stories?sort=%00',
    'stories?limit=-1',
    'stories?page=abc',
    'stories?depth=abc',
    'stories/%FF',
    'story-nodes/not-a-uuid',
  ]
  for (const q of queries) {
    it(`should not answer 5xx to GET /api/${q}`, async () => {
      const res = await rest(server.url, 'GET', q, { token: editor.token })
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBeLessThan(500)
    })
  }
})
