/**
 * A rejected line regenerated alone (issue 14 item 6): `POST /api/audio-files/:id/regenerate`
 * queues exactly one job for that line, which voices it again as a new take (optionally with
 * another speaker or pace) and puts the line back to pending; no other line is voiced. Who may ask
 * (real users over HTTP; the line voice is not theirs to write with overrideAccess: false), and
 * the 400s and 409s.
 */
import type { Payload } from 'payload'

import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { primaryPool } from '@/db/postgres'
import { loadAudioReview } from '@/audio/review'
import { enqueueStoryAudio } from '@/audio/jobs/storyAudio'
import { runWorker } from '@/audio/jobs/worker'
import { createProvider } from '@/audio/providers/createProvider'
import { setAudioProvider } from '@/audio/providers/audioProvider'
import type { SynthesizeRequest, TtsProvider } from '@/audio/providers/types'
import { resetSettings } from '@/settings'

import { createReviewStaff, rest, type Staff } from '../support/api'
import { startChildServer } from '../support/childProcess'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { signIn } from '../support/listener'
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
/** Every synthesis request that reached the provider (one per sentence). */
let requests: SynthesizeRequest[] = []
const counting: TtsProvider = {
  ...local,
  speakers: () => local.speakers(),
  synthesize: async (request) => {
    requests.push(request)
    return local.synthesize(request)
  },
}

const HINDI = ['एक समय की बात है', 'कौआ क्या करे?', 'कौआ पानी पीता है।', 'कौआ उड़ जाता है।']

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  setAudioProvider(counting)
  ;({ admin, editor, hindiReviewer, hindiTranslator, tamilReviewer } = await createReviewStaff(payload, server.url))
})

afterAll(async () => {
  for (const s of stories) await s.cleanup()
  await runWorker(payload, { untilIdle: true })
  await payload.delete({ collection: 'editors', where: { id: { in: [admin, editor, hindiReviewer, hindiTranslator, tamilReviewer].map((s) => s.id) } } })
  await primaryPool(payload).query(`DELETE FROM payload_jobs WHERE task_slug IN ('generateAudio', 'sweepAudioObjects', 'refreshStoryAudioBundles', 'autoVoiceStory')`)
  setAudioProvider(undefined)
  await server?.close()
})

/** The fixture story with Hindi text on every line, voiced in English and Hindi. */
async function voicedStory(): Promise<StoryFixture> {
  const s = await createStory(payload, { isActive: false, compileBundles: false })
  stories.push(s)
  for (const [i, id] of s.nodeIds.entries()) await payload.update({ collection: 'story-nodes', id, locale: 'hi', data: { textContent: HINDI[i] } })
  for (const [i, id] of s.choiceIds.entries()) await payload.update({ collection: 'story-choices', id, locale: 'hi', data: { textContent: ['पानी पियो', 'उड़ जाओ'][i] } })
  await voice(s.storyId)
  return s
}

async function voice(storyId: string) {
  await enqueueStoryAudio(payload, storyId, { provider: counting, locales: ['en', 'hi'] })
  await runWorker(payload, { untilIdle: true, concurrency: 2 })
}

/** The Hindi audio row of the story's third node (“कौआ पानी पीता है।”). */
async function hindiLine(s: StoryFixture) {
  const { docs } = await payload.find({
    collection: 'audio-files',
    where: { and: [{ node: { equals: s.nodeIds[2] } }, { languageCode: { equals: 'hi' } }, { choice: { exists: false } }] },
    depth: 0,
  })
  expect(docs).toHaveLength(1)
  return docs[0]!
}

const reject = (who: Staff, id: string) => rest(server.url, 'PATCH', `audio-files/${id}?depth=0`, { token: who.token, body: { reviewStatus: 'rejected', reviewNote: 'कौआ sounds wrong' } })
const regenerate = (token: string | undefined, id: string, body?: unknown) => rest(server.url, 'POST', `audio-files/${id}/regenerate`, { token, body })

async function pendingRetakes(fileId: string): Promise<number> {
  const { rows } = await primaryPool(payload).query<{ n: string }>(
    `SELECT count(*) AS n FROM payload_jobs WHERE task_slug = 'generateAudio' AND completed_at IS NULL AND input->>'retakeOf' = $1`,
    [fileId],
  )
  return Number(rows[0]!.n)
}

async function pendingAudioJobs(storyId: string): Promise<number> {
  const { rows } = await primaryPool(payload).query<{ n: string }>(
    `SELECT count(*) AS n FROM payload_jobs WHERE task_slug = 'generateAudio' AND completed_at IS NULL AND input->>'story' = $1`,
    [storyId],
  )
  return Number(rows[0]!.n)
}

describe('regenerating a rejected line alone', () => {
  it('should queue one job that voices only that line, by the chosen speaker at the chosen pace, and put it back to pending', async () => {
    const s = await voicedStory()
    const before = await hindiLine(s)
    expect(before.speakerId).toBe('meera')
    expect((await reject(hindiReviewer, before.id)).status).toBe(200)
    const res = await regenerate(hindiReviewer.token, before.id, { speaker: 'arvind', pace: 0.8 })
    expect(res.status, JSON.stringify(res.body)).toBe(202)
    expect(res.body).toMatchObject({ audioFile: before.id, speaker: 'arvind', pace: 0.8, jobId: expect.any(String) })
    expect(await pendingAudioJobs(s.storyId)).toBe(1)
    expect(await pendingRetakes(before.id)).toBe(1)

    requests = []
    await runWorker(payload, { untilIdle: true })
    // Exactly one synthesis request, for that line (one sentence), in the new voice: none for any other line.
    expect(requests.map((r) => ({ text: r.text, locale: r.locale, speaker: r.speaker, pace: r.settings?.pace }))).toEqual([
      { text: 'कौआ पानी पीता है।', locale: 'hi', speaker: 'arvind', pace: 0.8 },
    ])
    const after = await payload.findByID({ collection: 'audio-files', id: before.id, depth: 0 })
    expect(after).toMatchObject({ speakerId: 'arvind', reviewStatus: 'pending', reviewNote: null, reviewedBy: null, lineVoice: { speaker: 'arvind', pace: 0.8, take: 1 } })
    expect(after.contentKey).not.toBe(before.contentKey)
    expect(after.r2Url).not.toBe(before.r2Url)
    // The review screen and the bundle's audio are the new take; the story needs nothing more.
    const review = await loadAudioReview(await createLocalReq({}, payload), s.storyId, 'hi')
    const line = review!.lines.find((l) => l.text === 'कौआ पानी पीता है।')!
    expect(line.audio).toMatchObject({ id: before.id, status: 'pending' })
    requests = []
    const again = await enqueueStoryAudio(payload, s.storyId, { provider: counting, locales: ['en', 'hi'] })
    expect(again.enqueued).toBe(0)

    // The line keeps its voice: after a text edit it is voiced again by arvind at 0.8, alone.
    await payload.update({ collection: 'story-nodes', id: s.nodeIds[2]!, locale: 'hi', data: { textContent: 'कौआ ठंडा पानी पीता है।' } })
    await voice(s.storyId)
    expect(requests.map((r) => ({ text: r.text, speaker: r.speaker, pace: r.settings?.pace }))).toEqual([{ text: 'कौआ ठंडा पानी पीता है।', speaker: 'arvind', pace: 0.8 }])
    expect(await payload.findByID({ collection: 'audio-files', id: before.id, depth: 0 })).toMatchObject({ speakerId: 'arvind', lineVoice: { take: 1 } })
  })

  it('should voice a line again with the same speaker and pace as a new take, never handing back the cached audio', async () => {
    const s = await voicedStory()
    const before = await hindiLine(s)
    expect((await reject(editor, before.id)).status).toBe(200)
    expect((await regenerate(editor.token, before.id)).status).toBe(202)
    requests = []
    await runWorker(payload, { untilIdle: true })
    expect(requests.map((r) => [r.text, r.speaker])).toEqual([['कौआ पानी पीता है।', 'meera']])
    const after = await payload.findByID({ collection: 'audio-files', id: before.id, depth: 0 })
    expect(after).toMatchObject({ speakerId: 'meera', reviewStatus: 'pending', lineVoice: { speaker: null, pace: null, take: 1 } })
    expect(after.contentKey).not.toBe(before.contentKey)
    // A second regeneration is take 2.
    expect((await reject(editor, before.id)).status).toBe(200)
    expect((await regenerate(editor.token, before.id, { pace: 1.2 })).status).toBe(202)
    await runWorker(payload, { untilIdle: true })
    expect(await payload.findByID({ collection: 'audio-files', id: before.id, depth: 0 })).toMatchObject({ speakerId: 'meera', lineVoice: { pace: 1.2, take: 2 } })
  })

  it("should let editors, admins and the line's locale translators regenerate it, and nobody else", async () => {
    const s = await voicedStory()
    const file = await hindiLine(s)
    const listener = await signIn(server.url)
    const cases: [string, string | undefined, number][] = [
      ['the public', undefined, 401],
      ['a listener', listener.token, 403],
      ['Tamil translator with the reviewer flag (another language)', tamilReviewer.token, 403],
      ['Hindi translator (no reviewer flag: not needed for audio)', hindiTranslator.token, 202],
      ['Hindi translator with the reviewer flag', hindiReviewer.token, 202],
      ['editor', editor.token, 202],
      ['admin', admin.token, 202],
    ]
    for (const [name, token, status] of cases) {
      expect((await reject(editor, file.id)).status).toBe(200)
      const res = name === 'a listener' ? await rest(server.url, 'POST', `audio-files/${file.id}/regenerate`, { headers: { authorization: `Bearer ${token}` } }) : await regenerate(token, file.id)
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(status)
      expect(await pendingRetakes(file.id), name).toBe(status === 202 ? 1 : 0)
      await primaryPool(payload).query(`DELETE FROM payload_jobs WHERE input->>'retakeOf' = $1`, [file.id])
    }
    // The line voice is generation's to write: a reviewer's update (overrideAccess: false) leaves it alone.
    const user = { ...(await payload.findByID({ collection: 'editors', id: hindiReviewer.id, depth: 0 })), collection: 'editors' as const }
    await payload.update({ collection: 'audio-files', id: file.id, data: { reviewStatus: 'approved', lineVoice: { speaker: 'arvind', pace: 2, take: 9 } }, overrideAccess: false, user, depth: 0 })
    const row = await payload.findByID({ collection: 'audio-files', id: file.id, depth: 0 })
    expect(row.reviewStatus).toBe('approved')
    expect(row.lineVoice?.take ?? null).toBeNull()
  })

  it('should answer 400 naming the field for a bad speaker, pace or body, and 409 for a line not rejected or already queued', async () => {
    const s = await voicedStory()
    const file = await hindiLine(s)
    const notRejected = await regenerate(editor.token, file.id)
    expect(notRejected.status).toBe(409)
    expect(notRejected.body.errors[0].message).toContain('rejected')
    expect((await reject(editor, file.id)).status).toBe(200)
    const badSpeaker = await regenerate(editor.token, file.id, { speaker: 'nobody' })
    expect(badSpeaker.status).toBe(400)
    expect(badSpeaker.body.errors[0]).toMatchObject({ field: 'speaker', message: expect.stringContaining('Valid speakers: ') })
    expect(badSpeaker.body.errors[0].message).toContain('arvind')
    for (const [body, field] of [
      [{ pace: 5 }, 'pace'],
      [{ pace: 'fast' }, 'pace'],
      [{ speaker: 7 }, 'speaker'],
      [{ voice: 'x' }, 'voice'],
    ] as const) {
      const res = await regenerate(editor.token, file.id, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(JSON.stringify(res.body.errors), JSON.stringify(body)).toContain(field)
    }
    expect((await rest(server.url, 'POST', `audio-files/${file.id}/regenerate`, { token: editor.token, body: [1] })).status).toBe(400)
    expect(await pendingRetakes(file.id)).toBe(0)
    expect((await regenerate(editor.token, file.id, { speaker: 'Arvind' })).status).toBe(202)
    const twice = await regenerate(editor.token, file.id, { speaker: 'arvind' })
    expect(twice.status).toBe(409)
    expect(await pendingRetakes(file.id)).toBe(1)
    expect((await regenerate(editor.token, '00000000-0000-4000-8000-000000000000')).status).toBe(404)
    await runWorker(payload, { untilIdle: true })
  })
})

describe('the takes a translator may ask for (AUDIO_TRANSLATOR_MAX_TAKES)', () => {
  afterAll(() => {
    delete process.env.AUDIO_TRANSLATOR_MAX_TAKES
    resetSettings()
  })

  it("should refuse a translator's take over the cap with 429, queue nothing, and still let an editor regenerate the line", async () => {
    process.env.AUDIO_TRANSLATOR_MAX_TAKES = '2'
    resetSettings() // settings are parsed once; the change above must be seen
    const s = await voicedStory()
    const file = await hindiLine(s)
    for (const take of [1, 2]) {
      expect((await reject(hindiTranslator, file.id)).status).toBe(200)
      expect((await regenerate(hindiTranslator.token, file.id)).status).toBe(202)
      await runWorker(payload, { untilIdle: true })
      expect(await payload.findByID({ collection: 'audio-files', id: file.id, depth: 0 })).toMatchObject({ lineVoice: { take } })
    }
    expect((await reject(hindiTranslator, file.id)).status).toBe(200)
    requests = []
    const refused = await regenerate(hindiTranslator.token, file.id, { speaker: 'arvind' })
    expect(refused.status, JSON.stringify(refused.body)).toBe(429)
    expect(refused.body.errors[0]).toMatchObject({ field: 'take', takes: 2, limit: 2 })
    expect(refused.body.errors[0].message).toContain('AUDIO_TRANSLATOR_MAX_TAKES=2')
    expect(await pendingRetakes(file.id)).toBe(0)
    await runWorker(payload, { untilIdle: true })
    expect(requests).toEqual([])
    // Editors answer for the budget: no cap.
    expect((await regenerate(editor.token, file.id)).status).toBe(202)
    await runWorker(payload, { untilIdle: true })
    expect(await payload.findByID({ collection: 'audio-files', id: file.id, depth: 0 })).toMatchObject({ lineVoice: { take: 3 } })
    // 0: no cap at all.
    process.env.AUDIO_TRANSLATOR_MAX_TAKES = '0'
    resetSettings()
    expect((await reject(hindiTranslator, file.id)).status).toBe(200)
    expect((await regenerate(hindiTranslator.token, file.id)).status).toBe(202)
    await runWorker(payload, { untilIdle: true })
  })
})

describe('one retake of a line across processes', () => {
  it('should queue exactly one retake when two server processes get many requests for the same line at once', async () => {
    // Two processes of their own on the suite's database: without the advisory lock each request
    // checks "no retake queued" and then queues, and requests in both processes pass the check together.
    const servers = await Promise.all([startChildServer({}), startChildServer({})])
    try {
      const s = await voicedStory()
      const file = await hindiLine(s)
      for (let round = 0; round < 3; round++) {
        expect((await reject(hindiTranslator, file.id)).status).toBe(200)
        const answers = await Promise.all(
          Array.from({ length: 16 }, (_, i) => rest(servers[i % 2]!.url, 'POST', `audio-files/${file.id}/regenerate`, { token: hindiTranslator.token, body: {} })),
        )
        const statuses = answers.map((a) => a.status).sort()
        expect(statuses.filter((x) => x === 202), JSON.stringify(statuses)).toHaveLength(1)
        expect(statuses.filter((x) => x !== 202).every((x) => x === 409)).toBe(true)
        expect(await pendingRetakes(file.id)).toBe(1)
        await runWorker(payload, { untilIdle: true })
      }
    } finally {
      await Promise.all(servers.map((server) => server.stop()))
    }
  }, 240_000)
})
