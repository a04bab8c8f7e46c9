/**
 * Hardening #10 holes 6 and 11: nothing of an inactive or deleted story is reachable without
 * staff credentials, the bucket included. Deactivating or deleting removes the story's published
 * bundle objects at once; edits of an inactive story publish nothing; progress answers 404 (not
 * 409) and analytics refuse events for it.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { listObjects } from '@/storage/objectStore'
import { createStaff, rest, type Staff } from '../support/api'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'
import { call, deleteListeners, signIn, type Listener } from '../support/listener'

let payload: Payload
let server: TestServer
let editor: Staff
let listener: Listener
const stories: StoryFixture[] = []

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  editor = await createStaff(payload, server.url, 'editor')
  listener = await signIn(server.url)
})

afterAll(async () => {
  for (const s of stories) await s.cleanup().catch(() => undefined)
  await deleteListeners(payload, listener.id)
  await payload.delete({ collection: 'editors', id: editor.id })
  await server?.close()
})

async function activeStory(): Promise<StoryFixture> {
  const s = await createStory(payload)
  stories.push(s)
  return s
}
const bundleObjects = async (slug: string) => (await listObjects(`bundles/${slug}/`)).map((o) => o.Key)

describe('deactivating a story', () => {
  it('should remove its published bundle objects from the bucket at once', async () => {
    const story = await activeStory()
    const res = await fetch(`${server.url}/api/stories/${story.slug}/bundle`)
    expect(res.status).toBe(200)
    const url = res.headers.get('x-bundle-url')!
    expect((await fetch(url)).status).toBe(200)
    expect(await bundleObjects(story.slug)).not.toEqual([])
    expect((await rest(server.url, 'PATCH', `stories/${story.storyId}`, { token: editor.token, body: { isActive: false } })).status).toBe(200)
    expect((await fetch(`${server.url}/api/stories/${story.slug}/bundle`)).status).toBe(404)
    expect(await bundleObjects(story.slug)).toEqual([])
    expect((await fetch(url)).status).toBe(404)
  })

  it('should publish nothing while an inactive story is edited', async () => {
    const story = await activeStory()
    await rest(server.url, 'PATCH', `stories/${story.storyId}`, { token: editor.token, body: { isActive: false } })
    const edit = await rest(server.url, 'PATCH', `story-nodes/${story.nodeIds[0]}`, { token: editor.token, body: { textContent: 'A new beginning, still a draft' } })
    expect(edit.status).toBe(200)
    expect(await bundleObjects(story.slug)).toEqual([])
  })

  it('should answer 404 to progress and refuse analytics events for it', async () => {
    const story = await activeStory()
    await rest(server.url, 'PATCH', `stories/${story.storyId}`, { token: editor.token, body: { isActive: false } })
    const start = await call(server.url, 'POST', `progress/${story.slug}/start`, { token: listener.token, body: {} })
    expect(start.status).toBe(404)
    const events = await call(server.url, 'POST', 'analytics/events', {
      token: listener.token,
      body: { events: [{ type: 'story_start', storySlug: story.slug, sessionId: 'session-inactive' }] },
    })
    expect(events.status).toBe(400)
    expect(JSON.stringify(events.body)).toContain('events.0.storySlug')
  })
})

describe('deleting a story', () => {
  it('should remove its bundle objects at once and stop serving it', async () => {
    const story = await activeStory()
    expect((await fetch(`${server.url}/api/stories/${story.slug}/bundle`)).status).toBe(200)
    expect(await bundleObjects(story.slug)).not.toEqual([])
    expect((await rest(server.url, 'DELETE', `stories/${story.storyId}`, { token: editor.token })).status).toBe(200)
    expect((await fetch(`${server.url}/api/stories/${story.slug}/bundle`)).status).toBe(404)
    expect(await bundleObjects(story.slug)).toEqual([])
    const start = await call(server.url, 'POST', `progress/${story.slug}/start`, { token: listener.token, body: {} })
    expect(start.status).toBe(404)
  })
})
