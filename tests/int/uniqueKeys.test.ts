import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, gql, rest, type Staff, uid } from '../support/api'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'

let payload: Payload
let server: TestServer
let admin: Staff
let story: StoryFixture
let listener: { id: string; anonymousId: string }

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  admin = await createStaff(payload, server.url, 'admin')
  story = await createStory(payload)
  const anonymousId = uid('device-0000000000')
  listener = { id: (await payload.create({ collection: 'users', data: { anonymousId } })).id, anonymousId }
})

afterAll(async () => {
  await story?.cleanup()
  await payload.delete({ collection: 'users', where: { id: { equals: listener.id } } })
  await payload.delete({ collection: 'editors', where: { id: { equals: admin.id } } })
  await server?.close()
})

function expectFieldError(res: { status: number; body: any }, field: string) {
  expect(res.status).toBe(400)
  const paths = (res.body.errors ?? []).flatMap((e: any) => (e.data?.errors ?? []).map((d: any) => d.path))
  expect(paths).toContain(field)
}

describe('unique keys of the spec answer 400 naming the field through REST', () => {
  it('should reject a second story with the same slug', async () => {
    const res = await rest(server.url, 'POST', 'stories', {
      token: admin.token,
      body: { slug: story.slug, title: 'Dup', ageRange: '4-6', region: 'pan-indian', isActive: false },
    })
    expectFieldError(res, 'slug')
  })

  it('should reject a second choice with the same key on a node', async () => {
    const res = await rest(server.url, 'POST', 'story-choices', {
      token: admin.token,
      body: { node: story.nodeIds[1], choiceKey: 'A', textContent: 'again' },
    })
    expectFieldError(res, 'choiceKey')
  })

  it('should reject a second audio variant for the same node, language, ratio and speaker', async () => {
    const data = { node: story.nodeIds[0], languageCode: 'hi', codeMixRatio: 0, speakerId: 'meera', r2Url: 'audio/x.opus' }
    const first = await rest(server.url, 'POST', 'audio-files', { token: admin.token, body: data })
    expect(first.status).toBe(201)
    const res = await rest(server.url, 'POST', 'audio-files', { token: admin.token, body: data })
    expectFieldError(res, 'speakerId')
  })

  it('should keep a spoken choice’s audio apart from its node’s line, and reject a second one for the same choice', async () => {
    const data = { node: story.nodeIds[1], choice: story.choiceIds[0], languageCode: 'hi', codeMixRatio: 0, speakerId: 'meera', r2Url: 'audio/y.opus' }
    // the node's own line in the same voice does not clash with its option's (two partial unique keys)
    const line = await rest(server.url, 'POST', 'audio-files', { token: admin.token, body: { ...data, choice: null } })
    expect(line.status).toBe(201)
    expect((await rest(server.url, 'POST', 'audio-files', { token: admin.token, body: data })).status).toBe(201)
    expectFieldError(await rest(server.url, 'POST', 'audio-files', { token: admin.token, body: data }), 'speakerId')
  })

  it('should reject a second listener with the same anonymous id', async () => {
    const res = await rest(server.url, 'POST', 'users', { token: admin.token, body: { anonymousId: listener.anonymousId } })
    expectFieldError(res, 'anonymousId')
  })

  it('should reject a second progress row for the same listener and story', async () => {
    const body = { user: listener.id, story: story.storyId }
    expect((await rest(server.url, 'POST', 'user-progress', { token: admin.token, body })).status).toBe(201)
    expectFieldError(await rest(server.url, 'POST', 'user-progress', { token: admin.token, body }), 'story')
  })

  it('should reject a second bookmark for the same listener and story', async () => {
    const body = { user: listener.id, story: story.storyId }
    expect((await rest(server.url, 'POST', 'bookmarks', { token: admin.token, body })).status).toBe(201)
    expectFieldError(await rest(server.url, 'POST', 'bookmarks', { token: admin.token, body }), 'story')
  })

  it('should reject a second character with the same slug in a story', async () => {
    const res = await rest(server.url, 'POST', 'characters', {
      token: admin.token,
      body: { story: story.storyId, slug: 'narrator', name: 'Again', voiceProfile: 'x', bulbulSpeaker: 'meera' },
    })
    expectFieldError(res, 'slug')
  })

  it('should keep one story-translations row per story and language, enforced by the database', async () => {
    const err = await payload
      .create({
        collection: 'story-translations',
        data: { story: story.storyId, languageCode: 'en', title: 'x', contentJson: {} },
      })
      .catch((e) => e)
    expect(err.name).toBe('ValidationError')
    // System-written: the database's unique index answers, naming both columns.
    expect(err.data.errors[0].path).toContain('language_code')
  })

  it('should turn a unique index violation that slips past the hooks into a 400, not a 500', async () => {
    const err = await payload.db
      .create({ collection: 'story-choices', data: { node: story.nodeIds[1], choiceKey: 'A', story: story.storyId }, req: {} as never })
      .catch((e: unknown) => e)
    expect((err as Error).name).toBe('ValidationError')
  })
})

describe('unique keys through GraphQL', () => {
  it('should answer a duplicate slug with a validation error naming the field', async () => {
    const res = await gql(
      server.url,
      `mutation { createStory(data: { slug: "${story.slug}", title: "Dup", ageRange: "4-6", region: "x", isActive: false }) { id } }`,
      admin.token,
    )
    expect(res.body.errors[0].extensions.statusCode).toBe(400)
    expect(JSON.stringify(res.body.errors[0].extensions.data)).toContain('slug')
  })
})
