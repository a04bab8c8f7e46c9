import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createProvider } from '@/audio/providers/createProvider'
import { startFakeSarvam, type FakeSarvam } from '../../support/fakeSarvam'

describe('createProvider', () => {
  let fake: FakeSarvam

  beforeAll(async () => {
    fake = await startFakeSarvam()
  })
  afterAll(() => fake.close())

  it('should choose Sarvam bulbul:v3 when SARVAM_API_KEY is set', () => {
    const p = createProvider({ SARVAM_API_KEY: 'key' })
    expect(p).toMatchObject({ name: 'sarvam', model: 'bulbul:v3', maxChars: 2500 })
  })

  it('should take the model from SARVAM_MODEL', () => {
    expect(createProvider({ SARVAM_API_KEY: 'key', SARVAM_MODEL: 'bulbul:v2' })).toMatchObject({ model: 'bulbul:v2', maxChars: 1500 })
  })

  it('should send requests to SARVAM_BASE_URL with the key', async () => {
    const p = createProvider({ SARVAM_API_KEY: 'secret', SARVAM_BASE_URL: fake.url })
    await p.synthesize({ text: 'Hello', locale: 'en', speaker: 'meera' })
    expect(fake.requests.at(-1)?.headers['api-subscription-key']).toBe('secret')
  })

  it('should choose the local provider without a key', () => {
    expect(createProvider({ ESPEAK_BACKEND: 'wasm' })).toMatchObject({ name: 'local', model: 'espeak-ng:wasm' })
  })

  it('should treat an empty key as no key', () => {
    expect(createProvider({ SARVAM_API_KEY: '', ESPEAK_BACKEND: 'wasm' }).name).toBe('local')
  })

  it('should let TTS_PROVIDER force the local provider', () => {
    expect(createProvider({ SARVAM_API_KEY: 'key', TTS_PROVIDER: 'local', ESPEAK_BACKEND: 'wasm' }).name).toBe('local')
  })

  it.each([
    [{ SARVAM_API_KEY: 'key', SARVAM_MODEL: 'bulbul:v1' }, /SARVAM_MODEL must be one of bulbul:v2, bulbul:v3/],
    [{ SARVAM_API_KEY: 'key', SARVAM_RPM: 'lots' }, /SARVAM_RPM must be a number/],
    [{ SARVAM_API_KEY: 'key', SARVAM_RPM: '0' }, /SARVAM_RPM must be positive/],
    [{ SARVAM_API_KEY: 'key', SARVAM_BASE_URL: 'not a url' }, /SARVAM_BASE_URL must be a URL/],
    [{ TTS_PROVIDER: 'sarvam' }, /TTS_PROVIDER=sarvam needs SARVAM_API_KEY/],
  ])('should refuse invalid configuration %j', (env, message) => {
    expect(() => createProvider(env)).toThrow(message)
  })
})
