/**
 * Sarvam pronunciation dictionaries (issue 14 item 3): for bulbul:v3 the lexicon is synced to the
 * provider's dictionary through the real `sarvamai` SDK (against the stand-in speaking Sarvam's
 * documented dictionary API, tests/support/fakeSarvam.ts), and lines are sent as written with its
 * `dict_id`; an entry change syncs it (create, then update of the changed word, then delete) and
 * changes exactly the content keys of the lines containing the term. bulbul:v2 has no dictionaries:
 * its text is rewritten.
 */
import type { Payload } from 'payload'

import crypto from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { enqueueStoryAudio } from '@/audio/jobs/storyAudio'
import { runWorker } from '@/audio/jobs/worker'
import { createProvider } from '@/audio/providers/createProvider'
import { setAudioProvider } from '@/audio/providers/audioProvider'
import type { TtsProvider } from '@/audio/providers/types'
import { primaryPool } from '@/db/postgres'

import { createStory, type StoryFixture } from '../support/fixtures'
import { startFakeSarvam, type FakeSarvam, type RecordedRequest } from '../support/fakeSarvam'
import { testPayload } from '../support/payload'

let payload: Payload
let fake: FakeSarvam
const stories: StoryFixture[] = []
const entries: string[] = []

const sarvam = (model: 'bulbul:v2' | 'bulbul:v3'): TtsProvider =>
  createProvider(
    { TTS_PROVIDER: 'sarvam', SARVAM_API_KEY: 'sk-test', SARVAM_BASE_URL: fake.url, SARVAM_MODEL: model, SARVAM_RPM: '6000', SARVAM_MAX_ATTEMPTS: '2' },
    { sleep: () => new Promise((resolve) => setTimeout(resolve, 5)) },
  )

/** A made-up name no other suite's text holds, in Latin letters (so "whole word" is unambiguous). */
const nameTerm = () => `Zor${[...crypto.randomBytes(5)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`

beforeAll(async () => {
  payload = await testPayload()
  fake = await startFakeSarvam({ apiKey: 'sk-test' })
  await primaryPool(payload).query('DELETE FROM provider_dictionaries')
})

afterAll(async () => {
  for (const s of stories) await s.cleanup()
  if (entries.length) await payload.delete({ collection: 'pronunciations', where: { id: { in: entries } } })
  await runWorker(payload, { untilIdle: true })
  await primaryPool(payload).query(`DELETE FROM payload_jobs WHERE task_slug IN ('generateAudio', 'sweepAudioObjects', 'refreshStoryAudioBundles', 'autoVoiceStory')`)
  await primaryPool(payload).query('DELETE FROM provider_dictionaries')
  setAudioProvider(undefined)
  await fake?.close()
})

beforeEach(() => fake.reset())

/** A story whose Hindi lines mention `term` in the second and fourth node only. */
async function storyMentioning(term: string): Promise<StoryFixture> {
  const s = await createStory(payload, { compileBundles: false })
  stories.push(s)
  const hindi = ['एक समय की बात है।', `${term} क्या करे?`, 'कौआ पानी पीता है।', `${term} उड़ जाता है।`]
  for (const [i, id] of s.nodeIds.entries()) await payload.update({ collection: 'story-nodes', id, locale: 'hi', data: { textContent: hindi[i] } })
  for (const [i, id] of s.choiceIds.entries()) await payload.update({ collection: 'story-choices', id, locale: 'hi', data: { textContent: ['पानी पियो', 'उड़ जाओ'][i] } })
  return s
}

async function voiceHindi(storyId: string, provider: TtsProvider) {
  await enqueueStoryAudio(payload, storyId, { provider, locales: ['hi'] })
  await runWorker(payload, { untilIdle: true, concurrency: 1 })
}

async function hindiKeys(storyId: string): Promise<Map<string, string>> {
  const { docs } = await payload.find({ collection: 'audio-files', where: { and: [{ story: { equals: storyId } }, { languageCode: { equals: 'hi' } }] }, depth: 0, limit: 0, pagination: false })
  return new Map(docs.map((d) => [`${d.node}|${d.choice ?? ''}`, d.contentKey ?? '']))
}

const speech = () => fake.requests.filter((r) => r.path === '/text-to-speech' && r.status === 200).map((r) => r.body as { text: string; dict_id?: string; model: string })
const dictionaryCalls = () => fake.requests.filter((r) => r.path.startsWith('/text-to-speech/pronunciation-dictionary'))
const call = (r: RecordedRequest) => `${r.method} ${r.path.replace(/dict_id=[^&]+/, 'dict_id=ID')} ${r.status}`

async function stored(): Promise<{ dictionary_id: string | null; words: number } | undefined> {
  const { rows } = await primaryPool(payload).query<{ dictionary_id: string | null; words: number }>(`SELECT dictionary_id, words FROM provider_dictionaries WHERE provider = 'sarvam' AND model = 'bulbul:v3'`)
  return rows[0]
}

describe('Sarvam pronunciation dictionary (bulbul:v3)', () => {
  it('should sync each entry change to the dictionary and send the lines containing the term as written with its dict_id, and only those', async () => {
    const provider = sarvam('bulbul:v3')
    setAudioProvider(provider)
    const term = nameTerm()
    const s = await storyMentioning(term)
    await voiceHindi(s.storyId, provider)
    // No entries for this term yet: whatever the lexicon holds, no line here carries a dictionary word.
    expect(speech().length).toBeGreaterThanOrEqual(6)
    const before = await hindiKeys(s.storyId)

    // 1. A new entry: the dictionary is created with it, and exactly the two lines with the term are voiced again.
    fake.reset()
    const entry = await payload.create({ collection: 'pronunciations', data: { term, locale: 'hi', spoken: 'ज़ोरबू' } })
    entries.push(entry.id)
    await voiceHindi(s.storyId, provider)
    expect(dictionaryCalls().map(call)).toEqual(['POST /text-to-speech/pronunciation-dictionary 200'])
    const upload = dictionaryCalls()[0]!
    expect(String(upload.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/)
    const id = (await stored())!.dictionary_id!
    expect(id).toMatch(/^p_/)
    expect(fake.dictionaries.get(id)?.['hi-IN']).toMatchObject({ [term]: 'ज़ोरबू' })
    expect(speech().map((b) => [b.text, b.dict_id])).toEqual([
      [`${term} क्या करे?`, id],
      [`${term} उड़ जाता है।`, id],
    ])
    const after = await hindiKeys(s.storyId)
    const changed = [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k.split('|')[0])
    expect(changed.sort()).toEqual([s.nodeIds[1], s.nodeIds[3]].sort())

    // 2. The spoken form changes: the same dictionary gets that word (an update), the two lines again.
    fake.reset()
    await payload.update({ collection: 'pronunciations', id: entry.id, data: { spoken: 'ज़ोर्बू' } })
    await voiceHindi(s.storyId, provider)
    expect(dictionaryCalls().map(call)).toEqual(['PUT /text-to-speech/pronunciation-dictionary?dict_id=ID 200'])
    expect(dictionaryCalls()[0]!.path).toBe(`/text-to-speech/pronunciation-dictionary?dict_id=${id}`)
    expect(fake.dictionaries.get(id)?.['hi-IN']?.[term]).toBe('ज़ोर्बू')
    expect(speech().map((b) => [b.text, b.dict_id])).toEqual([
      [`${term} क्या करे?`, id],
      [`${term} उड़ जाता है।`, id],
    ])

    // 3. The entry goes: the dictionary is deleted (an update cannot drop a word), the lines are voiced as written without one.
    fake.reset()
    await payload.delete({ collection: 'pronunciations', id: entry.id })
    entries.splice(entries.indexOf(entry.id), 1)
    await voiceHindi(s.storyId, provider)
    const calls = dictionaryCalls().map(call)
    expect(calls[0]).toBe('DELETE /text-to-speech/pronunciation-dictionary?dict_id=ID 200')
    expect(fake.dictionaries.has(id)).toBe(false)
    const now = await stored()
    // Other suites' entries may remain in the lexicon: then a new dictionary holds those, never this term.
    if (now?.dictionary_id) expect(fake.dictionaries.get(now.dictionary_id)?.['hi-IN']?.[term]).toBeUndefined()
    expect(speech().map((b) => b.text)).toEqual([`${term} क्या करे?`, `${term} उड़ जाता है।`])
    expect(await hindiKeys(s.storyId)).toEqual(before)
  })

  it('should rewrite the text for bulbul:v2, which has no dictionaries', async () => {
    const provider = sarvam('bulbul:v2')
    setAudioProvider(provider)
    expect(provider.dictionary).toBeUndefined()
    const term = nameTerm()
    const entry = await payload.create({ collection: 'pronunciations', data: { term, locale: 'hi', spoken: 'ज़ोरबू' } })
    entries.push(entry.id)
    const s = await storyMentioning(term)
    await voiceHindi(s.storyId, provider)
    expect(dictionaryCalls()).toEqual([])
    const texts = speech().map((b) => b.text)
    expect(texts).toContain('ज़ोरबू क्या करे?')
    expect(texts.some((t) => t.includes(term))).toBe(false)
    expect(speech().every((b) => b.dict_id === undefined && b.model === 'bulbul:v2')).toBe(true)
  })
})
