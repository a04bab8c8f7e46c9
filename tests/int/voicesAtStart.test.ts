/**
 * Audio always matches its text (issue 14 item 8), across a change of voices: a worker starting
 * with another provider or model than the bundles were compiled for recompiles them, so no bundle
 * names the old model's speaker or carries audio whose content key no longer matches.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { enqueueStoryAudio } from '@/audio/jobs/storyAudio'
import { refreshBundlesForVoices } from '@/audio/jobs/voicesAtStart'
import { runWorker } from '@/audio/jobs/worker'
import { createProvider } from '@/audio/providers/createProvider'
import { setAudioProvider } from '@/audio/providers/audioProvider'
import { primaryPool } from '@/db/postgres'
import { voicesFingerprint } from '@/domain/audio/voices'
import { settings } from '@/settings'

import { createStaff, rest, uid } from '../support/api'
import { startFakeSarvam, type FakeSarvam } from '../support/fakeSarvam'
import { createStory, markPublished, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'

let payload: Payload
let server: TestServer
let fake: FakeSarvam
let story: StoryFixture
const local = createProvider({ TTS_PROVIDER: 'local' })

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  fake = await startFakeSarvam({ apiKey: 'sk-test' })
  setAudioProvider(local)
})

afterAll(async () => {
  setAudioProvider(local)
  await story?.cleanup()
  // Refreshes this file queued for other test files' stories: not theirs to run.
  await primaryPool(payload).query(`DELETE FROM payload_jobs WHERE task_slug IN ('refreshStoryAudioBundles', 'generateAudio', 'sweepAudioObjects') AND completed_at IS NULL`)
  await fake?.close()
  await server?.close()
})

type Bundle = { characters: { id: string; speaker: string }[]; nodes: { id: string; audioUrl: string | null; needsAudio: boolean }[] }
const hiBundle = async () => (await (await fetch(`${server.url}/api/stories/${story.slug}/bundle?locale=hi`)).json()) as Bundle
const voicesOf = async () =>
  (await primaryPool(payload).query<{ voices: string | null }>(`SELECT DISTINCT voices FROM story_translations WHERE story_id = $1`, [story.storyId])).rows.map((r) => r.voices)

async function runRefresh(): Promise<void> {
  const { rows } = await primaryPool(payload).query<{ id: string }>(
    `UPDATE payload_jobs SET wait_until = now() WHERE task_slug = 'refreshStoryAudioBundles' AND input->>'story' = $1 AND completed_at IS NULL RETURNING id::text`,
    [story.storyId],
  )
  expect(rows).toHaveLength(1)
  await runWorker(payload, { untilIdle: true, ids: rows.map((r) => r.id) })
}

describe('bundles follow the configured voices', () => {
  it('should recompile the bundles of a worker that starts with another model: the new cast speaker, no audio of the old voices', async () => {
    story = await createStory(payload)
    await payload.update({ collection: 'story-nodes', id: story.nodeIds[0]!, locale: 'hi', data: { textContent: `कौआ प्यासा था ${uid()}` } })
    await payload.update({ collection: 'characters', id: story.characterId, data: { voiceCast: [{ locale: 'hi', model: 'bulbul:v3', speaker: 'shubh' }] } })
    await markPublished(payload, story.storyId, ['hi'])
    const narrator = settings().audio.narratorSpeaker
    expect(await voicesOf()).toEqual([voicesFingerprint(local, narrator)])

    // Voiced with the local voices: the Hindi line has audio, in the character's default voice.
    const queued = await enqueueStoryAudio(payload, story.storyId, { provider: local, locales: ['hi'] })
    await runWorker(payload, { untilIdle: true, ids: queued.jobIds })
    await runRefresh()
    const before = await hiBundle()
    expect(before.nodes.find((n) => n.id === story.nodeIds[0])!.audioUrl).toBeTruthy()
    expect(before.characters.find((c) => c.id === story.characterId)!.speaker).toBe('meera')
    // Nothing to do while the voices are the same.
    expect((await refreshBundlesForVoices(payload)).stories).not.toContain(story.storyId)

    // A worker starts with Sarvam bulbul:v3.
    const sarvam = createProvider({ TTS_PROVIDER: 'sarvam', SARVAM_API_KEY: 'sk-test', SARVAM_BASE_URL: fake.url, SARVAM_MODEL: 'bulbul:v3', SARVAM_RPM: '6000' })
    setAudioProvider(sarvam)
    const check = await refreshBundlesForVoices(payload)
    expect(check.voices).toBe(voicesFingerprint(sarvam, narrator))
    expect(check.stories).toContain(story.storyId)
    expect(check.autoVoice).toBe(false) // AUTO_VOICE is off in tests (and by default for Sarvam)
    await runRefresh()
    const after = await hiBundle()
    // The cast's bulbul:v3 voice, and the local voices' audio is no longer offered.
    expect(after.characters.find((c) => c.id === story.characterId)!.speaker).toBe('shubh')
    const start = after.nodes.find((n) => n.id === story.nodeIds[0])!
    expect(start.audioUrl).toBeNull()
    expect(start.needsAudio).toBe(true)
    expect(await voicesOf()).toEqual([voicesFingerprint(sarvam, narrator)])
    expect((await refreshBundlesForVoices(payload)).stories).not.toContain(story.storyId)
  })

  it('should show which voices a bundle was compiled for to staff only', async () => {
    const editor = await createStaff(payload, server.url, 'editor')
    try {
      const path = `story-translations?where[story][equals]=${story.storyId}&where[languageCode][equals]=en&depth=0&select[voices]=true&select[languageCode]=true`
      const anonymous = await rest(server.url, 'GET', path, {})
      expect(anonymous.status).toBe(200)
      expect(anonymous.body.docs).toHaveLength(1)
      expect(anonymous.body.docs[0].voices).toBeUndefined()
      const staff = await rest(server.url, 'GET', path, { token: editor.token })
      expect(staff.body.docs[0].voices).toMatch(/^sarvam bulbul:v3 narrator=/)
    } finally {
      await payload.delete({ collection: 'editors', id: editor.id })
    }
  })
})
