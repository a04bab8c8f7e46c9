/**
 * The voice cast (issue 14 item 4): a character's speaker per locale, used by audio generation and
 * the bundle; changing it voices exactly that locale's lines of that character again (new content
 * key, 0 synthesis calls for the rest); a bad cast is a field-named 400; only editors cast.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { primaryPool } from '@/db/postgres'
import { enqueueStoryAudio } from '@/audio/jobs/storyAudio'
import { runWorker } from '@/audio/jobs/worker'
import { createProvider } from '@/audio/providers/createProvider'
import { setAudioProvider } from '@/audio/providers/audioProvider'
import type { TtsProvider } from '@/audio/providers/types'
import { withTransaction } from '@/db/transaction'
import { recompileStoryBundles } from '@/services/storyBundles'

import { createStaff, rest, type Staff, uid } from '../support/api'
import { startFakeSarvam } from '../support/fakeSarvam'
import { createStory, markPublished, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'

let payload: Payload
let server: TestServer
let editor: Staff
let hindiTranslator: Staff
const stories: StoryFixture[] = []
const calls: { locale: string; speaker: string }[] = []
let provider: TtsProvider

function counting(inner: TtsProvider): TtsProvider {
  return {
    ...inner,
    speakers: () => inner.speakers(),
    synthesize: async (request) => {
      calls.push({ locale: request.locale, speaker: request.speaker })
      return inner.synthesize(request)
    },
  }
}

beforeAll(async () => {
  provider = counting(createProvider({ TTS_PROVIDER: 'local' }))
  payload = await testPayload()
  server = await startTestServer()
  setAudioProvider(provider)
  ;[editor, hindiTranslator] = await Promise.all([createStaff(payload, server.url, 'editor'), createStaff(payload, server.url, 'translator', ['hi'])])
})

afterAll(async () => {
  for (const s of stories) await s.cleanup()
  await runWorker(payload, { untilIdle: true })
  await payload.delete({ collection: 'editors', where: { id: { in: [editor.id, hindiTranslator.id] } } })
  await primaryPool(payload).query(`DELETE FROM payload_jobs WHERE task_slug IN ('generateAudio', 'sweepAudioObjects', 'refreshStoryAudioBundles', 'autoVoiceStory')`)
  await server?.close()
})

async function voice(storyId: string) {
  const before = calls.length
  const queued = await enqueueStoryAudio(payload, storyId, { provider, locales: ['en', 'hi'] })
  // Only this story's jobs: other test files queue audio jobs in the same database.
  await runWorker(payload, { untilIdle: true, concurrency: 2, ids: queued.jobIds })
  return calls.slice(before)
}

const cast = (who: Staff, characterId: string, voiceCast: unknown) => rest(server.url, 'PATCH', `characters/${characterId}?depth=0`, { token: who.token, body: { voiceCast } })

async function rows(storyId: string) {
  const { docs } = await payload.find({ collection: 'audio-files', where: { story: { equals: storyId } }, depth: 0, limit: 0, pagination: false })
  return docs
}

describe('voice cast per character and locale', () => {
  it("should voice only the cast locale's lines again, with the cast speaker, and serve them in the bundle", async () => {
    const s = await createStory(payload, { compileBundles: false })
    stories.push(s)
    // Words no other test voices, so no line is reused from another story's audio.
    const context = { skipBundleCompile: true }
    for (const [i, id] of s.nodeIds.entries()) await payload.update({ collection: 'story-nodes', id, locale: 'en', context, data: { textContent: `Line ${i} of ${s.slug}` } })
    for (const [i, id] of s.choiceIds.entries()) await payload.update({ collection: 'story-choices', id, locale: 'en', context, data: { textContent: `Option ${i} of ${s.slug}` } })
    await payload.update({ collection: 'story-nodes', id: s.nodeIds[0]!, locale: 'hi', context, data: { textContent: `कहानी ${s.slug}` } })
    const first = await voice(s.storyId)
    expect(first.length).toBeGreaterThan(0)
    expect(first.every((c) => c.speaker === 'meera')).toBe(true)
    const before = await rows(s.storyId)
    const hiBefore = before.filter((r) => r.languageCode === 'hi')
    expect(hiBefore.length).toBe(1) // the fixture has Hindi text on its first node only

    expect((await cast(editor, s.characterId, [{ locale: 'hi', speaker: 'Arvind' }])).status).toBe(200)
    const again = await voice(s.storyId)
    // Only the Hindi line is synthesised again, in the cast's voice.
    expect(again).toEqual([{ locale: 'hi', speaker: 'arvind' }])
    const after = await rows(s.storyId)
    const hiNew = after.find((r) => r.languageCode === 'hi' && r.speakerId === 'arvind')!
    expect(hiNew.contentKey).not.toBe(hiBefore[0]!.contentKey)
    // English rows are the same rows with the same keys.
    const key = (r: (typeof before)[number]) => `${r.id}|${r.contentKey}`
    expect(after.filter((r) => r.languageCode === 'en').map(key).sort()).toEqual(before.filter((r) => r.languageCode === 'en').map(key).sort())

    await markPublished(payload, s.storyId, ['hi'])
    await withTransaction(payload, (req) => recompileStoryBundles(req, s.storyId))
    type Bundle = { characters: { id: string; speaker: string }[]; nodes: { id: string; audioUrl: string | null }[] }
    const bundle = (await (await fetch(`${server.url}/api/stories/${s.slug}/bundle?locale=hi`)).json()) as Bundle
    const start = bundle.nodes.find((n) => n.id === s.nodeIds[0])!
    expect(start.audioUrl).toContain(hiNew.id)
    // The bundle names the voice its lines are in: the cast's in Hindi, the default elsewhere.
    expect(bundle.characters.find((c) => c.id === s.characterId)!.speaker).toBe('arvind')
    const en = (await (await fetch(`${server.url}/api/stories/${s.slug}/bundle?locale=en`)).json()) as Bundle
    expect(en.nodes.find((n) => n.id === s.nodeIds[0])!.audioUrl).toContain(before.find((r) => r.languageCode === 'en' && r.node === s.nodeIds[0] && !r.choice)!.id)
    expect(en.characters.find((c) => c.id === s.characterId)!.speaker).toBe('meera')
  })

  it.each([
    ['an unknown speaker, listing the valid ones', [{ locale: 'hi', speaker: 'nobody' }], 'voiceCast.0.speaker', 'Valid speakers'],
    ['one locale cast twice', [{ locale: 'hi', speaker: 'arvind' }, { locale: 'hi', speaker: 'meera' }], 'voiceCast', 'more than once'],
    ['an unknown locale', [{ locale: 'xx', speaker: 'arvind' }], 'voiceCast.0.locale', ''],
    ['a speaker the entry’s model does not have, listing its speakers', [{ locale: 'hi', model: 'bulbul:v2', speaker: 'shubh' }], 'voiceCast.0.speaker', 'for Sarvam bulbul:v2. Valid speakers: meera'],
    ['an unknown model, listing the models', [{ locale: 'hi', model: 'bulbul:v9', speaker: 'arvind' }], 'voiceCast.0.model', 'local, bulbul:v2, bulbul:v3'],
    ['one locale cast twice for one model', [{ locale: 'hi', model: 'bulbul:v3', speaker: 'shubh' }, { locale: 'hi', model: 'bulbul:v3', speaker: 'ritu' }], 'voiceCast', 'hi (bulbul:v3) is listed more than once'],
  ])('should refuse %s with a 400 naming the field', async (_name, voiceCast, path, text) => {
    const s = await createStory(payload, { compileBundles: false })
    stories.push(s)
    const res = await cast(editor, s.characterId, voiceCast)
    expect(res.status).toBe(400)
    const errors = res.body.errors[0].data.errors as { path: string; message: string }[]
    expect(errors.map((e) => e.path)).toContain(path)
    expect(errors.find((e) => e.path === path)!.message).toContain(text)
    expect((await payload.findByID({ collection: 'characters', id: s.characterId, depth: 0 })).voiceCast ?? []).toEqual([])
  })

  it('should voice each model with its own cast entry, else the entry for every model (real sarvamai SDK against the Sarvam stand-in)', async () => {
    const fake = await startFakeSarvam({ apiKey: 'sk-test' })
    const sarvam = (model: string) =>
      counting(createProvider({ TTS_PROVIDER: 'sarvam', SARVAM_API_KEY: 'sk-test', SARVAM_BASE_URL: fake.url, SARVAM_MODEL: model, SARVAM_RPM: '6000' }))
    try {
      const s = await createStory(payload, { compileBundles: false })
      stories.push(s)
      await payload.update({ collection: 'story-nodes', id: s.nodeIds[0]!, locale: 'hi', context: { skipBundleCompile: true }, data: { textContent: `कौआ ${uid()}` } })
      // Every model: amol; bulbul:v3: shubh (a v3-only voice); bulbul:v2: karun.
      const entries = [
        { locale: 'hi', speaker: 'amol' },
        { locale: 'hi', model: 'bulbul:v3', speaker: 'shubh' },
        { locale: 'hi', model: 'bulbul:v2', speaker: 'karun' },
      ]
      expect((await cast(editor, s.characterId, entries)).status).toBe(200)
      const stored = await payload.findByID({ collection: 'characters', id: s.characterId, depth: 0 })
      expect(stored.voiceCast?.map((e) => [e.locale, e.model ?? null, e.speaker])).toEqual(entries.map((e) => [e.locale, e.model ?? null, e.speaker]))

      const hindi = async (voices: TtsProvider) => {
        provider = voices
        setAudioProvider(voices)
        const before = calls.length
        const queued = await enqueueStoryAudio(payload, s.storyId, { provider: voices, locales: ['hi'] })
        await runWorker(payload, { untilIdle: true, concurrency: 2, ids: queued.jobIds })
        return calls.slice(before).filter((c) => c.locale === 'hi')
      }
      const requested = () => fake.requests.filter((r) => r.path.endsWith('/text-to-speech')).map((r) => (r.body as { speaker?: string }).speaker)
      expect(await hindi(sarvam('bulbul:v3'))).toEqual([{ locale: 'hi', speaker: 'shubh' }])
      expect(requested()).toEqual(['shubh'])
      fake.reset()
      expect(await hindi(sarvam('bulbul:v2'))).toEqual([{ locale: 'hi', speaker: 'karun' }])
      expect(requested()).toEqual(['karun'])
      // The local voices have no entry of their own: the entry for every model.
      expect(await hindi(counting(createProvider({ TTS_PROVIDER: 'local' })))).toEqual([{ locale: 'hi', speaker: 'amol' }])

      // The bundle names the voice of the configured model.
      await markPublished(payload, s.storyId, ['hi'])
      const speakerIn = async (voices: TtsProvider) => {
        setAudioProvider(voices)
        await withTransaction(payload, (req) => recompileStoryBundles(req, s.storyId))
        const bundle = (await (await fetch(`${server.url}/api/stories/${s.slug}/bundle?locale=hi`)).json()) as { characters: { id: string; speaker: string }[] }
        return bundle.characters.find((c) => c.id === s.characterId)!.speaker
      }
      expect(await speakerIn(sarvam('bulbul:v3'))).toBe('shubh')
      expect(await speakerIn(counting(createProvider({ TTS_PROVIDER: 'local' })))).toBe('amol')
    } finally {
      provider = counting(createProvider({ TTS_PROVIDER: 'local' }))
      setAudioProvider(provider)
      await fake.close()
    }
  })

  it('should let editors cast and refuse translators (403, nothing written)', async () => {
    const s = await createStory(payload, { compileBundles: false })
    stories.push(s)
    const user = { ...(await payload.findByID({ collection: 'editors', id: hindiTranslator.id, depth: 0 })), collection: 'editors' as const }
    await expect(
      payload.update({ collection: 'characters', id: s.characterId, locale: 'hi', data: { voiceCast: [{ locale: 'hi', speaker: 'arvind' }] }, overrideAccess: false, user }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await cast(hindiTranslator, s.characterId, [{ locale: 'hi', speaker: 'arvind' }])).status).toBe(403)
    expect((await rest(server.url, 'PATCH', `characters/${s.characterId}?depth=0`, { body: { voiceCast: [] } })).status).toBe(403)
    expect((await cast(editor, s.characterId, [{ locale: 'hi', speaker: 'arvind' }])).status).toBe(200)
    expect((await payload.findByID({ collection: 'characters', id: s.characterId, depth: 0 })).voiceCast).toMatchObject([{ locale: 'hi', speaker: 'arvind' }])
  })
})
