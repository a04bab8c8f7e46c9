/**
 * Hardening #10 hole 8: lists without bounds. GraphQL join fields with a missing/negative limit,
 * `pagination: false`, hundreds of aliased StoryBundle calls, and REST `pagination=false`,
 * `depth=10`, `limit=0`/huge limits are refused for the public and listeners (staff keep them).
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, gql, rest, type Staff } from '../support/api'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'

let payload: Payload
let server: TestServer
let editor: Staff
let story: StoryFixture

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  editor = await createStaff(payload, server.url, 'editor')
  story = await createStory(payload)
})

afterAll(async () => {
  await story?.cleanup()
  await payload.delete({ collection: 'editors', id: editor.id })
  await server?.close()
})

const refused = (res: { status: number; body: any }) => res.status >= 400 || (Array.isArray(res.body?.errors) && res.body.errors.length > 0 && !res.body.data?.Stories)

describe('GraphQL lists (public)', () => {
  it.each([
    ['a join without limit', `{ Stories(limit: 1) { docs { nodes { docs { id } } } } }`],
    ['a join with a negative limit', `{ Stories(limit: 1) { docs { nodes(limit: -1) { docs { id } } } } }`],
    ['a join with limit 0', `{ Stories(limit: 1) { docs { nodes(limit: 0) { docs { id } } } } }`],
    ['pagination: false', `{ StoryNodes(pagination: false) { docs { id } } }`],
    ['a negative list limit', `{ StoryNodes(limit: -1) { docs { id } } }`],
  ])('should refuse %s', async (_, query) => {
    const res = await gql(server.url, query)
    expect(res.status).toBeLessThan(500)
    expect(res.body.errors?.length, JSON.stringify(res.body).slice(0, 300)).toBeGreaterThan(0)
    expect(JSON.stringify(res.body.errors)).toMatch(/limit|pagination|complexity/i)
  })

  it('should answer a join with a limit', async () => {
    const res = await gql(server.url, `{ Stories(where: { slug: { equals: "${story.slug}" } }) { docs { nodes(limit: 5) { docs { id } } } } }`)
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Stories.docs[0].nodes.docs).toHaveLength(4)
  })

  it('should refuse 900 aliased StoryBundle calls', async () => {
    const fields = Array.from({ length: 900 }, (_, i) => `b${i}: StoryBundle(slug: "${story.slug}")`).join(' ')
    const res = await gql(server.url, `{ ${fields} }`)
    expect(res.status).toBeLessThan(500)
    expect(res.body.data ?? null).toBeNull()
    expect(JSON.stringify(res.body.errors)).toMatch(/StoryBundle|complexity|alias/i)
  })

  it('should still answer a few StoryBundle calls in one query', async () => {
    const res = await gql(server.url, `{ a: StoryBundle(slug: "${story.slug}") b: StoryBundle(slug: "${story.slug}", locale: "en") }`)
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.a.story.slug).toBe(story.slug)
  })

  it('should let staff read a join without limit', async () => {
    const res = await gql(server.url, `{ Stories(where: { slug: { equals: "${story.slug}" } }) { docs { nodes { docs { id } } } } }`, editor.token)
    expect(res.body.errors).toBeUndefined()
  })
})

describe('REST lists (public)', () => {
  it.each([
    ['story-nodes?pagination=false', 'pagination'],
    ['story-nodes?pagination=false&depth=10', 'pagination'],
    ['story-nodes?depth=10', 'depth'],
    ['story-nodes?limit=0', 'limit'],
    ['story-nodes?limit=100000', 'limit'],
    [`stories?joins[nodes][limit]=0`, 'joins.nodes.limit'],
    [`stories?joins[nodes][limit]=100000`, 'joins.nodes.limit'],
  ])('should answer 400 to GET /api/%s naming %s', async (path, field) => {
    const res = await rest(server.url, 'GET', path)
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain(field)
  })

  it('should answer ordinary public lists', async () => {
    expect((await rest(server.url, 'GET', 'story-nodes?limit=50&depth=1')).status).toBe(200)
    expect((await rest(server.url, 'GET', 'stories?joins[nodes][limit]=20')).status).toBe(200)
    expect((await rest(server.url, 'GET', `stories/${story.storyId}`)).status).toBe(200)
  })

  it('should let staff use pagination=false', async () => {
    expect((await rest(server.url, 'GET', `story-nodes?pagination=false&where[story][equals]=${story.storyId}`, { token: editor.token })).status).toBe(200)
  })
})
