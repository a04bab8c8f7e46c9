import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, rest, type Staff } from '../support/api'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'

let payload: Payload
let server: TestServer
let editor: Staff
let other: Staff
let hindi: Staff
let story: StoryFixture

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  editor = await createStaff(payload, server.url, 'editor')
  other = await createStaff(payload, server.url, 'editor')
  hindi = await createStaff(payload, server.url, 'translator', ['hi'])
  story = await createStory(payload, { isActive: false })
})

afterAll(async () => {
  await story?.cleanup()
  for (const staff of [editor, other, hindi]) if (staff) await payload.delete({ collection: 'editors', id: staff.id })
  await server?.close()
})

type Studio = {
  graph: { id: string; nodes: { id: string }[]; choices: { id: string }[] }
  report: { errors: unknown[]; warnings: { locale?: string }[] }
  nodes: Record<string, { updatedAt: string; position: unknown }>
  choices: Record<string, { updatedAt: string }>
  user: { role: string; assignedLocales: string[] }
}

describe('GET /api/stories/:id/studio', () => {
  it('should give staff the whole map of a draft in one request', async () => {
    const res = await rest(server.url, 'GET', `stories/${story.storyId}/studio`, { token: hindi.token })
    const body = res.body as Studio

    expect(res.status).toBe(200)
    expect(body.graph.nodes.map((n) => n.id).sort()).toEqual([...story.nodeIds].sort())
    expect(Object.keys(body.choices).sort()).toEqual([...story.choiceIds].sort())
    expect(body.report.errors).toEqual([])
    expect(body.nodes[story.nodeIds[0]!]!.updatedAt).toMatch(/^\d{4}-/)
    expect(body.user).toEqual({ role: 'translator', assignedLocales: ['hi'] })
  })

  it('should send the missing-text warnings and audio states of the asked locale only', async () => {
    const hi = (await rest(server.url, 'GET', `stories/${story.storyId}/studio?locale=hi`, { token: editor.token })).body as Studio & { locale: string; audio: Record<string, Record<string, string>> }
    const ta = (await rest(server.url, 'GET', `stories/${story.storyId}/studio?locale=ta`, { token: editor.token })).body as Studio & { locale: string }

    // Hindi has the start node's text: 3 nodes and 2 choices lack it. Tamil lacks all 6 texts.
    expect(hi.locale).toBe('hi')
    expect(hi.report.warnings.map((w) => w.locale)).toEqual(['hi', 'hi', 'hi', 'hi', 'hi'])
    expect(ta.report.warnings.map((w) => w.locale)).toEqual(Array(6).fill('ta'))
    for (const states of Object.values(hi.audio)) expect(Object.keys(states)).toEqual(['hi'])
    expect(Object.keys(hi.audio)).toEqual([story.nodeIds[0]])
  })

  it('should answer 400 naming the locale parameter for an unknown locale', async () => {
    const res = await rest(server.url, 'GET', `stories/${story.storyId}/studio?locale=xx`, { token: editor.token })

    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('locale: unknown locale')
    expect(res.body.errors[0].field).toBe('locale')
  })

  it('should refuse the public with 401 and answer 404 for an unknown story', async () => {
    expect((await rest(server.url, 'GET', `stories/${story.storyId}/studio`)).status).toBe(401)
    expect((await rest(server.url, 'GET', 'stories/00000000-0000-4000-8000-000000000000/studio', { token: editor.token })).status).toBe(404)
    expect((await rest(server.url, 'GET', 'stories/not-a-uuid/studio', { token: editor.token })).status).toBe(404)
  })
})

describe('GET /api/stories/:id/draft-bundle', () => {
  it('should compile an inactive draft in memory for staff without publishing it', async () => {
    const res = await rest(server.url, 'GET', `stories/${story.storyId}/draft-bundle?locale=hi`, { token: editor.token })

    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ format: 1, locale: 'hi', startNodeId: story.nodeIds[0] })
    expect((await rest(server.url, 'GET', `stories/${story.slug}/bundle?locale=hi`)).status).toBe(404)
  })

  it('should answer 400 naming the locale for an unknown one, and 401 to the public', async () => {
    const bad = await rest(server.url, 'GET', `stories/${story.storyId}/draft-bundle?locale=xx`, { token: editor.token })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('locale')
    expect((await rest(server.url, 'GET', `stories/${story.storyId}/draft-bundle?locale=en`)).status).toBe(401)
  })
})

describe('optimistic concurrency on nodes and choices', () => {
  it('should refuse a save over a newer version with 409 naming who saved it, and change nothing', async () => {
    const nodeId = story.nodeIds[1]!
    const seen = (await rest(server.url, 'GET', `story-nodes/${nodeId}?depth=0`, { token: editor.token })).body.updatedAt as string
    const first = await rest(server.url, 'PATCH', `story-nodes/${nodeId}?locale=en&depth=0`, {
      token: other.token,
      body: { textContent: 'What will the crow do now?' },
    })
    expect(first.status).toBe(200)

    const res = await fetch(`${server.url}/api/story-nodes/${nodeId}?locale=en&depth=0`, {
      method: 'PATCH',
      headers: { authorization: `JWT ${editor.token}`, 'content-type': 'application/json', 'x-expected-updated-at': seen },
      body: JSON.stringify({ textContent: 'Overwritten?' }),
    })
    const body = (await res.json()) as { errors: { message: string }[] }

    expect(res.status).toBe(409)
    expect(body.errors[0]!.message).toContain(other.email)
    const now = await payload.findByID({ collection: 'story-nodes', id: nodeId, locale: 'en', depth: 0 })
    expect(now.textContent).toBe('What will the crow do now?')
  })

  it('should accept a save that names the current version and record who saved', async () => {
    const choiceId = story.choiceIds[0]!
    const current = await payload.findByID({ collection: 'story-choices', id: choiceId, depth: 0 })
    const res = await fetch(`${server.url}/api/story-choices/${choiceId}?locale=en&depth=0`, {
      method: 'PATCH',
      headers: { authorization: `JWT ${editor.token}`, 'content-type': 'application/json', 'x-expected-updated-at': current.updatedAt },
      body: JSON.stringify({ textContent: 'Drop pebbles' }),
    })

    expect(res.status).toBe(200)
    expect(((await res.json()) as { doc: { editedBy: string } }).doc.editedBy).toBe(editor.email)
  })

  it('should let exactly one of several simultaneous saves over the same version through (409 for the rest)', async () => {
    const nodeId = story.nodeIds[2]!
    const seen = (await payload.findByID({ collection: 'story-nodes', id: nodeId, depth: 0 })).updatedAt
    const statuses = await Promise.all(
      [1, 2, 3, 4, 5].map(async (i) => {
        const res = await fetch(`${server.url}/api/story-nodes/${nodeId}?locale=en&depth=0`, {
          method: 'PATCH',
          headers: { authorization: `JWT ${editor.token}`, 'content-type': 'application/json', 'x-expected-updated-at': seen },
          body: JSON.stringify({ textContent: `Simultaneous save ${i}` }),
        })
        await res.arrayBuffer()
        return res.status
      }),
    )
    expect(statuses.filter((s) => s === 200), JSON.stringify(statuses)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(4)
  })

  it('should refuse to delete a choice changed since it was read', async () => {
    const choiceId = story.choiceIds[1]!
    const res = await fetch(`${server.url}/api/story-choices/${choiceId}`, {
      method: 'DELETE',
      headers: { authorization: `JWT ${editor.token}`, 'x-expected-updated-at': '2000-01-01T00:00:00.000Z' },
    })

    expect(res.status).toBe(409)
    expect(await payload.findByID({ collection: 'story-choices', id: choiceId, depth: 0, disableErrors: true })).not.toBeNull()
  })
})
