import { SarvamAI, SarvamAIClient } from 'sarvamai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { parseWav } from '@/audio/codec/wav'
import { startFakeSarvam, type FakeSarvam } from '../../support/fakeSarvam'

let fake: FakeSarvam

beforeAll(async () => {
  fake = await startFakeSarvam()
})
afterAll(() => fake.close())
afterEach(() => fake.reset())

async function post(body: unknown, headers: Record<string, string> = { 'api-subscription-key': 'k' }) {
  const res = await fetch(`${fake.url}/text-to-speech`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  return { status: res.status, headers: res.headers, body: (await res.json()) as { error?: { message: string; code: string; request_id: string }; audios?: string[] } }
}

const valid = { text: 'Namaste', language_code: 'hi-IN', speaker: 'ritu', model: 'bulbul:v3' }

describe('fake Sarvam text-to-speech', () => {
  it('should answer the SDK with a WAV at the requested sample rate', async () => {
    const client = new SarvamAIClient({ apiSubscriptionKey: 'k', baseUrl: fake.url, maxRetries: 0 })
    const response = await client.textToSpeech.convert({ ...valid, speaker: 'ritu', language_code: 'hi-IN', model: 'bulbul:v3', speech_sample_rate: 16000 })
    expect(response.request_id).toMatch(/^fake_/)
    expect(parseWav(Buffer.from(response.audios[0], 'base64')).sampleRate).toBe(16000)
  })

  it('should surface its errors as the SDK error classes', async () => {
    const client = new SarvamAIClient({ apiSubscriptionKey: 'k', baseUrl: fake.url, maxRetries: 0 })
    const error = await client.textToSpeech.convert({ ...valid, speaker: 'anushka', language_code: 'hi-IN', model: 'bulbul:v3' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SarvamAI.BadRequestError)
    expect((error as SarvamAI.BadRequestError).body).toMatchObject({ error: { code: 'invalid_request_error' } })
  })

  it('should not give a scripted answer set after a reset to a request that arrived before it (a test must not take the last one\'s leftovers)', async () => {
    fake.delayNext(300, 1)
    const slow = post(valid)
    await new Promise((resolve) => setTimeout(resolve, 100))
    fake.reset()
    fake.failNext(429, 1, 2)
    expect((await slow).status).toBe(200)
    const next = await post(valid)
    expect(next.status).toBe(429)
    expect(next.headers.get('retry-after')).toBe('2')
  })

  it('should accept the older target_language_code and inputs fields', async () => {
    const res = await post({ inputs: ['Ek', 'Do'], target_language_code: 'hi-IN', speaker: 'anushka', model: 'bulbul:v2' })
    expect(res.status).toBe(200)
    expect(res.body.audios).toHaveLength(2)
  })

  it('should reject a request without a subscription key with 403', async () => {
    const res = await post(valid, {})
    expect(res.status).toBe(403)
    expect(res.body.error).toMatchObject({ code: 'invalid_api_key_error', message: expect.stringMatching(/Invalid API key/) })
  })

  it.each<[string, Record<string, unknown>, number, RegExp]>([
    ['an unknown language', { language_code: 'fr-FR' }, 422, /language_code must be one of/],
    ['a missing language', { language_code: undefined }, 422, /language_code must be one of/],
    ['an unknown model', { model: 'bulbul:v9' }, 422, /model must be one of/],
    ['a speaker of another model', { speaker: 'anushka' }, 400, /Speaker "anushka" is not compatible with model bulbul:v3/],
    ['text over the model limit', { text: 'a'.repeat(2501) }, 400, /Text exceeds 2500 characters for bulbul:v3/],
    ['v2 text over its limit', { text: 'a'.repeat(1501), model: 'bulbul:v2', speaker: 'anushka' }, 400, /Text exceeds 1500/],
    ['a pace out of range', { pace: 2.5 }, 422, /pace must be a number from 0.5 to 2/],
    ['pitch on bulbul:v3', { pitch: 0.1 }, 400, /pitch is not supported for bulbul:v3/],
    ['a pitch out of range on v2', { pitch: 1, model: 'bulbul:v2', speaker: 'anushka' }, 422, /pitch must be a number from -0.75 to 0.75/],
    ['an unsupported sample rate', { speech_sample_rate: 11025 }, 422, /speech_sample_rate must be one of/],
    ['empty text', { text: ' ' }, 422, /text must not be empty/],
  ])('should reject %s', async (_, change, status, message) => {
    const res = await post({ ...valid, ...change })
    expect(res.status).toBe(status)
    expect(res.body.error?.message).toMatch(message)
    expect(res.body.error?.request_id).toBeTruthy()
  })

  it('should answer scripted 429s with Retry-After, then recover', async () => {
    fake.failNext(429, 2, 3)
    const statuses = [(await post(valid)).status, (await post(valid)).status, (await post(valid)).status]
    expect(statuses).toEqual([429, 429, 200])
    fake.failNext(429, 1, 3)
    expect((await post(valid)).headers.get('retry-after')).toBe('3')
  })

  it('should record the requests it saw', async () => {
    await post(valid)
    expect(fake.requests).toHaveLength(1)
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/text-to-speech', body: valid, status: 200 })
  })
})
