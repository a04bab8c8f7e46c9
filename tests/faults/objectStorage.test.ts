/**
 * Fault: object storage (the S3 bucket) down during saves and audio generation (hardening #10,
 * "Faults to survive"). An app server process and `npm run jobs` run against an s3rver of this
 * test's own, which is stopped and started again; TTS is the Sarvam stand-in.
 *
 * - A text edit saves while the bucket is down (its published bundle is written after the save,
 *   by a retried job, once the bucket is back); the API serves the new text meanwhile.
 * - A media upload answers 503 with Retry-After (not 500) and writes no row; it works after.
 * - Audio jobs fail with the error recorded on the job, are retried, and finish once the bucket is
 *   back; each line is synthesised (billed) once, although its first save failed; every audio row
 *   points at an object that exists.
 */
import type { Payload } from 'payload'

import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../../scripts/lib/ports'

import type { Staff } from '../support/api'
import type { ChildServer } from '../support/childProcess'
import type { FakeSarvam } from '../support/fakeSarvam'
import type { StoryFixture } from '../support/fixtures'

const BUCKET = 'bk-faults-storage'
let s3dir: string
let s3port: number
let s3: S3rver | null = null
let fake: FakeSarvam
let payload: Payload
let server: ChildServer
let jobs: ChildProcess
let jobsOutput = ''
let editor: Staff
let story: StoryFixture
const endpoint = () => `http://127.0.0.1:${s3port}`

async function startS3(): Promise<void> {
  s3 = new S3rver({ address: '127.0.0.1', port: s3port, directory: s3dir, silent: true, configureBuckets: [{ name: BUCKET }] })
  await s3.run()
}

async function stopS3(): Promise<void> {
  const running = s3
  s3 = null
  if (running) await new Promise<void>((resolve) => running.close(() => resolve()))
}

/** The object under `key` in the bucket (a plain GET: s3rver serves the bucket publicly), or null. */
async function object(key: string): Promise<Buffer | null> {
  const res = await fetch(`${endpoint()}/${BUCKET}/${key}`)
  if (res.status === 404) return null
  if (!res.ok) throw new Error(`GET ${key}: ${res.status}`)
  return Buffer.from(await res.arrayBuffer())
}

async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<{ value: T; ms: number }> {
  const t0 = Date.now()
  for (;;) {
    const value = await fn()
    if (value) return { value, ms: Date.now() - t0 }
    if (Date.now() - t0 > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s\njobs log:\n${jobsOutput.slice(-4000)}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

beforeAll(async () => {
  s3dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-faults-s3-'))
  s3port = await freePort()
  await startS3()
  const { startFakeSarvam } = await import('../support/fakeSarvam')
  fake = await startFakeSarvam({ apiKey: 'sk-faults' })
  // This process, the app server and the jobs worker all use this bucket and the stand-in.
  Object.assign(process.env, {
    S3_ENDPOINT: endpoint(),
    S3_BUCKET: BUCKET,
    TTS_PROVIDER: 'sarvam',
    SARVAM_API_KEY: 'sk-faults',
    SARVAM_BASE_URL: fake.url,
    SARVAM_MODEL: 'bulbul:v3',
    SARVAM_RPM: '6000',
  })
  const { resetSettings } = await import('@/settings')
  resetSettings()
  const { testPayload } = await import('../support/payload')
  const { createStaff } = await import('../support/api')
  const { createStory } = await import('../support/fixtures')
  const { startChildServer } = await import('../support/childProcess')
  payload = await testPayload()
  story = await createStory(payload)
  // Lines no other test voiced, so each must be synthesised (nothing to reuse).
  const tag = Math.random().toString(36).slice(2, 8)
  for (const id of story.nodeIds) {
    const node = await payload.findByID({ collection: 'story-nodes', id, locale: 'en', depth: 0 })
    await payload.update({ collection: 'story-nodes', id, locale: 'en', data: { textContent: `${node.textContent} ${tag}` } })
  }
  for (const id of story.choiceIds) await payload.update({ collection: 'story-choices', id, locale: 'en', data: { textContent: `Option ${id.slice(0, 4)} ${tag}` } })
  server = await startChildServer({})
  editor = await createStaff(payload, server.url, 'editor')
  jobs = spawn(process.execPath, ['--import', 'tsx', 'scripts/jobs.ts'], { env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] })
  for (const s of [jobs.stdout!, jobs.stderr!]) s.on('data', (d: Buffer) => (jobsOutput = (jobsOutput + d.toString()).slice(-20_000)))
}, 300_000)

afterAll(async () => {
  await server?.stop()
  if (jobs && jobs.exitCode === null) {
    jobs.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 2000))
    if (jobs.exitCode === null) jobs.kill('SIGKILL')
  }
  await story?.cleanup().catch(() => {})
  await stopS3()
  await fake?.close()
  fs.rmSync(s3dir, { recursive: true, force: true })
}, 60_000)

const auth = () => ({ authorization: `JWT ${editor.token}` })

describe('object storage down', () => {
  it('should save a text edit while the bucket is down and publish its bundle once it is back', async () => {
    const node = story.nodeIds[0]!
    const text = `Once upon a time, while the bucket was away ${Date.now()}`
    await stopS3()
    const res = await fetch(`${server.url}/api/story-nodes/${node}?locale=en`, {
      method: 'PATCH',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ textContent: text }),
    })
    const body = await res.text()
    expect(res.status, body).toBe(200)
    // The app serves the saved text meanwhile (from the database).
    const bundle = await fetch(`${server.url}/api/stories/${story.slug}/bundle?locale=en`)
    expect(bundle.status).toBe(200)
    expect(await bundle.text()).toContain(text)
    const outageStarted = Date.now()
    await new Promise((r) => setTimeout(r, 2_000))
    await startS3()
    const restartedAt = Date.now()
    // The published copy follows without another edit.
    const { ms } = await waitFor(
      'the bundle with the new text in the bucket',
      async () => {
        const row = (await payload.find({ collection: 'story-translations', where: { and: [{ story: { equals: story.storyId } }, { languageCode: { equals: 'en' } }] }, depth: 0, limit: 1 })).docs[0]
        if (!row?.bundleUrl) return null
        const key = new URL(row.bundleUrl).pathname.replace(`/${BUCKET}/`, '')
        const stored = await object(key)
        return stored?.toString().includes(text) ? key : null
      },
      45_000,
    )
    console.info(`[faults] storage down during a save: saved with the bucket down ${restartedAt - outageStarted} ms; bundle published ${ms} ms after the bucket came back`)
  }, 120_000)

  it('should answer 503 with Retry-After to a media upload while the bucket is down, write no row, and take it after', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } }).png().toBuffer()
    const upload = async (name: string) => {
      const form = new FormData()
      form.append('file', new Blob([png], { type: 'image/png' }), name)
      form.append('_payload', JSON.stringify({ alt: 'A red square' }))
      const res = await fetch(`${server.url}/api/media`, { method: 'POST', headers: auth(), body: form })
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { doc?: { id: string; filename: string }; errors?: { message: string }[] } }
    }
    const count = async () => (await payload.count({ collection: 'media' })).totalDocs
    const before = await count()
    await stopS3()
    const down = await upload(`down-${Date.now()}.png`)
    expect(down.status, JSON.stringify(down.body)).toBe(503)
    expect(down.retryAfter).toMatch(/^\d+$/)
    expect(down.body.errors?.[0]?.message).toMatch(/storage/i)
    expect(await count()).toBe(before)
    await startS3()
    const up = await upload(`up-${Date.now()}.png`)
    expect(up.status, JSON.stringify(up.body)).toBe(201)
    expect(await object(`media/${up.body.doc!.filename}`)).not.toBeNull()
    await payload.delete({ collection: 'media', id: up.body.doc!.id })
  }, 60_000)

  it('should retry audio jobs failed by the outage until they finish, synthesising each line once', async () => {
    const { jobProgress } = await import('@/audio/jobs/worker')
    fake.reset()
    await stopS3()
    const queued = await fetch(`${server.url}/api/stories/${story.storyId}/audio`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ locales: ['en'] }),
    })
    expect(queued.status).toBe(202)
    const { jobIds } = (await queued.json()) as { jobIds: string[] }
    expect(jobIds.length).toBeGreaterThanOrEqual(6)
    // Every job tried once and failed on the bucket; the error is on the job.
    const pool = (await import('@/db/postgres')).primaryPool(payload)
    const tried = async () =>
      (
        await pool.query<{ id: string; total_tried: number; errors: string[] }>(
          `SELECT j.id, j.total_tried, coalesce(array_agg(l.error->>'message') FILTER (WHERE l.state = 'failed'), '{}') AS errors
             FROM payload_jobs j LEFT JOIN payload_jobs_log l ON l._parent_id = j.id
            WHERE j.id = ANY($1::uuid[]) GROUP BY j.id`,
          [jobIds],
        )
      ).rows
    await waitFor('every audio job tried once', async () => (await tried()).every((j) => j.total_tried >= 1), 60_000)
    const failedAttempts = await tried()
    const messages = failedAttempts.flatMap((j) => j.errors)
    expect(messages.length).toBeGreaterThanOrEqual(jobIds.length)
    expect((await jobProgress(payload, jobIds)).failed).toBe(0)
    const synthesisedDuringOutage = fake.requests.filter((r) => r.status === 200).length
    await new Promise((r) => setTimeout(r, 1_000))
    await startS3()
    const restartedAt = Date.now()
    const { ms } = await waitFor('every audio job done', async () => {
      const p = await jobProgress(payload, jobIds)
      if (p.failed) throw new Error(`a job failed for good: ${JSON.stringify(p.errors)}`)
      return p.done === jobIds.length
    }, 90_000)
    const rows = (await payload.find({ collection: 'audio-files', where: { story: { equals: story.storyId } }, depth: 0, limit: 0, pagination: false })).docs
    const synthesised = fake.requests.filter((r) => r.status === 200)
    console.info(
      `[faults] storage down during audio: ${jobIds.length} jobs, ${synthesisedDuringOutage} synthesised during the outage, ${synthesised.length} synthesis calls in all, attempts per job ${failedAttempts.map((j) => j.total_tried).join('/')}, all done ${ms} ms after the bucket came back; first error: ${messages[0]?.slice(0, 160)}`,
    )
    expect(rows.length).toBe(jobIds.length)
    // Billed once per line: every line was synthesised in its first attempt (a request per
    // sentence), and the retries saved the audio kept from it, with no provider call.
    expect(synthesisedDuringOutage).toBeGreaterThanOrEqual(jobIds.length)
    expect(synthesised.length).toBe(synthesisedDuringOutage)
    // No row points at a missing object.
    for (const row of rows) expect(await object(row.r2Url!), row.r2Url!).not.toBeNull()
    const spool = await pool.query('SELECT count(*)::int AS n FROM audio_synthesis_spool WHERE content_key = ANY($1)', [rows.map((r) => r.contentKey)])
    expect(spool.rows[0].n).toBe(0)
    expect(jobs.exitCode).toBeNull()
  }, 180_000)
})
