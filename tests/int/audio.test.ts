import type { Payload } from 'payload'

import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { audioStore } from '@/storage/objectStore'
import { createProvider } from '@/audio/providers/createProvider'
import { primaryPool } from '@/db/postgres'
import { sweepAudioObjects } from '@/audio/jobs/audioObjects'
import { setAudioProvider } from '@/audio/providers/audioProvider'
import { enqueueStoriesAudio, enqueueStoryAudio, loadStoryAudio, statusOf } from '@/audio/jobs/storyAudio'
import type { TtsProvider } from '@/audio/providers/types'
import { parseWav } from '@/audio/codec/wav'
import { claimJob, jobProgress, runWorker } from '@/audio/jobs/worker'
import { s3ClientConfig, s3Settings } from '@/storage/s3Settings'

import { rest, uid, type Staff } from '../support/api'
import { countingProvider, startAudioSuite, type AudioSuite } from '../support/audioSuite'
import type { TestServer } from '../support/httpServer'
import type { StoryFixture } from '../support/fixtures'

let suite: AudioSuite
let payload: Payload
let server: TestServer
let editor: Staff
let translator: Staff
const settings = s3Settings()!
const s3 = new S3Client(s3ClientConfig(settings))

/** The real espeak-ng provider, counting the synthesis requests that reach it. */
const counted = { calls: 0 }

beforeAll(async () => {
  suite = await startAudioSuite()
  ;({ payload, server, editor, translator } = suite)
  setAudioProvider(countingProvider(createProvider({ TTS_PROVIDER: 'local' }), counted))
})

afterAll(async () => {
  await suite?.close()
})

const story = (opts: { isActive?: boolean } = {}) => suite.story(opts)
const rowsOf = (storyId: string) => suite.rowsOf(storyId)

/** Queues the story's audio for `locales` and runs the queue until those jobs are done. */
async function generate(storyId: string, locales: ('en' | 'hi' | 'ta')[] = ['en', 'hi']) {
  const before = counted.calls
  const provider = audioProviderForTest()
  const result = await enqueueStoryAudio(payload, storyId, { provider, locales })
  await runWorker(payload, { untilIdle: true, concurrency: 2 })
  const after = statusOf(await loadStoryAudio(payload, storyId, { provider, locales }))
  return { ...result, after, calls: counted.calls - before, progress: await jobProgress(payload, result.jobIds) }
}

function audioProviderForTest(): TtsProvider {
  const current = setAudioProvider(undefined)!
  setAudioProvider(current)
  return current
}

async function head(key: string) {
  try {
    return await s3.send(new HeadObjectCommand({ Bucket: settings.bucket, Key: key }))
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null
    throw error
  }
}

async function audioObjectCount(): Promise<number> {
  let n = 0
  for await (const page of audioStore().list()) n += page.length
  return n
}


describe('generating a story’s audio with the local provider', () => {
  let s: StoryFixture

  beforeAll(async () => {
    s = await story()
  })

  it('should voice every node and choice option that has its own text, and skip locales without it', async () => {
    const result = await generate(s.storyId)
    // 4 English nodes + the choice node's 2 English options (spoken choices) + 1 Hindi node (the
    // fixture translates only the first node).
    expect(result.enqueued).toBe(7)
    expect(result.progress).toMatchObject({ done: 7, failed: 0 })
    expect(result.calls).toBe(7)
    const rows = await rowsOf(s.storyId)
    expect(rows.map((r) => r.languageCode).sort()).toEqual(['en', 'en', 'en', 'en', 'en', 'en', 'hi'])
    expect(rows.filter((r) => r.choice)).toHaveLength(2)
    expect(result.status.locales.find((l) => l.locale === 'hi')).toMatchObject({ queued: 1, noText: 5 })
    const hi = result.after.locales.find((l) => l.locale === 'hi')!
    expect(hi).toMatchObject({ done: 1, noText: 5, missing: 0, queued: 0, failed: 0 })
  })

  it('should store content-addressed Ogg/Opus objects with immutable caching', async () => {
    for (const row of await rowsOf(s.storyId)) {
      expect(row.r2Url).toMatch(/^audio\/[0-9a-f]{64}\.opus$/)
      expect(row.r2Url).toBe(`audio/${row.checksum}.opus`)
      expect(row).toMatchObject({ provider: 'local', speakerId: 'meera', codeMixRatio: 0 })
      expect(row.contentKey).toMatch(/^[0-9a-f]{64}$/)
      const obj = await s3.send(new GetObjectCommand({ Bucket: settings.bucket, Key: row.r2Url }))
      expect(obj.ContentType).toBe('audio/ogg')
      expect(obj.CacheControl).toBe('public, max-age=31536000, immutable')
      const bytes = Buffer.from(await obj.Body!.transformToByteArray())
      expect(bytes.length).toBe(row.fileSize)
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(row.checksum)
      // At most 4 KB per second of speech.
      expect(bytes.length / row.durationSec!).toBeLessThan(4096)
    }
  })

  // opusdec (Debian's opus-tools, installed by .ci/run) is the independent decoder: no skip when it is missing.
  it('should produce audio a real decoder (opusdec) plays for a plausible duration', async () => {
    expect(spawnSync('opusdec', ['--version']).status, 'opusdec missing: apt-get install -y opus-tools').toBe(0)
    const row = (await rowsOf(s.storyId)).find((r) => r.languageCode === 'hi')!
    const obj = await s3.send(new GetObjectCommand({ Bucket: settings.bucket, Key: row.r2Url }))
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-opusdec-'))
    try {
      fs.writeFileSync(path.join(dir, 'a.opus'), Buffer.from(await obj.Body!.transformToByteArray()))
      const run = spawnSync('opusdec', ['--quiet', '--rate', '24000', 'a.opus', 'a.wav'], { cwd: dir, encoding: 'utf8' })
      expect(run.status, run.stderr).toBe(0)
      const pcm = parseWav(fs.readFileSync(path.join(dir, 'a.wav')))
      const seconds = pcm.samples.length / pcm.sampleRate
      // "एक समय की बात है" (16 characters) at espeak's ~150 words a minute: about 1-3 s.
      expect(seconds).toBeGreaterThan(0.8)
      expect(seconds).toBeLessThan(4)
      expect(seconds).toBeCloseTo(row.durationSec!, 1)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('should make no provider call when the story is generated again unchanged', async () => {
    const before = await rowsOf(s.storyId)
    const again = await generate(s.storyId)
    expect(again).toMatchObject({ enqueued: 0, upToDate: 7, calls: 0 })
    expect((await rowsOf(s.storyId)).map((r) => r.updatedAt)).toEqual(before.map((r) => r.updatedAt))
  })

  it('should make no provider call when a job runs for audio that is already current', async () => {
    const calls = counted.calls
    const job = await payload.jobs.queue({ task: 'generateAudio', input: { node: s.nodeIds[0]!, locale: 'hi', story: s.storyId } })
    await runWorker(payload, { untilIdle: true, ids: [String(job.id)] })
    const done = await payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0 })
    expect(done.completedAt).toBeTruthy()
    expect(JSON.stringify(done.log)).toContain('"status":"unchanged"')
    expect(counted.calls).toBe(calls)
  })

  it('should regenerate only the Hindi audio of the one node whose Hindi text changed', async () => {
    const before = await rowsOf(s.storyId)
    const oldHi = before.find((r) => r.languageCode === 'hi')!
    await payload.update({ collection: 'story-nodes', id: s.nodeIds[0]!, locale: 'hi', data: { textContent: 'बहुत समय पहले की बात है' } })
    const result = await generate(s.storyId)
    expect(result).toMatchObject({ enqueued: 1, upToDate: 6, calls: 1 })
    const after = await rowsOf(s.storyId)
    const newHi = after.find((r) => r.languageCode === 'hi')!
    expect(newHi.id).toBe(oldHi.id) // the variant's row is replaced, not duplicated
    expect(newHi.r2Url).not.toBe(oldHi.r2Url)
    expect(newHi.contentKey).not.toBe(oldHi.contentKey)
    for (const row of after.filter((r) => r.languageCode === 'en')) {
      expect(row.updatedAt).toBe(before.find((b) => b.id === row.id)!.updatedAt)
    }
    expect(await head(oldHi.r2Url)).toBeNull() // the superseded object is gone
    expect(await head(newHi.r2Url)).not.toBeNull()
  })

  it('should reuse identical audio of another node instead of voicing it again', async () => {
    const other = await story()
    const calls = counted.calls
    const result = await generate(other.storyId, ['en'])
    expect(result.progress.done).toBe(6)
    expect(counted.calls).toBe(calls) // same texts, same speaker: nothing new to voice
    const mine = (await rowsOf(other.storyId)).map((r) => r.r2Url).sort()
    const theirs = (await rowsOf(s.storyId)).filter((r) => r.languageCode === 'en').map((r) => r.r2Url).sort()
    expect(mine).toEqual(theirs)
  })
})

describe('failures', () => {
  it('should record a clear error on the job and leave no row and no object for unspeakable text', async () => {
    const s = await story()
    await payload.update({ collection: 'story-nodes', id: s.nodeIds[1]!, locale: 'ta', data: { textContent: '   ' } })
    const objects = await audioObjectCount()
    const result = await generate(s.storyId, ['ta'])
    expect(result.progress, JSON.stringify(result)).toMatchObject({ total: 1, failed: 1 })
    expect(result.progress.errors[0]!.message).toMatch(/^EMPTY_TEXT: Cannot synthesise empty text/)
    expect(await rowsOf(s.storyId)).toEqual([])
    expect(await audioObjectCount()).toBe(objects)
    const status = await rest(server.url, 'GET', `stories/${s.storyId}/audio-status?locales=ta`, { token: editor.token })
    expect(status.body.locales[0]).toMatchObject({ locale: 'ta', failed: 1, done: 0 })
    expect(status.body.locales[0].errors[0].message).toMatch(/EMPTY_TEXT/)
  })

  it('should refuse an unknown speaker at save, listing the valid ones', async () => {
    const s = await story()
    const res = await rest(server.url, 'PATCH', `characters/${s.characterId}`, { token: editor.token, body: { bulbulSpeaker: 'nobody' } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'bulbulSpeaker', message: expect.stringMatching(/Unknown speaker "nobody".*Valid speakers: .*meera/) })
    expect((await rest(server.url, 'PATCH', `characters/${s.characterId}`, { token: editor.token, body: { bulbulSpeaker: 'arvind' } })).status).toBe(200)
  })

  it('should name the valid speakers when a character’s speaker is unknown to the voices at voicing time', async () => {
    const s = await story()
    // saved before the model changed (a cast is checked at save against the configured model)
    await primaryPool(payload).query(`UPDATE characters SET bulbul_speaker = 'nobody' WHERE id = $1`, [s.characterId])
    const result = await generate(s.storyId, ['hi'])
    expect(result.progress.errors[0]!.message).toMatch(/UNKNOWN_SPEAKER: Unknown speaker "nobody".*Valid speakers: meera/)
    expect(await rowsOf(s.storyId)).toEqual([])
  })

  it('should delete the uploaded object when the row cannot be saved', async () => {
    const s = await story()
    // New text, so there is no existing audio to reuse and the provider is called.
    await payload.update({ collection: 'story-nodes', id: s.nodeIds[3]!, locale: 'en', data: { textContent: `The crow flies away, ${uid()}.` } })
    const real = audioProviderForTest()
    // The node disappears while its audio is being voiced (an editor deletes it).
    setAudioProvider({
      ...real,
      speakers: () => real.speakers(),
      synthesize: async (request) => {
        const result = await real.synthesize(request)
        await payload.delete({ collection: 'story-nodes', id: s.nodeIds[3]! })
        return result
      },
    })
    try {
      const objects = await audioObjectCount()
      const job = await payload.jobs.queue({ task: 'generateAudio', input: { node: s.nodeIds[3]!, locale: 'en', story: s.storyId } })
      await runWorker(payload, { untilIdle: true, ids: [String(job.id)] })
      const failed = await payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0 })
      // Not a TTS failure: Payload records it and schedules a retry (the retry then finds no node).
      expect(JSON.stringify(failed.log)).toMatch(/"state":"failed"/)
      expect(await rowsOf(s.storyId)).toEqual([])
      expect(await audioObjectCount()).toBe(objects)
    } finally {
      setAudioProvider(real)
    }
  })
})

describe('orphan objects', () => {
  it('should delete objects no row references and keep the rest', async () => {
    const s = await story()
    await generate(s.storyId, ['en'])
    const kept = (await rowsOf(s.storyId)).map((r) => r.r2Url)
    const orphans = [0, 1, 2].map(() => `audio/${randomBytes(32).toString('hex')}.opus`)
    for (const key of orphans) await s3.send(new PutObjectCommand({ Bucket: settings.bucket, Key: key, Body: 'x' }))
    const foreign = `audio/not-ours-${uid()}.txt`
    await s3.send(new PutObjectCommand({ Bucket: settings.bucket, Key: foreign, Body: 'x' }))
    // Pages of 2 exercise paging (StartAfter) without thousands of objects.
    const result = await sweepAudioObjects(payload, audioStore(), { graceMs: 0, pageSize: 2 })
    expect(result.deleted).toEqual(expect.arrayContaining(orphans))
    for (const key of orphans) expect(await head(key)).toBeNull()
    for (const key of kept) expect(await head(key)).not.toBeNull()
    expect(await head(foreign)).not.toBeNull() // not a key this project writes
    await s3.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: foreign }))
  })

  it('should delete a deleted story’s objects that no other row shares', async () => {
    const s = await story()
    await payload.update({ collection: 'story-nodes', id: s.nodeIds[0]!, locale: 'en', data: { textContent: `A line only this story has ${uid()}` } })
    await generate(s.storyId, ['en'])
    const rows = await rowsOf(s.storyId)
    const unique = rows.find((r) => r.node === s.nodeIds[0])!.r2Url
    const shared = rows.find((r) => r.node === s.nodeIds[2])!.r2Url // "The crow drinks." is in other stories too
    await payload.delete({ collection: 'stories', id: s.storyId }) // rows go by ON DELETE CASCADE
    await runWorker(payload, { untilIdle: true })
    expect(await head(unique)).toBeNull()
    expect(await head(shared)).not.toBeNull()
  })
})

describe('playback', () => {
  let active: StoryFixture
  let inactive: StoryFixture
  let audioId: string
  let hiddenId: string

  beforeAll(async () => {
    active = await story()
    inactive = await story({ isActive: false })
    await generate(active.storyId, ['hi'])
    await generate(inactive.storyId, ['hi'])
    audioId = (await rowsOf(active.storyId))[0]!.id
    hiddenId = (await rowsOf(inactive.storyId))[0]!.id
  })

  const play = (id: string, token?: string) =>
    fetch(`${server.url}/api/audio-files/${id}/play`, { redirect: 'manual', headers: token ? { authorization: `JWT ${token}` } : {} })

  it('should redirect to a signed URL of the object and count the play', async () => {
    const res = await play(audioId)
    expect(res.status).toBe(302)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const location = res.headers.get('location')!
    expect(location).toContain('X-Amz-Signature=')
    const audio = await fetch(location)
    expect(audio.status).toBe(200)
    expect(audio.headers.get('content-type')).toBe('audio/ogg')
    const row = await payload.findByID({ collection: 'audio-files', id: audioId, depth: 0 })
    expect(createHash('sha256').update(Buffer.from(await audio.arrayBuffer())).digest('hex')).toBe(row.checksum)
    expect(row.accessCount).toBe(1)
    expect(Date.now() - new Date(row.accessedAt!).getTime()).toBeLessThan(60_000)
  })

  it('should lose no increment under 50 concurrent plays', async () => {
    const before = (await payload.findByID({ collection: 'audio-files', id: audioId, depth: 0 })).accessCount ?? 0
    const results = await Promise.all(Array.from({ length: 50 }, () => play(audioId)))
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(302))
    const after = await payload.findByID({ collection: 'audio-files', id: audioId, depth: 0 })
    expect(after.accessCount).toBe(before + 50)
  })

  it('should hide audio of an inactive story from the public but not from editors', async () => {
    expect((await play(hiddenId)).status).toBe(404)
    expect((await play(hiddenId, editor.token)).status).toBe(302)
  })

  it('should answer 404 for an unknown or malformed id', async () => {
    expect((await play('00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await play('not-a-uuid')).status).toBe(404)
  })

  it('should give apps the play URL of each audio file', async () => {
    const res = await rest(server.url, 'GET', `audio-files/${audioId}`)
    expect(res.status).toBe(200)
    expect(res.body.url).toBe(`/api/audio-files/${audioId}/play`)
  })
})

describe('story audio endpoints', () => {
  it('should let only editors start generation', async () => {
    const s = await story()
    expect((await rest(server.url, 'POST', `stories/${s.storyId}/audio`, { body: {} })).status).toBe(401)
    expect((await rest(server.url, 'POST', `stories/${s.storyId}/audio`, { token: translator.token, body: {} })).status).toBe(403)
    const res = await rest(server.url, 'POST', `stories/${s.storyId}/audio`, { token: editor.token, body: { locales: ['hi'] } })
    expect(res.status).toBe(202)
    expect(res.body).toMatchObject({ enqueued: 1, upToDate: 0 })
    expect(res.body.status.locales).toEqual([expect.objectContaining({ locale: 'hi', queued: 1, noText: 5 })])
    const again = await rest(server.url, 'POST', `stories/${s.storyId}/audio`, { token: editor.token, body: { locales: ['hi'] } })
    expect(again.body).toMatchObject({ enqueued: 0, alreadyQueued: 1 })
    await runWorker(payload, { untilIdle: true, ids: res.body.jobIds })
  })

  it('should report per-locale status to staff only', async () => {
    const s = await story()
    await generate(s.storyId, ['hi'])
    // Lines other stories share are reused, not paid for: make one line new.
    const line = `Once upon a time, ${uid()}`
    await payload.update({ collection: 'story-nodes', id: s.nodeIds[0]!, locale: 'en', data: { textContent: line } })
    expect((await rest(server.url, 'GET', `stories/${s.storyId}/audio-status`)).status).toBe(401)
    const res = await rest(server.url, 'GET', `stories/${s.storyId}/audio-status?locales=hi,en`, { token: translator.token })
    expect(res.status).toBe(200)
    expect(res.body.locales.map((l: { locale: string }) => l.locale)).toEqual(['hi', 'en'])
    expect(res.body.locales[0]).toMatchObject({ done: 1, missing: 0, noText: 5 })
    // 4 nodes and 2 spoken options; only the new line is paid for (the rest exist elsewhere).
    expect(res.body.locales[1]).toMatchObject({ done: 0, missing: 6, charsToVoice: line.length })
    expect(res.body.totals.estimatedCostInr).toBeGreaterThan(0)
  })

  it('should reject unknown locales with a 400 naming the valid ones', async () => {
    const s = await story()
    const res = await rest(server.url, 'POST', `stories/${s.storyId}/audio`, { token: editor.token, body: { locales: ['xx'] } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/Unknown locale xx; valid: en, hi/)
    expect(res.body.errors[0]).toMatchObject({ field: 'locales', message: expect.stringMatching(/^locales: /) })
    const status = await rest(server.url, 'GET', `stories/${s.storyId}/audio-status?locales=hi,xx`, { token: editor.token })
    expect(status.status).toBe(400)
    expect(status.body.errors[0]).toMatchObject({ field: 'locales', message: expect.stringMatching(/^locales: Unknown locale xx/) })
    const notObject = await rest(server.url, 'POST', `stories/${s.storyId}/audio`, { token: editor.token, body: ['hi'] })
    expect(notObject.status).toBe(400)
    expect(notObject.body.errors[0]).toMatchObject({ field: 'body', message: 'body: The body must be a JSON object.' })
  })
})

describe('workers', () => {
  it('should run each job exactly once when several workers poll together', async () => {
    const s = await story()
    const queued = await enqueueStoryAudio(payload, s.storyId, { provider: audioProviderForTest(), locales: ['en', 'hi'] })
    // Three workers, each with two lanes on connections of their own, racing for seven jobs.
    await Promise.all([0, 1, 2].map(() => runWorker(payload, { untilIdle: true, concurrency: 2, ids: queued.jobIds, pollMs: 10 })))
    const { rows } = await primaryPool(payload).query<{ id: string; total_tried: string; runs: string }>(
      `SELECT j.id, j.total_tried, (SELECT count(*) FROM payload_jobs_log l WHERE l._parent_id = j.id) AS runs
         FROM payload_jobs j WHERE j.id = ANY($1::uuid[])`,
      [queued.jobIds],
    )
    expect(rows).toHaveLength(7)
    for (const row of rows) expect({ tried: Number(row.total_tried), runs: Number(row.runs) }).toEqual({ tried: 1, runs: 1 })
  })

  it('should claim several stories’ lines locale by locale, the first story’s English first', async () => {
    const first = await story()
    const second = await story()
    const ids = await enqueueStoriesAudio(payload, [first.storyId, second.storyId], { provider: audioProviderForTest(), locales: ['en', 'hi'] })
    // 6 English lines of each story (4 nodes, 2 spoken options), then each story's one Hindi line.
    expect(ids).toHaveLength(14)
    const claimed: { story: string; locale: string; node: string }[] = []
    for (;;) {
      const id = await claimJob(payload, { ids })
      if (!id) break
      const { rows } = await primaryPool(payload).query<{ input: { story: string; locale: string; node: string } }>('SELECT input FROM payload_jobs WHERE id = $1', [id])
      claimed.push(rows[0]!.input)
    }
    const name = (storyId: string) => (storyId === first.storyId ? 'first' : 'second')
    expect(claimed.map((c) => `${name(c.story)} ${c.locale}`)).toEqual([
      ...Array(6).fill('first en'),
      ...Array(6).fill('second en'),
      'first hi',
      'second hi',
    ])
    // Nodes in reading order within a story and locale.
    expect(claimed.slice(0, 4).map((c) => c.node)).toEqual(first.nodeIds)
    await primaryPool(payload).query('DELETE FROM payload_jobs WHERE id = ANY($1::uuid[])', [ids])
  })

  it('should claim a bundle refresh before lines queued earlier, so voiced lines reach the bundle during a long queue', async () => {
    const s = await story()
    const ids = await enqueueStoriesAudio(payload, [s.storyId], { provider: audioProviderForTest(), locales: ['en'] })
    const refresh = await payload.jobs.queue({ task: 'refreshStoryAudioBundles', input: { story: s.storyId } })
    expect(await claimJob(payload, { ids: [...ids, String(refresh.id)] })).toBe(String(refresh.id))
    await primaryPool(payload).query('DELETE FROM payload_jobs WHERE id = ANY($1::uuid[])', [[...ids, String(refresh.id)]])
  })
})
