import type { Payload } from 'payload'

import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { execFile, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { resetSettings } from '@/settings'

import { primaryPool } from '@/db/postgres'
import { withTransaction } from '@/db/transaction'
import { enqueueStoryAudio, loadStoryAudio } from '@/audio/jobs/storyAudio'
import { storiesMentioning } from '@/audio/lexicon'
import { runWorker } from '@/audio/jobs/worker'
import { createProvider } from '@/audio/providers/createProvider'
import { setAudioProvider } from '@/audio/providers/audioProvider'
import { silenceGaps, type Cue } from '@/domain/audio/cues'
import { VOICE_SLOTS } from '@/domain/audio/speakers'
import { recompileStoryBundles } from '@/services/storyBundles'
import { s3ClientConfig, s3Settings } from '@/storage/s3Settings'

import { rest, uid, type Staff } from '../support/api'
import { countingProvider, startAudioSuite, type AudioSuite } from '../support/audioSuite'
import { startFakeSarvam, type FakeSarvam } from '../support/fakeSarvam'
import { ffmpegLoudness } from '../support/ffmpegLoudness'
import type { TestServer } from '../support/httpServer'
import { markPublished } from '../support/fixtures'

let suite: AudioSuite
let payload: Payload
let server: TestServer
let fake: FakeSarvam
let editor: Staff
let hindiTranslator: Staff
const settings = s3Settings()!
const s3 = new S3Client(s3ClientConfig(settings))
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhk-audio-'))

/** The real espeak-ng provider, counting the synthesis requests that reach it. */
const counted = { calls: 0 }
const execFileAsync = promisify(execFile)
const local = countingProvider(createProvider({ TTS_PROVIDER: 'local' }), counted)

beforeAll(async () => {
  suite = await startAudioSuite()
  ;({ payload, server, editor, translator: hindiTranslator } = suite)
  fake = await startFakeSarvam({ apiKey: 'sk-test' })
  setAudioProvider(local)
})

afterAll(async () => {
  setAudioProvider(local)
  await payload?.delete({ collection: 'pronunciations', where: { id: { exists: true } } })
  await suite?.close()
  await fake?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const story = () => suite.story()
const rowsOf = (storyId: string) => suite.rowsOf(storyId)

async function generate(storyId: string, locales: ('en' | 'hi')[] = ['en']) {
  const before = counted.calls
  const provider = setAudioProvider(undefined)!
  setAudioProvider(provider)
  const queued = await enqueueStoryAudio(payload, storyId, { provider, locales })
  await runWorker(payload, { untilIdle: true, concurrency: 2 })
  return { queued, calls: counted.calls - before }
}

/** What the coalesced refresh job does 2 s after new audio, now. */
async function refreshBundles(storyId: string) {
  await withTransaction(payload, (req) => recompileStoryBundles(req, storyId))
}

async function download(key: string): Promise<string> {
  const obj = await s3.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key }))
  const file = path.join(dir, path.basename(key))
  fs.writeFileSync(file, Buffer.from(await obj.Body!.transformToByteArray()))
  return file
}

async function bundle(slug: string, locale = 'en') {
  const res = await fetch(`${server.url}/api/stories/${slug}/bundle?locale=${locale}`)
  expect(res.status).toBe(200)
  return (await res.json()) as {
    nodes: { id: string; audioUrl: string | null; needsAudio: boolean; cues: Cue[]; choices: { key: string; text: string; audioUrl: string | null }[] }[]
  }
}

/** Every file as Debian ffmpeg's ebur128 meter hears the decoded Opus. */
async function expectNormalised(rows: Awaited<ReturnType<typeof rowsOf>>) {
  expect(rows.length).toBeGreaterThan(0)
  for (const row of rows) {
    const measured = ffmpegLoudness(await download(row.r2Url))
    const where = `${row.provider} ${row.speakerId} ${row.languageCode}: ${JSON.stringify(measured)}`
    expect(Math.abs(measured.integratedLufs + 16), where).toBeLessThanOrEqual(1)
    expect(measured.truePeakDbtp, where).toBeLessThanOrEqual(-1.5)
    // what we stored is what ffmpeg measures
    expect(Math.abs(row.loudnessLufs! - measured.integratedLufs), where).toBeLessThanOrEqual(0.3)
    expect(Math.abs(row.truePeakDbtp! - measured.truePeakDbtp), where).toBeLessThanOrEqual(0.5)
  }
}

describe('loudness', () => {
  it('should bring every local-voice file to -16 LUFS +-1 under -1.5 dBTP, as ffmpeg measures the decoded Opus', async () => {
    const s = await story()
    await generate(s.storyId, ['en', 'hi'])
    // Every character voice too (the low male espeak voices peak ~20 dB above their loudness and
    // need the most limiting), on one line each.
    const others = VOICE_SLOTS.map((v) => v.spec).filter((speaker) => speaker !== 'meera')
    for (const speaker of others) {
      await payload.jobs.queue({ task: 'generateAudio', input: { node: s.nodeIds[0]!, locale: 'en', speaker, story: s.storyId } })
    }
    await runWorker(payload, { untilIdle: true, concurrency: 2 })
    const rows = await rowsOf(s.storyId)
    expect(new Set(rows.map((r) => r.speakerId))).toEqual(new Set(VOICE_SLOTS.map((v) => v.spec)))
    await expectNormalised(rows)
  })

  it('should bring every Sarvam voice (each returned at its own level) to the same target', async () => {
    const s = await story()
    setAudioProvider(createProvider({ TTS_PROVIDER: 'sarvam', SARVAM_API_KEY: 'sk-test', SARVAM_BASE_URL: fake.url, SARVAM_MODEL: 'bulbul:v3', SARVAM_RPM: '6000' }))
    try {
      for (const speaker of ['meera', 'arvind', 'pavithra', 'amol']) {
        await payload.jobs.queue({ task: 'generateAudio', input: { node: s.nodeIds[0]!, locale: 'en', speaker, story: s.storyId } })
      }
      await runWorker(payload, { untilIdle: true })
    } finally {
      setAudioProvider(local)
    }
    const rows = await rowsOf(s.storyId)
    expect(rows.map((r) => r.speakerId).sort()).toEqual(['amol', 'arvind', 'meera', 'pavithra'])
    await expectNormalised(rows)
  })
})

describe('audio always matches its text', () => {
  it('should leave a line’s old audio out of the bundle after its text changes and mark it as needing audio', async () => {
    const s = await story()
    await generate(s.storyId)
    await refreshBundles(s.storyId)
    const before = await bundle(s.slug)
    expect(before.nodes.every((n) => n.audioUrl && !n.needsAudio)).toBe(true)
    await payload.update({ collection: 'story-nodes', id: s.nodeIds[2]!, locale: 'en', data: { textContent: 'The crow drinks the water.' } })
    const after = await bundle(s.slug)
    const edited = after.nodes.find((n) => n.id === s.nodeIds[2])!
    expect(edited).toMatchObject({ audioUrl: null, needsAudio: true, cues: [] })
    for (const n of after.nodes.filter((x) => x.id !== s.nodeIds[2])) expect(n.audioUrl).toBe(before.nodes.find((b) => b.id === n.id)!.audioUrl)
  })

  it('should voice an edited line again by itself with AUTO_VOICE, once per burst of edits', async () => {
    const s = await story()
    await generate(s.storyId, ['en', 'hi'])
    process.env.AUTO_VOICE = 'on'
    process.env.AUTO_VOICE_DEBOUNCE_MS = '1000'
    resetSettings() // settings are parsed once; the change above must be seen
    const autoVoiceJobs = async () =>
      (
        await primaryPool(payload).query<{ wait_until: Date }>(
          `SELECT wait_until FROM payload_jobs WHERE task_slug = 'autoVoiceStory' AND input->>'story' = $1 AND completed_at IS NULL`,
          [s.storyId],
        )
      ).rows
    try {
      // A card dragged in the Studio (node metadata only) changes no line: nothing is asked for.
      await payload.update({ collection: 'story-nodes', id: s.nodeIds[3]!, data: { metadata: { studio: { position: { x: 40, y: 80 } } } } })
      expect(await autoVoiceJobs()).toHaveLength(0)
      for (const text of ['The crow flies.', 'The crow flies far.', 'The crow flies far away.']) {
        await payload.update({ collection: 'story-nodes', id: s.nodeIds[3]!, locale: 'en', data: { textContent: text } })
      }
      const pending = await autoVoiceJobs()
      expect(pending).toHaveLength(1)
      expect(pending[0]!.wait_until.getTime()).toBeGreaterThan(Date.now())
      // nothing is voiced before the quiet time is over
      const calls = counted.calls
      await runWorker(payload, { untilIdle: true })
      expect(counted.calls).toBe(calls)
      await new Promise((resolve) => setTimeout(resolve, 1100))
      await runWorker(payload, { untilIdle: true })
      expect(counted.calls - calls).toBe(1) // the one edited line, once
      await refreshBundles(s.storyId)
    } finally {
      process.env.AUTO_VOICE = 'off'
      delete process.env.AUTO_VOICE_DEBOUNCE_MS
      resetSettings() // settings are parsed once; the change above must be seen
    }
    const after = await bundle(s.slug)
    expect(after.nodes.find((n) => n.id === s.nodeIds[3])).toMatchObject({ needsAudio: false, cues: [{ text: 'The crow flies far away.' }] })
  })
})

describe('pronunciation lexicon', () => {
  it('should regenerate exactly the lines that contain a term, with no synthesis for the rest', async () => {
    const s = await story()
    await generate(s.storyId, ['en', 'hi'])
    const keysBefore = new Map((await rowsOf(s.storyId)).map((r) => [`${r.node}|${r.languageCode}`, r.contentKey]))
    const entry = await payload.create({ collection: 'pronunciations', data: { term: 'crow', locale: 'en', spoken: 'kroh' } })
    try {
      const plan = await loadStoryAudio(payload, s.storyId, { provider: local, locales: ['en', 'hi'] })
      const outdated = plan.plan.items.filter((i) => i.state !== 'done')
      // "What should the crow do?", "The crow drinks.", "The crow flies away." - not "Once upon a time", nor Hindi
      expect(outdated.map((i) => i.node).sort()).toEqual([s.nodeIds[1], s.nodeIds[2], s.nodeIds[3]].sort())
      expect(outdated.every((i) => i.outdated && i.applied.some((a) => a.term === 'crow'))).toBe(true)
      const again = await generate(s.storyId, ['en', 'hi'])
      expect(again.calls).toBe(3)
      const rows = await rowsOf(s.storyId)
      expect(rows.find((r) => r.node === s.nodeIds[0] && r.languageCode === 'en')!.contentKey).toBe(keysBefore.get(`${s.nodeIds[0]}|en`))
      expect(rows.find((r) => r.node === s.nodeIds[0] && r.languageCode === 'hi')!.contentKey).toBe(keysBefore.get(`${s.nodeIds[0]}|hi`))
      expect(rows.find((r) => r.node === s.nodeIds[2])!.contentKey).not.toBe(keysBefore.get(`${s.nodeIds[2]}|en`))
    } finally {
      await payload.delete({ collection: 'pronunciations', id: entry.id })
    }
  })

  it('should recompile only the stories whose lines contain the term, at once, as a whole word in any locale', async () => {
    const [inNode, inChoice, asPrefix] = [await story(), await story(), await story()]
    await story() // and one without the term
    const term = `Chintu${Date.now() % 100000}`
    await payload.update({ collection: 'story-nodes', id: inNode.nodeIds[0]!, locale: 'en', data: { textContent: `Once upon a time ${term} came.` } })
    await payload.update({ collection: 'story-choices', id: inChoice.choiceIds[0]!, locale: 'hi', data: { textContent: `${term} के साथ जाओ` } })
    await payload.update({ collection: 'story-nodes', id: asPrefix.nodeIds[0]!, locale: 'en', data: { textContent: `Once upon a time ${term}ji came.` } })
    await withTransaction(payload, async (req) => {
      expect(await storiesMentioning(req, [term.toLowerCase()])).toEqual([inNode.storyId, inChoice.storyId].sort())
      expect(await storiesMentioning(req, [])).toEqual([])
    })

    // Through the collection: the story's bundle drops the line's audio as the entry is saved.
    await generate(inNode.storyId)
    await refreshBundles(inNode.storyId)
    expect((await bundle(inNode.slug)).nodes.find((n) => n.id === inNode.nodeIds[0])).toMatchObject({ needsAudio: false })
    const entry = await payload.create({ collection: 'pronunciations', data: { term, locale: 'en', spoken: 'चिंटू' } })
    try {
      expect((await bundle(inNode.slug)).nodes.find((n) => n.id === inNode.nodeIds[0])).toMatchObject({ audioUrl: null, needsAudio: true })
    } finally {
      await payload.delete({ collection: 'pronunciations', id: entry.id })
    }
  })

  it('should list exactly the lines an entry changes, in every story, with npm run audio -- --dry-run', async () => {
    const [touched, untouched] = [await story(), await story()]
    const term = `Zumbo${Date.now() % 100000}`
    await payload.update({ collection: 'story-nodes', id: touched.nodeIds[2]!, locale: 'en', data: { textContent: `The crow and ${term} drink.` } })
    await payload.update({ collection: 'story-nodes', id: untouched.nodeIds[2]!, locale: 'en', data: { textContent: `The crow and ${term}ji drink.` } })
    await generate(touched.storyId)
    await generate(untouched.storyId)
    const entry = await payload.create({ collection: 'pronunciations', data: { term, locale: 'en', spoken: 'zoombo' } })
    try {
      const jobs = async () =>
        Number((await primaryPool(payload).query<{ n: string }>(`SELECT count(*) AS n FROM payload_jobs WHERE task_slug = 'generateAudio' AND input->>'story' = $1`, [touched.storyId])).rows[0]!.n)
      const jobsBefore = await jobs()
      const { stdout } = await execFileAsync('npm', ['run', '--silent', 'audio', '--', '--dry-run', '--locale', 'en'], { cwd: process.cwd(), env: process.env, timeout: 150_000, maxBuffer: 64 * 1024 * 1024 })
      // The touched story's section lists that one line, outdated, with the entry it applies.
      const sections = stdout.split(/^(?=Story )/m)
      const section = sections.find((x) => x.startsWith(`Story ${touched.slug}:`))
      expect(section, stdout.slice(-3000)).toBeDefined()
      const lines = section!.split('\n').filter((l) => l.startsWith('en\t'))
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^en\\t${touched.nodeIds[2]}\\t[a-z]+ \\(outdated\\)\\t"The crow and ${term} drink\\."  lexicon: ${term.toLowerCase()} → zoombo$`, 'i'))])
      // The other story has the term only inside a longer word: up to date, not listed.
      expect(sections.some((x) => x.startsWith(`Story ${untouched.slug}:`))).toBe(false)
      expect(stdout).toMatch(/Nothing was queued \(--dry-run\)\./)
      expect(await jobs()).toBe(jobsBefore)
    } finally {
      await payload.delete({ collection: 'pronunciations', id: entry.id })
    }
  }, 240_000)

  it('should let editors keep every entry and translators only their own locales’', async () => {
    const anon = await rest(server.url, 'GET', 'pronunciations')
    expect(anon.status).toBe(403)
    const byEditor = await rest(server.url, 'POST', 'pronunciations', { token: editor.token, body: { term: uid('Chintu'), locale: 'ta', spoken: 'சிண்டு' } })
    expect(byEditor.status).toBe(201)
    const own = await rest(server.url, 'POST', 'pronunciations', { token: hindiTranslator.token, body: { term: uid('Chintu'), locale: 'hi', spoken: 'चिंटू' } })
    expect(own.status).toBe(201)
    for (const locale of ['ta', 'all']) {
      const other = await rest(server.url, 'POST', 'pronunciations', { token: hindiTranslator.token, body: { term: uid('x'), locale, spoken: 'y' } })
      expect(other.status, locale).toBe(403)
    }
    const editOther = await rest(server.url, 'PATCH', `pronunciations/${byEditor.body.doc.id}`, { token: hindiTranslator.token, body: { spoken: 'x' } })
    expect([403, 404]).toContain(editOther.status)
    const move = await rest(server.url, 'PATCH', `pronunciations/${own.body.doc.id}`, { token: hindiTranslator.token, body: { locale: 'ta' } })
    expect(move.status).toBe(400)
    expect(JSON.stringify(move.body)).toMatch(/locale/)
    const respell = await rest(server.url, 'PATCH', `pronunciations/${own.body.doc.id}`, { token: hindiTranslator.token, body: { spoken: 'चिन्टू' } })
    expect(respell.status).toBe(200)
    const list = await rest(server.url, 'GET', 'pronunciations?limit=100', { token: hindiTranslator.token })
    expect(list.status).toBe(200)
  })
})

describe('read-along cues', () => {
  it('should serve WebVTT cues that line up with the silences of the decoded audio within 50 ms', async () => {
    const s = await story()
    const sentences = ['Once upon a time there was a crow.', 'It was very thirsty!', 'Where could it find water?']
    await payload.update({ collection: 'story-nodes', id: s.nodeIds[0]!, locale: 'en', data: { textContent: sentences.join(' ') } })
    await generate(s.storyId)
    const row = (await rowsOf(s.storyId)).find((r) => r.node === s.nodeIds[0] && r.languageCode === 'en')!
    const cues = row.cues as Cue[]
    expect(cues.map((c) => c.text)).toEqual(sentences)

    const vtt = await fetch(`${server.url}/api/audio-files/${row.id}/cues.vtt`)
    expect(vtt.status).toBe(200)
    expect(vtt.headers.get('content-type')).toMatch(/^text\/vtt/)
    const body = await vtt.text()
    expect(body.startsWith('WEBVTT\n\n1\n00:00:00.100 --> ')).toBe(true)
    expect(body).toContain(sentences[2])

    // Decode with ffmpeg (independent of our decoder) and find where speech pauses.
    const file = await download(row.r2Url)
    const pcm = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'f32le', '-ac', '1', '-ar', '48000', '-'], { maxBuffer: 64 << 20 })
    expect(pcm.status).toBe(0)
    const samples = new Float32Array(pcm.stdout.buffer, pcm.stdout.byteOffset, pcm.stdout.byteLength / 4)
    const peak = samples.reduce((m, v) => Math.max(m, Math.abs(v)), 0)
    const gaps = silenceGaps(samples, 48000, { threshold: peak * 10 ** (-45 / 20), minSec: 0.2 })
    expect(gaps).toHaveLength(sentences.length - 1)
    gaps.forEach(([from, to], i) => {
      expect(Math.abs(from - cues[i]!.end), `gap ${i} start`).toBeLessThanOrEqual(0.05)
      expect(Math.abs(to - cues[i + 1]!.start), `gap ${i} end`).toBeLessThanOrEqual(0.05)
    })

    await refreshBundles(s.storyId)
    const node = (await bundle(s.slug)).nodes.find((n) => n.id === s.nodeIds[0])!
    expect(node.cues).toEqual(cues)
  })
})

describe('read-along cues of a draft', () => {
  it('should keep a draft story’s cues out of shared caches: 404 to the public, private to staff', async () => {
    const s = await story()
    await generate(s.storyId)
    const row = (await rowsOf(s.storyId)).find((r) => r.node === s.nodeIds[0] && r.languageCode === 'en')!
    const vtt = (token?: string) => fetch(`${server.url}/api/audio-files/${row.id}/cues.vtt`, { headers: token ? { authorization: `JWT ${token}` } : {} })
    const live = await vtt()
    expect(live.status).toBe(200)
    expect(live.headers.get('cache-control')).toBe('public, max-age=60')
    await payload.update({ collection: 'stories', id: s.storyId, data: { isActive: false } })
    expect((await vtt()).status).toBe(404)
    const staff = await vtt(editor.token)
    expect(staff.status).toBe(200)
    // A CDN in front of the API must not keep a draft's text for the next caller.
    expect(staff.headers.get('cache-control')).toMatch(/^private\b/)
    expect(staff.headers.get('cache-control')).not.toMatch(/public/)
  })
})

describe('spoken choices', () => {
  it('should voice every option in every voiced locale in its choice node’s voice and give apps its audio URL in the bundle', async () => {
    const s = await story()
    const options = [
      ['A', 'घड़े में कंकड़ डालो'],
      ['B', 'उड़कर नदी ढूँढो'],
    ] as const
    for (const [i, [, hindi]] of options.entries()) {
      await payload.update({ collection: 'story-choices', id: s.choiceIds[i]!, locale: 'hi', context: { skipBundleCompile: true }, data: { textContent: hindi } })
    }
    await generate(s.storyId, ['en', 'hi'])
    await refreshBundles(s.storyId)
    await markPublished(payload, s.storyId, ['hi'])
    const rows = await rowsOf(s.storyId)
    const decide = s.nodeIds[1]!
    for (const locale of ['en', 'hi'] as const) {
      const spoken = rows.filter((r) => r.choice && r.languageCode === locale)
      // one row per option, on the choice node, in the choice node's voice (the narrator here),
      // beside the node's own line in the same voice (the partial unique indexes allow both)
      expect(spoken.map((r) => r.choice).sort()).toEqual([...s.choiceIds].sort())
      for (const r of spoken) expect(r).toMatchObject({ node: decide, speakerId: 'meera' })
      expect(rows.some((r) => !r.choice && r.node === decide && r.languageCode === locale && r.speakerId === 'meera')).toBe(locale === 'en')
      const node = (await bundle(s.slug, locale)).nodes.find((n) => n.id === decide)!
      expect(node.choices.map((c) => c.key)).toEqual(['A', 'B'])
      for (const c of node.choices) {
        const row = spoken.find((r) => r.choice === s.choiceIds[c.key === 'A' ? 0 : 1])!
        expect(c.audioUrl).toBe(row.url)
        // the app plays it like node audio: the play endpoint redirects to the object
        const play = await fetch(new URL(c.audioUrl!, server.url), { redirect: 'manual' })
        expect(play.status).toBe(302)
      }
      expect(new Set(node.choices.map((c) => c.audioUrl)).size).toBe(2)
    }
    // The Hindi options were voiced from their Hindi words.
    const hiA = rows.find((r) => r.choice === s.choiceIds[0] && r.languageCode === 'hi')!
    expect(hiA.textChars).toBe([...options[0][1]].length)
  })

  it('should refuse a second row for the same option and voice, and drop an option’s audio with the option', async () => {
    const s = await story()
    await generate(s.storyId, ['en'])
    const row = (await rowsOf(s.storyId)).find((r) => r.choice === s.choiceIds[1])!
    const copy = (id: string, choice: string | null) =>
      primaryPool(payload).query(
        `INSERT INTO audio_files (node_id, choice_id, story_id, language_code, code_mix_ratio, speaker_id, r2_url, updated_at, created_at)
         SELECT node_id, $2, story_id, language_code, code_mix_ratio, speaker_id, r2_url, now(), now() FROM audio_files WHERE id = $1 RETURNING id`,
        [id, choice],
      )
    // the same option, language, ratio and voice again: refused by the choice audio's unique index
    await expect(copy(row.id, s.choiceIds[1]!)).rejects.toMatchObject({ code: '23505', constraint: 'uq_audio_choice_variant' })
    // as the node's own line it collides with the node's line (the spec's key, for node audio)
    await expect(copy(row.id, null)).rejects.toMatchObject({ code: '23505', constraint: 'uq_audio_variant' })
    await payload.delete({ collection: 'story-choices', id: s.choiceIds[1]!, context: { skipBundleCompile: true } })
    const left = await rowsOf(s.storyId)
    expect(left.some((r) => r.choice === s.choiceIds[1])).toBe(false)
    expect(left.some((r) => r.choice === s.choiceIds[0])).toBe(true)
    expect(left.filter((r) => !r.choice)).toHaveLength(4)
  })
})
