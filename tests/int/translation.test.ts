import type { Payload } from 'payload'

import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { resetSettings } from '@/settings'

import { s3ClientConfig, s3Settings } from '@/storage/s3Settings'

import { createStaff, gql, rest, type Staff } from '../support/api'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'

let payload: Payload
let server: TestServer
let editor: Staff
let hindi: Staff
let tamil: Staff
let tamilReviewer: Staff
let story: StoryFixture

type Unit = { id: string; kind: string; collection: string; docId: string; field: string; status: string; stale: boolean; source: string; target: string; previousSource: string | null; speaker: string | null; previousUnitId: string | null }

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  ;[editor, hindi, tamil, tamilReviewer] = await Promise.all([
    createStaff(payload, server.url, 'editor'),
    createStaff(payload, server.url, 'translator', ['hi']),
    createStaff(payload, server.url, 'translator', ['ta']),
    createStaff(payload, server.url, 'translator', ['ta']),
  ])
  await payload.update({ collection: 'editors', id: tamilReviewer.id, data: { reviewer: true } })
})

beforeEach(async () => {
  story = await createStory(payload)
})

afterEach(async () => {
  delete process.env.REQUIRE_APPROVAL_TO_PUBLISH
  delete process.env.REQUIRE_AUDIO_TO_PUBLISH
  resetSettings() // settings are parsed once; the change above must be seen
  await story?.cleanup()
})

afterAll(async () => {
  await payload.delete({ collection: 'editors', where: { id: { in: [editor, hindi, tamil, tamilReviewer].map((s) => s.id) } } })
  await server?.close()
})

async function status(locale: string, who: Staff = editor) {
  const res = await rest(server.url, 'GET', `stories/${story.storyId}/translation-status?locale=${locale}`, { token: who.token })
  expect(res.status).toBe(200)
  return res.body as { units: Unit[]; counts: Record<string, number>; stale: string[]; missing: string[]; publicationState: string; sourceLocale: string }
}

/** Saves one unit the way the workspace does: one PATCH of its document in the locale. */
const save = (who: Staff, unit: Pick<Unit, 'collection' | 'docId' | 'field'>, locale: string, text: string) =>
  rest(server.url, 'PATCH', `${unit.collection}/${unit.docId}`, { token: who.token, locale, body: { [unit.field]: text } })

const bundle = (locale: string) => fetch(`${server.url}/api/stories/${story.slug}/bundle?locale=${locale}`)
const publish = (locale: string, state = 'published', who: Staff = editor) =>
  rest(server.url, 'POST', `stories/${story.storyId}/publication`, { token: who.token, body: { locale, state } })

async function translateAll(who: Staff, locale: string, prefix: string) {
  for (const unit of (await status(locale, who)).units.filter((u) => u.status === 'missing' && u.source)) {
    expect((await save(who, unit, locale, `${prefix} ${unit.source}`)).status).toBe(200)
  }
}

describe('translation status', () => {
  it('should list every unit in reading order with source, target and status', async () => {
    const body = await status('hi', hindi)
    expect(body.sourceLocale).toBe('en')
    expect(body.units.map((u) => u.id)).toEqual([
      `story/${story.storyId}/title`,
      `story/${story.storyId}/description`,
      `story/${story.storyId}/moral`,
      `character/${story.characterId}/name`,
      `node/${story.nodeIds[0]}/text_content`,
      `node/${story.nodeIds[1]}/text_content`,
      `choice/${story.choiceIds[0]}/text_content`,
      `choice/${story.choiceIds[1]}/text_content`,
      `node/${story.nodeIds[2]}/text_content`,
      `node/${story.nodeIds[3]}/text_content`,
    ])
    const start = body.units[4]!
    expect(start).toMatchObject({ kind: 'narration', source: 'Once upon a time', target: 'एक समय की बात है', status: 'translated', stale: false, speaker: 'Dadi' })
    expect(body.units[5]).toMatchObject({ kind: 'choice-prompt', status: 'missing', previousUnitId: start.id })
    expect(body.counts).toMatchObject({ units: 8, missing: 7, translated: 1, approved: 0, stale: 0 })
  })

  it('should answer 400 naming the field without a locale, 403 to a translator of another locale and 401 to the public', async () => {
    const none = await rest(server.url, 'GET', `stories/${story.storyId}/translation-status`, { token: editor.token })
    expect(none.status).toBe(400)
    expect(none.body.errors[0].field).toBe('locale')
    expect((await rest(server.url, 'GET', `stories/${story.storyId}/translation-status?locale=xx`, { token: editor.token })).status).toBe(400)
    expect((await rest(server.url, 'GET', `stories/${story.storyId}/translation-status?locale=hi`, { token: tamil.token })).status).toBe(403)
    expect((await rest(server.url, 'GET', `stories/${story.storyId}/translation-status?locale=hi`)).status).toBe(401)
  })
})

describe('stale translations', () => {
  it('should make exactly the changed unit stale in every other locale until a translator saves it', async () => {
    const start = `node/${story.nodeIds[0]}/text_content`
    const end = { collection: 'story-nodes', docId: story.nodeIds[2]!, field: 'textContent' }
    expect((await save(tamil, { collection: 'story-nodes', docId: story.nodeIds[0]!, field: 'textContent' }, 'ta', 'ஒரு காலத்தில்')).status).toBe(200)
    expect((await save(hindi, end, 'hi', 'कौआ पानी पीता है।')).status).toBe(200)

    const edit = await rest(server.url, 'PATCH', `story-nodes/${story.nodeIds[0]}`, { token: editor.token, locale: 'en', body: { textContent: 'Long, long ago' } })
    expect(edit.status).toBe(200)

    const hi = await status('hi', hindi)
    expect(hi.stale).toEqual([start])
    const row = hi.units.find((u) => u.id === start)!
    expect(row).toMatchObject({ stale: true, previousSource: 'Once upon a time', source: 'Long, long ago', target: 'एक समय की बात है' })
    expect((await status('ta', tamil)).stale).toEqual([start])
    expect((await status('hi-mixed')).stale).toEqual([])

    expect((await save(hindi, row, 'hi', 'बहुत समय पहले')).status).toBe(200)
    const after = await status('hi', hindi)
    expect(after.stale).toEqual([])
    expect(after.units.find((u) => u.id === start)).toMatchObject({ status: 'translated', stale: false, previousSource: null })
    // hi-mixed is translated from Hindi: it has no text here, so nothing of it went stale.
    expect((await status('ta', tamil)).stale).toEqual([start])
  })

  it('should make hi-mixed stale when its source, the Hindi, changes', async () => {
    const start = { collection: 'story-nodes', docId: story.nodeIds[0]!, field: 'textContent' }
    expect((await save(editor, start, 'hi-mixed', 'Ek samay ki baat hai')).status).toBe(200)
    expect((await status('hi-mixed')).stale).toEqual([])
    expect((await save(hindi, start, 'hi', 'बहुत समय पहले')).status).toBe(200)
    expect((await status('hi-mixed')).stale).toEqual([`node/${story.nodeIds[0]}/text_content`])
  })
})

describe('review and history', () => {
  it('should let editors and the locale\u2019s reviewers approve, and nobody else', async () => {
    const unit = [`node/${story.nodeIds[0]}/text_content`]
    const review = (who: Staff, locale: string) =>
      rest(server.url, 'POST', `stories/${story.storyId}/translation-review`, { token: who.token, body: { locale, units: unit, action: 'approve' } })
    expect((await review(tamil, 'hi')).status).toBe(403)
    expect((await review(hindi, 'hi')).status).toBe(403)
    expect((await review(tamilReviewer, 'hi')).status).toBe(403)
    expect((await review(editor, 'hi')).status).toBe(200)
    expect((await status('hi')).units.find((u) => u.id === unit[0])!.status).toBe('approved')

    await save(tamil, { collection: 'story-nodes', docId: story.nodeIds[0]!, field: 'textContent' }, 'ta', 'ஒரு காலத்தில்')
    expect((await review(tamilReviewer, 'ta')).status).toBe(200)
    expect((await status('ta')).counts.approved).toBe(1)
  })

  it('should refuse to approve a unit without text, and unknown units, naming them (400)', async () => {
    const missing = `node/${story.nodeIds[1]}/text_content`
    const res = await rest(server.url, 'POST', `stories/${story.storyId}/translation-review`, { token: editor.token, body: { locale: 'hi', units: [missing] } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0]).toMatchObject({ field: 'units' })
    expect(res.body.errors[0].message).toContain(missing)
    const bad = await rest(server.url, 'POST', `stories/${story.storyId}/translation-review`, { token: editor.token, body: { locale: 'hi', units: 'some' } })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].field).toBe('units')
  })

  it('should record every change of state with who and when', async () => {
    const unit = { collection: 'story-nodes', docId: story.nodeIds[1]!, field: 'textContent' }
    await save(tamil, unit, 'ta', 'காகம் என்ன செய்ய வேண்டும்?')
    await rest(server.url, 'POST', `stories/${story.storyId}/translation-review`, { token: tamilReviewer.token, body: { locale: 'ta', units: [`node/${unit.docId}/text_content`] } })
    const res = await rest(server.url, 'GET', `stories/${story.storyId}/translation-history?locale=ta&unit=node/${unit.docId}/text_content`, { token: tamil.token })
    expect(res.status).toBe(200)
    expect(res.body.events.map((e: { action: string; from: string; to: string; by: { id: string } }) => [e.action, e.from, e.to, e.by.id])).toEqual([
      ['approved', 'translated', 'approved', tamilReviewer.id],
      ['saved', 'missing', 'translated', tamil.id],
    ])
    expect((await rest(server.url, 'GET', `stories/${story.storyId}/translation-history?locale=ta`, { token: hindi.token })).status).toBe(403)
    // The events list shows a translator their own languages only: the Hindi save, none of the Tamil ones.
    await save(hindi, unit, 'hi', 'कौआ क्या करे?')
    const list = await rest(server.url, 'GET', `translation-events?limit=100&where[story][equals]=${story.storyId}`, { token: hindi.token })
    expect(list.status).toBe(200)
    expect(list.body.docs.length).toBeGreaterThan(0)
    expect(list.body.docs.every((e: { locale: string }) => e.locale === 'hi')).toBe(true)
    const all = await rest(server.url, 'GET', `translation-events?limit=100&where[story][equals]=${story.storyId}`, { token: editor.token })
    expect(new Set(all.body.docs.map((e: { locale: string }) => e.locale))).toEqual(new Set(['hi', 'ta']))
  })
})

describe('per-locale go-live', () => {
  it('should serve Tamil only once an editor publishes it, and take it offline everywhere when unpublished', async () => {
    const before = await bundle('ta')
    expect(before.status).toBe(404)
    expect(await before.json()).toMatchObject({ availableLocales: ['en'] })
    const gqlBefore = await gql(server.url, `{ StoryBundle(slug: "${story.slug}", locale: "ta") }`)
    expect(gqlBefore.body.errors[0].message).toContain('Available: en')
    const catalog = async (locale: string) => (await (await fetch(`${server.url}/api/stories/catalog?locale=${locale}`)).json()).stories.find((s: { slug: string }) => s.slug === story.slug)
    expect(await catalog('ta')).toBeUndefined()

    await translateAll(tamil, 'ta', 'த')
    expect((await publish('ta', 'published', tamil)).status).toBe(403)
    expect((await publish('ta', 'in_review', tamil)).status).toBe(200)
    expect((await bundle('ta')).status).toBe(404)
    const review = await rest(server.url, 'POST', `stories/${story.storyId}/translation-review`, { token: editor.token, body: { locale: 'ta', units: 'all' } })
    expect(review.body.changed).toBe(8)
    expect((await publish('ta')).status).toBe(200)

    const live = await bundle('ta')
    expect(live.status).toBe(200)
    const body = await live.json()
    expect(body.complete).toBe(true)
    expect(body.nodes.every((n: { fallback: boolean }) => !n.fallback)).toBe(true)
    expect((await gql(server.url, `{ StoryBundle(slug: "${story.slug}", locale: "ta") }`)).body.data.StoryBundle.version).toBe(body.version)
    const card = await catalog('ta')
    expect(card.liveLocales).toEqual(['en', 'ta'])
    const settings = s3Settings()!
    const s3 = new S3Client(s3ClientConfig(settings))
    const key = new URL(live.headers.get('x-bundle-url')!).pathname.replace(`/${settings.bucket}/`, '').replace(/^\//, '')
    expect(key).toContain(`bundles/${story.slug}/ta/`)
    expect((await s3.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key }))).ContentType).toContain('json')

    expect((await publish('ta', 'draft')).status).toBe(200)
    expect((await bundle('ta')).status).toBe(404)
    expect(await catalog('ta')).toBeUndefined()
    const gone = await s3.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key })).catch((e: { name: string }) => e)
    expect((gone as { name: string }).name).toBe('NoSuchKey')
  })

  it("should not let a locale's translator take a published locale offline by sending it for review (403, still live)", async () => {
    await translateAll(tamil, 'ta', 'த')
    await rest(server.url, 'POST', `stories/${story.storyId}/translation-review`, { token: editor.token, body: { locale: 'ta', units: 'all' } })
    expect((await publish('ta')).status).toBe(200)
    expect((await bundle('ta')).status).toBe(200)

    const res = await publish('ta', 'in_review', tamil)
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toContain('published')
    expect((await status('ta')).publicationState).toBe('published')
    expect((await bundle('ta')).status).toBe(200)

    // An editor may still take it back to review; the translator may then resend it.
    expect((await publish('ta', 'in_review', editor)).status).toBe(200)
    expect((await bundle('ta')).status).toBe(404)
    expect((await publish('ta', 'in_review', tamil)).status).toBe(200)
  })

  it('should refuse to publish a locale with missing units, naming them (409)', async () => {
    const res = await publish('ta')
    expect(res.status).toBe(409)
    const blockers = res.body.errors[0].blockers as { reason: string; units: string[] }[]
    expect(blockers[0]!.reason).toBe('missing')
    expect(blockers[0]!.units).toContain(`node/${story.nodeIds[1]}/text_content`)
    expect(res.body.errors[0].message).toContain(`node/${story.nodeIds[1]}/text_content`)
  })

  it('should refuse to publish a locale with a stale unit, naming it', async () => {
    process.env.REQUIRE_APPROVAL_TO_PUBLISH = 'false'
    resetSettings() // settings are parsed once; the change above must be seen
    await translateAll(tamil, 'ta', 'த')
    await rest(server.url, 'PATCH', `story-choices/${story.choiceIds[1]}`, { token: editor.token, locale: 'en', body: { textContent: 'Fly to the river' } })
    const res = await publish('ta')
    expect(res.status).toBe(409)
    expect(res.body.errors[0].blockers).toEqual([{ reason: 'stale', units: [`choice/${story.choiceIds[1]}/text_content`] }])
    expect((await save(tamil, { collection: 'story-choices', docId: story.choiceIds[1]!, field: 'textContent' }, 'ta', 'ஆற்றுக்குப் பற')).status).toBe(200)
    expect((await publish('ta')).status).toBe(200)
  })

  it('should require audio for every node when REQUIRE_AUDIO_TO_PUBLISH=generated', async () => {
    process.env.REQUIRE_APPROVAL_TO_PUBLISH = 'false'
    process.env.REQUIRE_AUDIO_TO_PUBLISH = 'generated'
    resetSettings() // settings are parsed once; the change above must be seen
    await translateAll(tamil, 'ta', 'த')
    const res = await publish('ta')
    expect(res.status).toBe(409)
    expect(res.body.errors[0].blockers).toEqual([{ reason: 'audio', units: story.nodeIds.map((id) => `node/${id}/text_content`).sort().filter(() => true) }].map((b) => ({ ...b, units: expect.arrayContaining(b.units) })))
  })

  it('should not publish the source locale separately (400 naming the field)', async () => {
    const res = await publish('en')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].field).toBe('locale')
  })

  it('should answer 400 naming the field for a bad state', async () => {
    const res = await rest(server.url, 'POST', `stories/${story.storyId}/publication`, { token: editor.token, body: { locale: 'ta', state: 'live' } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].field).toBe('state')
  })
})
