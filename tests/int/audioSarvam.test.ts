import type { Payload } from 'payload'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { audioStore } from '@/storage/objectStore'
import { createProvider } from '@/audio/providers/createProvider'
import { primaryPool } from '@/db/postgres'
import { setAudioProvider } from '@/audio/providers/audioProvider'
import { enqueueStoryAudio } from '@/audio/jobs/storyAudio'
import type { TtsProvider } from '@/audio/providers/types'
import { jobProgress, runWorker } from '@/audio/jobs/worker'

import { uid } from '../support/api'
import { startFakeSarvam, type FakeSarvam } from '../support/fakeSarvam'
import { testPayload } from '../support/payload'
import { createStory, type StoryFixture } from '../support/fixtures'

/**
 * Generation through the real `sarvamai` SDK against a local server speaking Sarvam's documented
 * `POST /text-to-speech` (tests/support/fakeSarvam.ts): 429 then success, 5xx until the provider
 * gives up, malformed audio.
 */
let payload: Payload
let fake: FakeSarvam
let provider: TtsProvider
const stories: StoryFixture[] = []
const waits: number[] = []

beforeAll(async () => {
  payload = await testPayload()
  fake = await startFakeSarvam({ apiKey: 'sk-test' })
  provider = createProvider(
    { TTS_PROVIDER: 'sarvam', SARVAM_API_KEY: 'sk-test', SARVAM_BASE_URL: fake.url, SARVAM_MODEL: 'bulbul:v3', SARVAM_RPM: '6000', SARVAM_MAX_ATTEMPTS: '3' },
    // Waits (Retry-After, backoff) are recorded and shortened so the suite stays fast.
    { sleep: (ms) => (waits.push(ms), new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20)))) },
  )
  setAudioProvider(provider)
})

afterAll(async () => {
  for (const s of stories) await s.cleanup()
  await runWorker(payload, { untilIdle: true })
  await primaryPool(payload).query(`DELETE FROM payload_jobs WHERE task_slug IN ('generateAudio', 'sweepAudioObjects', 'refreshStoryAudioBundles')`)
  await fake?.close()
})

beforeEach(() => {
  fake.reset()
  waits.length = 0
})

/** A story whose first node has a Hindi line no other test voiced (so nothing is reused). */
async function story(): Promise<StoryFixture> {
  const s = await createStory(payload, { compileBundles: false })
  stories.push(s)
  await payload.update({ collection: 'story-nodes', id: s.nodeIds[0]!, locale: 'hi', data: { textContent: `एक समय की बात है ${uid()}।` } })
  return s
}

async function generateHindi(storyId: string) {
  const queued = await enqueueStoryAudio(payload, storyId, { provider, locales: ['hi'] })
  await runWorker(payload, { untilIdle: true })
  return { queued, progress: await jobProgress(payload, queued.jobIds) }
}

async function audioObjectCount(): Promise<number> {
  let n = 0
  for await (const page of audioStore().list()) n += page.length
  return n
}

async function rowsOf(storyId: string) {
  return (await payload.find({ collection: 'audio-files', where: { story: { equals: storyId } }, depth: 0, limit: 0, pagination: false })).docs
}

describe('Sarvam Bulbul through the sarvamai SDK', () => {
  it('should wait for Retry-After on a 429 and then save the audio', async () => {
    const s = await story()
    fake.failNext(429, 1, 2)
    const { progress } = await generateHindi(s.storyId)
    expect(progress).toMatchObject({ done: 1, failed: 0 })
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200])
    expect(waits).toContain(2000)
    const body = fake.requests[1]!.body as Record<string, unknown>
    // The character's spec speaker meera is ritu on bulbul:v3.
    expect(body).toMatchObject({ model: 'bulbul:v3', speaker: 'ritu', language_code: 'hi-IN' })
    const [row] = await rowsOf(s.storyId)
    expect(row).toMatchObject({ provider: 'sarvam', model: 'bulbul:v3', speakerId: 'meera', languageCode: 'hi' })
    expect(row!.durationSec).toBeGreaterThan(1)
  })

  it('should send nothing to Sarvam when the story is generated again unchanged', async () => {
    const s = await story()
    await generateHindi(s.storyId)
    fake.reset()
    const again = await generateHindi(s.storyId)
    expect(again.queued.enqueued).toBe(0)
    expect(fake.requests).toEqual([])
  })

  it('should record the provider’s error on the job after its retries and schedule it again, with no row and no object', async () => {
    const s = await story()
    const objects = await audioObjectCount()
    fake.failNext(500, 3)
    const { queued, progress } = await generateHindi(s.storyId)
    // A provider that is down is retried later (Payload's backoff), not given up on.
    expect(progress).toMatchObject({ failed: 0, done: 0, queued: 1 })
    const { rows } = await primaryPool(payload).query<{ message: string; wait_until: Date }>(
      `SELECT l.error->>'message' AS message, j.wait_until FROM payload_jobs j JOIN payload_jobs_log l ON l._parent_id = j.id WHERE j.id = $1 AND l.state = 'failed'`,
      [queued.jobIds[0]],
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]!.message).toMatch(/^REQUEST_FAILED: .*failed after 3 attempts.*HTTP 500/)
    expect(rows[0]!.wait_until.getTime()).toBeGreaterThan(Date.now())
    expect(fake.requests).toHaveLength(3)
    expect(await rowsOf(s.storyId)).toEqual([])
    expect(await audioObjectCount()).toBe(objects)
  })

  it('should fail clearly on malformed audio, with no row and no object', async () => {
    const s = await story()
    const objects = await audioObjectCount()
    fake.malformNext(1)
    const { progress } = await generateHindi(s.storyId)
    expect(progress.errors[0]!.message).toMatch(/^MALFORMED_AUDIO: Malformed WAV/)
    expect(fake.requests).toHaveLength(1) // not retried: it would be billed again
    expect(await rowsOf(s.storyId)).toEqual([])
    expect(await audioObjectCount()).toBe(objects)
  })

  it('should not retry a job before a Retry-After too long to wait for in the call (quota exhausted)', async () => {
    const s = await story()
    fake.failNext(429, 1, 600)
    const { queued, progress } = await generateHindi(s.storyId)
    expect(progress).toMatchObject({ failed: 0, done: 0, queued: 1 })
    // One request: a 600 s wait is past what the call waits (120 s), so it gives up at once.
    expect(fake.requests.map((r) => r.status)).toEqual([429])
    const { rows } = await primaryPool(payload).query<{ wait_until: Date }>('SELECT wait_until FROM payload_jobs WHERE id = $1', [queued.jobIds[0]])
    const waitSec = (rows[0]!.wait_until.getTime() - Date.now()) / 1000
    // Not Payload's 5 s backoff: the provider's 600 s.
    expect(waitSec).toBeGreaterThan(590)
    expect(waitSec).toBeLessThanOrEqual(600)
    await primaryPool(payload).query('DELETE FROM payload_jobs WHERE id = $1', [queued.jobIds[0]])
  })

  it('should run a job the provider failed again after its backoff and succeed once the provider recovers', async () => {
    const s = await story()
    fake.failNext(500, 3)
    const first = await generateHindi(s.storyId)
    expect(first.progress).toMatchObject({ queued: 1, failed: 0 })
    // Its backoff over (5 s; skipped here), the same job runs again.
    await primaryPool(payload).query('UPDATE payload_jobs SET wait_until = now() WHERE id = ANY($1::uuid[])', [first.queued.jobIds])
    await runWorker(payload, { untilIdle: true, ids: first.queued.jobIds })
    expect(await jobProgress(payload, first.queued.jobIds)).toMatchObject({ done: 1, failed: 0 })
    expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 500, 200])
    expect(await rowsOf(s.storyId)).toHaveLength(1)
  })
})
