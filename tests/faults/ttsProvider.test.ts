/**
 * Fault: the TTS provider (the Sarvam stand-in, tests/support/fakeSarvam.ts, spoken to by the real
 * `sarvamai` SDK) down, slow and rate-limiting (hardening #10, "Faults to survive"). Two
 * `npm run jobs` workers run the audio jobs. The stand-in records every request, so what the
 * provider would bill is counted.
 *
 * - Down for longer than a job's own retries: the job is retried later (Payload's backoff) and
 *   finishes once the provider is back, instead of failing for good.
 * - Slow past the client timeout: the request is retried and the line saved.
 * - 429 with Retry-After: the next request waits that long.
 * - No double billing when workers race: lines that share their text and voice (one content key)
 *   are synthesised once, however many jobs run them at the same time.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { FakeSarvam } from '../support/fakeSarvam'
import type { StoryFixture } from '../support/fixtures'
import type { JobsWorker } from '../support/jobsWorker'

let fake: FakeSarvam
let payload: Payload
const workers: JobsWorker[] = []
const stories: StoryFixture[] = []
const mod = {} as {
  enqueueStoryAudio: typeof import('@/audio/jobs/storyAudio').enqueueStoryAudio
  jobProgress: typeof import('@/audio/jobs/worker').jobProgress
  createProvider: typeof import('@/audio/providers/createProvider').createProvider
  createStory: typeof import('../support/fixtures').createStory
  primaryPool: typeof import('@/db/postgres').primaryPool
}

beforeAll(async () => {
  const { startFakeSarvam } = await import('../support/fakeSarvam')
  fake = await startFakeSarvam({ apiKey: 'sk-faults' })
  // This process (it queues the jobs) and both workers voice with the stand-in: 2 attempts per
  // request, a 1 s client timeout.
  Object.assign(process.env, {
    TTS_PROVIDER: 'sarvam',
    SARVAM_API_KEY: 'sk-faults',
    SARVAM_BASE_URL: fake.url,
    SARVAM_MODEL: 'bulbul:v3',
    SARVAM_RPM: '6000',
    SARVAM_MAX_ATTEMPTS: '2',
    SARVAM_TIMEOUT_SECONDS: '1',
  })
  ;(await import('@/settings')).resetSettings()
  const { testPayload } = await import('../support/payload')
  const { startJobsWorker } = await import('../support/jobsWorker')
  Object.assign(mod, {
    enqueueStoryAudio: (await import('@/audio/jobs/storyAudio')).enqueueStoryAudio,
    jobProgress: (await import('@/audio/jobs/worker')).jobProgress,
    createProvider: (await import('@/audio/providers/createProvider')).createProvider,
    createStory: (await import('../support/fixtures')).createStory,
    primaryPool: (await import('@/db/postgres')).primaryPool,
  })
  payload = await testPayload()
  workers.push(...(await Promise.all([startJobsWorker({ AUDIO_CONCURRENCY: '2' }), startJobsWorker({ AUDIO_CONCURRENCY: '2' })])))
}, 300_000)

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()))
  for (const s of stories) await s.cleanup().catch(() => {})
  await fake?.close()
}, 60_000)

beforeEach(() => fake.reset())

/** A story whose nodes have these Hindi lines (`null`: none), each unique to this run. */
async function storyWithHindi(lines: (string | null)[]): Promise<StoryFixture> {
  const s = await mod.createStory(payload, { compileBundles: false })
  stories.push(s)
  for (const [i, text] of lines.entries()) {
    if (text !== null) await payload.update({ collection: 'story-nodes', id: s.nodeIds[i]!, locale: 'hi', context: { skipBundleCompile: true }, data: { textContent: text } })
  }
  return s
}

const tag = () => Math.random().toString(36).slice(2, 8)

async function voiceHindi(storyId: string, timeoutMs: number) {
  const t0 = Date.now()
  const { jobIds } = await mod.enqueueStoryAudio(payload, storyId, { provider: mod.createProvider(), locales: ['hi'] })
  for (;;) {
    const progress = await mod.jobProgress(payload, jobIds)
    if (progress.failed) throw new Error(`a job failed for good: ${JSON.stringify(progress.errors)}\n${workers.map((w) => w.output().slice(-2000)).join('\n---\n')}`)
    if (progress.done === jobIds.length) return { jobIds, ms: Date.now() - t0 }
    if (Date.now() - t0 > timeoutMs) throw new Error(`jobs not done within ${timeoutMs / 1000} s: ${JSON.stringify(progress)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function failedAttempts(jobIds: string[]): Promise<string[]> {
  const { rows } = await mod.primaryPool(payload).query<{ message: string }>(
    `SELECT l.error->>'message' AS message FROM payload_jobs_log l WHERE l._parent_id = ANY($1::uuid[]) AND l.state = 'failed' ORDER BY l.completed_at`,
    [jobIds],
  )
  return rows.map((r) => r.message)
}

async function hindiRows(storyId: string) {
  return (await payload.find({ collection: 'audio-files', where: { and: [{ story: { equals: storyId } }, { languageCode: { equals: 'hi' } }] }, depth: 0, limit: 0, pagination: false })).docs
}

describe('TTS provider down, slow, rate-limiting', () => {
  it('should retry a job later when the provider is down past its own retries, and finish once it is back', async () => {
    const s = await storyWithHindi([`राजा ने कहा ${tag()}`])
    fake.failNext(500, 2)
    const { jobIds, ms } = await voiceHindi(s.storyId, 60_000)
    const statuses = fake.requests.map((r) => r.status)
    const attempts = await failedAttempts(jobIds)
    console.info(`[faults] TTS down: provider answers ${statuses.join(',')}; job failed ${attempts.length} attempt(s), done after ${ms} ms; first error: ${attempts[0]?.slice(0, 140)}`)
    expect(statuses).toEqual([500, 500, 200])
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatch(/^REQUEST_FAILED: .*HTTP 500/)
    expect(await hindiRows(s.storyId)).toHaveLength(1)
  }, 90_000)

  it('should retry a request that timed out and save the line', async () => {
    const s = await storyWithHindi([`रानी ने कहा ${tag()}`])
    fake.delayNext(3_000, 1)
    const { ms } = await voiceHindi(s.storyId, 30_000)
    const [slow, retry] = fake.requests
    console.info(`[faults] TTS slow: ${fake.requests.length} requests (the first abandoned at the 1 s client timeout, the retry sent ${retry!.at - slow!.at} ms after it), done after ${ms} ms`)
    expect(fake.requests).toHaveLength(2)
    expect(retry!.at - slow!.at).toBeGreaterThanOrEqual(1_000)
    // Sent while the slow one was still unanswered: it was given up on, not waited for.
    expect(retry!.at).toBeLessThan(slow!.answeredAt || Number.POSITIVE_INFINITY)
    expect(await hindiRows(s.storyId)).toHaveLength(1)
  }, 60_000)

  it('should wait for Retry-After on a 429 before asking again', async () => {
    const s = await storyWithHindi([`मंत्री ने कहा ${tag()}`])
    fake.failNext(429, 1, 2)
    await voiceHindi(s.storyId, 30_000)
    const [limited, next] = fake.requests
    console.info(`[faults] TTS 429: answers ${fake.requests.map((r) => r.status).join(',')}, next request ${next!.at - limited!.answeredAt} ms after the 429 (Retry-After: 2)`)
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200])
    expect(next!.at - limited!.answeredAt).toBeGreaterThanOrEqual(1_950)
    expect(await hindiRows(s.storyId)).toHaveLength(1)
  }, 60_000)

  it('should synthesise a line once when workers race on lines of the same text and voice', async () => {
    const line = `सब ने एक साथ कहा ${tag()}`
    const s = await storyWithHindi([line, line, line, line])
    // Slow answers (under the 1 s client timeout) keep the jobs of both workers in flight together.
    fake.delayNext(800, 4)
    const { jobIds, ms } = await voiceHindi(s.storyId, 60_000)
    const rows = await hindiRows(s.storyId)
    const ok = fake.requests.filter((r) => r.status === 200)
    console.info(`[faults] TTS race: ${jobIds.length} jobs on 2 workers x 2 lanes, ${fake.requests.length} provider requests (${ok.length} answered 200), ${new Set(rows.map((r) => r.r2Url)).size} object(s) for ${rows.length} rows, done after ${ms} ms`)
    expect(jobIds).toHaveLength(4)
    expect(rows).toHaveLength(4)
    expect(ok).toHaveLength(1)
    expect(fake.requests).toHaveLength(1)
    expect(new Set(rows.map((r) => r.r2Url)).size).toBe(1)
    // Neither worker crashed.
    expect(workers.every((w) => w.process.exitCode === null)).toBe(true)
  }, 90_000)
})
