/**
 * Per-line audio review (issue 14 item 6): who may approve or reject a voiced line (every role, with
 * overrideAccess: false and real users), what a decision records, the reset when a line is voiced
 * again, and REQUIRE_AUDIO_TO_PUBLISH=approved refusing to publish a locale or activate a story
 * until every line is approved.
 */
import type { Payload } from 'payload'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { primaryPool } from '@/db/postgres'
import { enqueueStoryAudio } from '@/audio/jobs/storyAudio'
import { runWorker } from '@/audio/jobs/worker'
import { createProvider } from '@/audio/providers/createProvider'
import { setAudioProvider } from '@/audio/providers/audioProvider'
import { resetSettings } from '@/settings'

import { createReviewStaff, rest, type Staff } from '../support/api'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'

let payload: Payload
let server: TestServer
let admin: Staff
let editor: Staff
let hindiReviewer: Staff
let hindiTranslator: Staff
let tamilReviewer: Staff
const stories: StoryFixture[] = []
const local = createProvider({ TTS_PROVIDER: 'local' })

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  setAudioProvider(local)
  ;({ admin, editor, hindiReviewer, hindiTranslator, tamilReviewer } = await createReviewStaff(payload, server.url))
})

afterEach(() => {
  delete process.env.REQUIRE_AUDIO_TO_PUBLISH
  delete process.env.REQUIRE_APPROVAL_TO_PUBLISH
  resetSettings()
})

afterAll(async () => {
  for (const s of stories) await s.cleanup()
  await runWorker(payload, { untilIdle: true })
  await payload.delete({ collection: 'editors', where: { id: { in: [admin, editor, hindiReviewer, hindiTranslator, tamilReviewer].map((s) => s.id) } } })
  await primaryPool(payload).query(`DELETE FROM payload_jobs WHERE task_slug IN ('generateAudio', 'sweepAudioObjects', 'refreshStoryAudioBundles', 'autoVoiceStory')`)
  await server?.close()
})

/** The fixture story (inactive) with Hindi text on every line, voiced in English and Hindi. */
async function voicedStory(): Promise<StoryFixture> {
  const s = await createStory(payload, { isActive: false, compileBundles: false })
  stories.push(s)
  const hindi = ['एक समय की बात है', 'कौआ क्या करे?', 'कौआ पानी पीता है।', 'कौआ उड़ जाता है।']
  for (const [i, id] of s.nodeIds.entries()) await payload.update({ collection: 'story-nodes', id, locale: 'hi', data: { textContent: hindi[i] } })
  for (const [i, id] of s.choiceIds.entries()) await payload.update({ collection: 'story-choices', id, locale: 'hi', data: { textContent: ['पानी पियो', 'उड़ जाओ'][i] } })
  await voice(s.storyId)
  return s
}

/** voicedStory with the rest of its Hindi (title, character name), so only audio can hold Hindi back. */
async function translatedStory(): Promise<StoryFixture> {
  const s = await voicedStory()
  const translate = await rest(server.url, 'PATCH', `stories/${s.storyId}`, { token: editor.token, locale: 'hi', body: { title: 'कहानी' } })
  expect(translate.status).toBe(200)
  await payload.update({ collection: 'characters', id: s.characterId, locale: 'hi', data: { name: 'दादी' } })
  return s
}

async function voice(storyId: string) {
  await enqueueStoryAudio(payload, storyId, { provider: local, locales: ['en', 'hi'] })
  await runWorker(payload, { untilIdle: true, concurrency: 2 })
}

async function files(storyId: string, locale: 'en' | 'hi') {
  const { docs } = await payload.find({ collection: 'audio-files', where: { and: [{ story: { equals: storyId } }, { languageCode: { equals: locale } }] }, depth: 0, limit: 0, pagination: false })
  return docs
}

const staffUser = async (s: Staff) => ({ ...(await payload.findByID({ collection: 'editors', id: s.id, depth: 0 })), collection: 'editors' as const })

const approveAs = (who: Staff, id: string, body: Record<string, unknown> = { reviewStatus: 'approved' }) =>
  rest(server.url, 'PATCH', `audio-files/${id}?depth=0`, { token: who.token, body })

describe('per-line audio review', () => {
  it("should let admins, editors and the line's locale translators decide, and nobody else (overrideAccess: false)", async () => {
    const s = await voicedStory()
    const [hi] = await files(s.storyId, 'hi')
    expect(hi!.reviewStatus).toBe('pending')
    const cases: [string, Staff | null, boolean][] = [
      ['admin', admin, true],
      ['editor', editor, true],
      ['Hindi translator with the reviewer flag', hindiReviewer, true],
      // The flag is for approving translations (four eyes on what a translator wrote), not audio.
      ['Hindi translator without it', hindiTranslator, true],
      ['Tamil translator with the flag (another language)', tamilReviewer, false],
      ['the public', null, false],
    ]
    for (const [name, who, allowed] of cases) {
      const user = who ? await staffUser(who) : undefined
      const attempt = payload.update({ collection: 'audio-files', id: hi!.id, data: { reviewStatus: 'approved' }, overrideAccess: false, user, depth: 0 })
      if (allowed) expect((await attempt).reviewStatus, name).toBe('approved')
      else await expect(attempt, name).rejects.toMatchObject({ status: expect.any(Number) })
      await payload.update({ collection: 'audio-files', id: hi!.id, data: { reviewStatus: 'pending' }, depth: 0 })
    }
  })

  it("should let a translator's bulk approval reach only the lines of their own locales", async () => {
    const s = await voicedStory()
    const res = await rest(server.url, 'PATCH', `audio-files?where[story][equals]=${s.storyId}&depth=0`, { token: hindiTranslator.token, body: { reviewStatus: 'approved' } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const [hi, en] = [await files(s.storyId, 'hi'), await files(s.storyId, 'en')]
    expect(hi.length).toBeGreaterThan(0)
    expect(hi.map((f) => f.reviewStatus)).toEqual(hi.map(() => 'approved'))
    expect(hi.map((f) => f.reviewedBy)).toEqual(hi.map(() => hindiTranslator.id))
    expect(en.length).toBeGreaterThan(0)
    expect(en.map((f) => f.reviewStatus)).toEqual(en.map(() => 'pending'))
  })

  it('should let a reviewer change the review fields only, not what was generated', async () => {
    const s = await voicedStory()
    const [hi] = await files(s.storyId, 'hi')
    const res = await approveAs(hindiReviewer, hi!.id, { reviewStatus: 'approved', speakerId: 'arvind', r2Url: 'audio/other.opus' })
    expect(res.status).toBe(200)
    const row = await payload.findByID({ collection: 'audio-files', id: hi!.id, depth: 0 })
    expect(row).toMatchObject({ reviewStatus: 'approved', speakerId: hi!.speakerId, r2Url: hi!.r2Url, contentKey: hi!.contentKey })
  })

  it('should stamp who decided and when, and answer 400 on reviewNote for a rejection without a note', async () => {
    const s = await voicedStory()
    const [hi] = await files(s.storyId, 'hi')
    const bare = await approveAs(hindiReviewer, hi!.id, { reviewStatus: 'rejected' })
    expect(bare.status).toBe(400)
    expect(JSON.stringify(bare.body)).toContain('reviewNote')
    expect((await payload.findByID({ collection: 'audio-files', id: hi!.id, depth: 0 })).reviewStatus).toBe('pending')
    const t0 = Date.now()
    const res = await approveAs(hindiReviewer, hi!.id, { reviewStatus: 'rejected', reviewNote: 'कौआ sounds like कोआ' })
    expect(res.status).toBe(200)
    expect(res.body.doc).toMatchObject({ reviewStatus: 'rejected', reviewNote: 'कौआ sounds like कोआ', reviewedBy: hindiReviewer.id })
    expect(Date.parse(res.body.doc.reviewedAt)).toBeGreaterThanOrEqual(t0 - 1000)
  })

  it('should keep review notes from listeners and the public', async () => {
    const s = await voicedStory()
    await payload.update({ collection: 'stories', id: s.storyId, data: { isActive: true } })
    const [hi] = await files(s.storyId, 'hi')
    await approveAs(editor, hi!.id, { reviewStatus: 'rejected', reviewNote: 'internal note' })
    const open = await rest(server.url, 'GET', `audio-files/${hi!.id}`)
    expect(open.status).toBe(200)
    expect(open.body.r2Url).toBe(hi!.r2Url)
    for (const field of ['reviewStatus', 'reviewNote', 'reviewedBy', 'reviewedAt']) expect(open.body).not.toHaveProperty(field)
    expect((await rest(server.url, 'GET', `audio-files/${hi!.id}`, { token: editor.token })).body.reviewNote).toBe('internal note')
  })

  it('should start a line over at pending when its text changes and it is voiced again', async () => {
    const s = await voicedStory()
    const start = (await files(s.storyId, 'en')).find((f) => f.node === s.nodeIds[0] && !f.choice)!
    expect((await approveAs(editor, start.id)).status).toBe(200)
    await payload.update({ collection: 'story-nodes', id: s.nodeIds[0]!, locale: 'en', data: { textContent: 'Long, long ago' } })
    await voice(s.storyId)
    const after = await payload.findByID({ collection: 'audio-files', id: start.id, depth: 0 })
    expect(after.contentKey).not.toBe(start.contentKey)
    expect(after).toMatchObject({ reviewStatus: 'pending', reviewedBy: null, reviewedAt: null })
  })
})

describe('REQUIRE_AUDIO_TO_PUBLISH=generated', () => {
  it('should publish Hindi with every line voiced from its current text, reviewed or not, and refuse once a line’s text changes', async () => {
    process.env.REQUIRE_AUDIO_TO_PUBLISH = 'generated'
    process.env.REQUIRE_APPROVAL_TO_PUBLISH = 'false'
    resetSettings()
    const s = await translatedStory()
    const hi = await files(s.storyId, 'hi')
    expect(hi.map((f) => f.reviewStatus)).toEqual(hi.map(() => 'pending'))
    const publish = (state: 'published' | 'draft') => rest(server.url, 'POST', `stories/${s.storyId}/publication`, { token: editor.token, body: { locale: 'hi', state } })
    expect((await publish('published')).status).toBe(200)
    expect((await publish('draft')).status).toBe(200)
    // The first line's Hindi text changes: its audio is of the old words, so it does not count.
    await payload.update({ collection: 'story-nodes', id: s.nodeIds[0]!, locale: 'hi', data: { textContent: 'बहुत पहले की बात है' } })
    const refused = await publish('published')
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].blockers).toEqual([{ reason: 'audio', units: [`node/${s.nodeIds[0]}/text_content`] }])
  })
})

describe('REQUIRE_AUDIO_TO_PUBLISH=approved', () => {
  it('should refuse to publish Hindi until every voiced line (spoken choices too) is approved, naming them', async () => {
    process.env.REQUIRE_AUDIO_TO_PUBLISH = 'approved'
    process.env.REQUIRE_APPROVAL_TO_PUBLISH = 'false'
    resetSettings()
    const s = await translatedStory()
    const publish = () => rest(server.url, 'POST', `stories/${s.storyId}/publication`, { token: editor.token, body: { locale: 'hi', state: 'published' } })
    const refused = await publish()
    expect(refused.status).toBe(409)
    const lines = [...s.nodeIds.map((id) => `node/${id}/text_content`), ...s.choiceIds.map((id) => `choice/${id}/text_content`)]
    expect(refused.body.errors[0].blockers).toEqual([{ reason: 'audio', units: expect.arrayContaining(lines) }])
    expect(refused.body.errors[0].blockers[0].units).toHaveLength(lines.length)
    expect(refused.body.errors[0].message).toContain('without approved audio')
    const hi = await files(s.storyId, 'hi')
    expect(hi).toHaveLength(lines.length)
    for (const f of hi.slice(1)) expect((await approveAs(hindiReviewer, f.id)).status).toBe(200)
    const one = await publish()
    expect(one.status).toBe(409)
    expect(one.body.errors[0].blockers[0].units).toHaveLength(1)
    expect((await approveAs(hindiReviewer, hi[0]!.id)).status).toBe(200)
    expect((await publish()).status).toBe(200)
  })

  it('should refuse to activate a story with a 400 on isActive naming the lines not approved', async () => {
    process.env.REQUIRE_AUDIO_TO_PUBLISH = 'approved'
    resetSettings()
    const s = await voicedStory()
    const activate = () => rest(server.url, 'PATCH', `stories/${s.storyId}`, { token: editor.token, body: { isActive: true } })
    const refused = await activate()
    expect(refused.status).toBe(400)
    const error = refused.body.errors[0].data.errors[0]
    expect(error.path).toBe('isActive')
    expect(error.message).toContain('6 en line(s) without approved audio')
    expect(error.message).toContain('“Once upon a time”')
    for (const f of await files(s.storyId, 'en')) expect((await approveAs(editor, f.id)).status).toBe(200)
    expect((await activate()).status).toBe(200)
  })
})
