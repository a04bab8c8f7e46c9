import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { TtsError } from '@/domain/audio/ttsError'
import { createSarvamProvider, type SarvamProviderOptions } from '@/audio/providers/sarvamProvider'
import { FAKE_SARVAM_SECONDS_PER_CHAR, startFakeSarvam, type FakeSarvam } from '../../support/fakeSarvam'
import { fakeTime } from '../../support/pcm'

let fake: FakeSarvam

beforeAll(async () => {
  fake = await startFakeSarvam({ apiKey: 'test-key' })
})
afterAll(() => fake.close())
afterEach(() => fake.reset())

function provider(options: Partial<SarvamProviderOptions> = {}) {
  const time = fakeTime()
  const p = createSarvamProvider({ apiKey: 'test-key', baseUrl: fake.url, requestsPerMinute: 6000, random: () => 0.5, now: time.now, sleep: time.sleep, ...options })
  return { p, time }
}

type Body = Record<string, unknown>
const bodies = () => fake.requests.map((r) => r.body as Body)

async function rejection(promise: Promise<unknown>): Promise<TtsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(TtsError)
  return error as TtsError
}

describe('Sarvam provider (real sarvamai SDK against a fake Sarvam)', () => {
  it('should voice a line and return its PCM at 24 kHz', async () => {
    const text = 'एक दिन एक बंदर पेड़ पर बैठा था।'
    const result = await provider().p.synthesize({ text, locale: 'hi', speaker: 'meera' })
    expect(result.pcm.sampleRate).toBe(24000)
    expect(result.pcm.samples.length / 24000).toBeCloseTo([...text].length * FAKE_SARVAM_SECONDS_PER_CHAR, 2)
    expect(result).toMatchObject({ calls: 1, attempts: 1, chars: [...text].length })
  })

  it('should send the fields the SDK declares with the subscription-key header', async () => {
    await provider().p.synthesize({ text: 'Hello there', locale: 'en', speaker: 'meera', settings: { pace: 1.2 } })
    expect(fake.requests[0].headers['api-subscription-key']).toBe('test-key')
    expect(fake.requests[0].path).toBe('/text-to-speech')
    expect(bodies()[0]).toEqual({ text: 'Hello there', language_code: 'en-IN', speaker: 'ritu', model: 'bulbul:v3', speech_sample_rate: 24000, pace: 1.2 })
  })

  it('should send Odia as od-IN and Hinglish as hi-IN text as written', async () => {
    const { p } = provider()
    await p.synthesize({ text: 'ଏକ ଦିନ', locale: 'od', speaker: 'arvind' })
    await p.synthesize({ text: 'Ek din school mein', locale: 'hi-mixed', speaker: 'arvind' })
    expect(bodies().map((b) => [b.language_code, b.text])).toEqual([
      ['od-IN', 'ଏକ ଦିନ'],
      ['hi-IN', 'Ek din school mein'],
    ])
  })

  it.each([
    ['bulbul:v3', 'meera', 'ritu'],
    ['bulbul:v3', 'arvind', 'rahul'],
    ['bulbul:v3', 'anushka', 'ritu'],
    ['bulbul:v3', 'shubh', 'shubh'],
    ['bulbul:v2', 'meera', 'anushka'],
    ['bulbul:v2', 'arvind', 'abhilash'],
    ['bulbul:v2', 'ritu', 'anushka'],
  ] as const)('should map speaker %s/%s to the model voice %s', async (model, speaker, voice) => {
    await provider({ model }).p.synthesize({ text: 'Namaste', locale: 'hi', speaker })
    expect(bodies()[0]).toMatchObject({ model, speaker: voice })
  })

  it('should leave out settings the model does not support', async () => {
    await provider({ model: 'bulbul:v3' }).p.synthesize({ text: 'Hi', locale: 'en', speaker: 'meera', settings: { pitch: 0.3, loudness: 1.5, pace: 0.9 } })
    expect(bodies()[0]).not.toHaveProperty('pitch')
    expect(bodies()[0]).not.toHaveProperty('loudness')
    expect(bodies()[0]).toMatchObject({ pace: 0.9 })
  })

  it('should send pitch and loudness to bulbul:v2', async () => {
    await provider({ model: 'bulbul:v2' }).p.synthesize({ text: 'Hi', locale: 'en', speaker: 'meera', settings: { pitch: 0.3, loudness: 1.5 } })
    expect(bodies()[0]).toMatchObject({ pitch: 0.3, loudness: 1.5, enable_preprocessing: true })
  })

  it('should reject an out-of-range setting before sending anything', async () => {
    const error = await rejection(provider().p.synthesize({ text: 'Hi', locale: 'en', speaker: 'meera', settings: { pace: 5 } }))
    expect(error.code).toBe('INVALID_SETTINGS')
    expect(error.message).toMatch(/bulbul:v3 pace must be from 0.5 to 2, got 5/)
    expect(fake.requests).toHaveLength(0)
  })

  it('should reject an unknown speaker naming the valid ones, before sending anything', async () => {
    const error = await rejection(provider({ model: 'bulbul:v2' }).p.synthesize({ text: 'Hi', locale: 'en', speaker: 'gandalf' }))
    expect(error.code).toBe('UNKNOWN_SPEAKER')
    expect(error.message).toMatch(/Unknown speaker "gandalf" for Sarvam bulbul:v2\. Valid speakers: meera, .*arvind.*anushka.*hitesh/)
    expect(fake.requests).toHaveLength(0)
  })

  it('should wait for Retry-After after a 429 and then succeed', async () => {
    fake.failNext(429, 1, 7)
    const { p, time } = provider()
    const result = await p.synthesize({ text: 'Namaste', locale: 'hi', speaker: 'meera' })
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200])
    expect(time.sleeps).toContain(7000)
    expect(result).toMatchObject({ calls: 1, attempts: 2 })
  })

  it('should back off exponentially on 500s and recover within the attempt budget', async () => {
    fake.failNext(500, 2)
    const { p, time } = provider()
    const result = await p.synthesize({ text: 'Namaste', locale: 'hi', speaker: 'meera' })
    expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 200])
    expect(time.sleeps.filter((ms) => ms >= 500)).toEqual([500, 1000])
    expect(result.attempts).toBe(3)
  })

  it('should give up after the configured number of tries and say what happened', async () => {
    fake.failNext(500, 10)
    const error = await rejection(provider({ maxAttempts: 4 }).p.synthesize({ text: 'Namaste', locale: 'hi', speaker: 'meera' }))
    expect(error).toMatchObject({ code: 'REQUEST_FAILED', status: 500, attempts: 4 })
    expect(error.message).toMatch(/failed after 4 attempts.*HTTP 500: Internal Server Error/)
    expect(fake.requests).toHaveLength(4)
  })

  it('should stop retrying once the caller aborts', async () => {
    fake.failNext(500, 10)
    const controller = new AbortController()
    const p = createSarvamProvider({ apiKey: 'test-key', baseUrl: fake.url, requestsPerMinute: 6000, sleep: async () => controller.abort(new Error('job cancelled')) })
    await expect(p.synthesize({ text: 'Namaste', locale: 'hi', speaker: 'meera', signal: controller.signal })).rejects.toThrow('job cancelled')
    expect(fake.requests).toHaveLength(1)
  })

  it('should fail at once, without retrying, when the key is rejected', async () => {
    const error = await rejection(provider({ apiKey: 'wrong' }).p.synthesize({ text: 'Namaste', locale: 'hi', speaker: 'meera' }))
    expect(error).toMatchObject({ code: 'REQUEST_REJECTED', status: 403 })
    expect(error.message).toMatch(/was rejected: HTTP 403: Invalid API key/)
    expect(fake.requests).toHaveLength(1)
  })

  it('should retry network errors and then report them', async () => {
    const gone = await startFakeSarvam()
    await gone.close()
    const error = await rejection(provider({ baseUrl: gone.url, maxAttempts: 2 }).p.synthesize({ text: 'Namaste', locale: 'hi', speaker: 'meera' }))
    expect(error).toMatchObject({ code: 'REQUEST_FAILED', attempts: 2 })
    expect(error.message).toMatch(/failed after 2 attempts.*network error/)
  })

  it('should split text over the model limit into several requests and join the audio', async () => {
    const sentence = 'यह एक लंबी कहानी का एक वाक्य है जो बार बार आता है। '
    const text = sentence.repeat(80) // ~4000 characters
    const result = await provider({ model: 'bulbul:v2' }).p.synthesize({ text, locale: 'hi', speaker: 'meera' })
    const sent = bodies().map((b) => b.text as string)
    expect(sent.length).toBe(3)
    for (const t of sent) expect([...t].length).toBeLessThanOrEqual(1500)
    expect(sent.join(' ')).toBe(text.trim())
    expect(result.calls).toBe(3)
    expect(result.pcm.samples.length / 24000).toBeCloseTo(sent.reduce((n, t) => n + [...t].length, 0) * FAKE_SARVAM_SECONDS_PER_CHAR, 1)
  })

  it('should space requests by the configured requests per minute', async () => {
    const { p, time } = provider({ requestsPerMinute: 60 })
    await p.synthesize({ text: 'एक। '.repeat(1000), locale: 'hi', speaker: 'meera' })
    expect(fake.requests.length).toBe(2)
    expect(time.sleeps).toEqual([1000])
  })

  it('should report audio that is not a WAV as malformed', async () => {
    fake.malformNext(1)
    const error = await rejection(provider().p.synthesize({ text: 'Namaste', locale: 'hi', speaker: 'meera' }))
    expect(error.code).toBe('MALFORMED_AUDIO')
    expect(error.message).toMatch(/Malformed WAV from Sarvam text-to-speech .*not a RIFF\/WAVE file/)
  })

  it('should refuse empty text without a request', async () => {
    const error = await rejection(provider().p.synthesize({ text: '  ', locale: 'hi', speaker: 'meera' }))
    expect(error.code).toBe('EMPTY_TEXT')
    expect(fake.requests).toHaveLength(0)
  })
})
