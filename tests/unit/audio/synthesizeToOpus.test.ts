import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createProvider } from '@/audio/providers/createProvider'
import { TtsError } from '@/domain/audio/ttsError'
import { LEAD_SEC, SENTENCE_GAP_SEC, setLineEncoder, synthesizeToOpus, TAIL_SEC } from '@/audio/synthesizeToOpus'
import { encodeOpus } from '@/audio/codec/opus'
import { EncodeRejected } from '@/audio/codec/encodePool'
import type { PcmAudio, TtsProvider } from '@/audio/providers/types'
import { LOCALE_CODES } from '@/locales'
import { speechLikePcm } from '../../support/pcm'
import { startFakeSarvam, type FakeSarvam } from '../../support/fakeSarvam'

function stubProvider(pcm: PcmAudio | undefined): TtsProvider {
  return {
    name: 'local',
    model: 'stub',
    maxChars: 100,
    languages: LOCALE_CODES,
    speakers: () => ['meera'],
    synthesize: async () => ({ pcm: pcm as PcmAudio, calls: 1, attempts: 1, chars: 5 }),
  }
}

async function rejection(promise: Promise<unknown>): Promise<TtsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(TtsError)
  return error as TtsError
}

describe('synthesizeToOpus', () => {
  let fake: FakeSarvam
  let sarvam: TtsProvider
  const secondsPerChar = 0.02

  beforeAll(async () => {
    fake = await startFakeSarvam({ secondsPerChar })
    sarvam = createProvider({ SARVAM_API_KEY: 'k', SARVAM_BASE_URL: fake.url, SARVAM_MODEL: 'bulbul:v2', SARVAM_RPM: '6000' })
  })
  afterAll(() => fake.close())

  it('should return Ogg/Opus bytes with duration, checksum, characters and calls', async () => {
    const text = 'एक दिन एक बंदर था।'
    const audio = await synthesizeToOpus(sarvam, { text, locale: 'hi', speaker: 'meera' })
    expect(audio.bytes.subarray(0, 4).toString('ascii')).toBe('OggS')
    // the speech, plus the silence before and after it
    expect(audio.durationSec).toBeCloseTo(LEAD_SEC + [...text].length * secondsPerChar + TAIL_SEC, 2)
    expect(audio.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(audio).toMatchObject({ chars: [...text].length, calls: 1 })
    expect(audio.cues).toHaveLength(1)
    expect(audio.cues[0]).toMatchObject({ start: LEAD_SEC, text })
    expect(audio.cues[0]!.end).toBeCloseTo(LEAD_SEC + [...text].length * secondsPerChar, 3)
  })

  it('should voice a line a sentence at a time, with a cue per sentence and a pause between', async () => {
    const sentences = ['एक दिन एक बंदर था।', 'वह बहुत भूखा था!', 'फिर क्या हुआ?']
    const audio = await synthesizeToOpus(sarvam, { text: sentences.join(' '), locale: 'hi', speaker: 'meera' })
    expect(audio.calls).toBe(3)
    expect(audio.cues.map((c) => c.text)).toEqual(sentences)
    let t = LEAD_SEC
    sentences.forEach((sentence, i) => {
      const speech = [...sentence].length * secondsPerChar
      expect(audio.cues[i]!.start).toBeCloseTo(t, 3)
      expect(audio.cues[i]!.end).toBeCloseTo(t + speech, 3)
      t += speech + SENTENCE_GAP_SEC
    })
    expect(audio.durationSec).toBeCloseTo(t - SENTENCE_GAP_SEC + TAIL_SEC, 2)
  })

  it('should send the spoken form of each sentence and cue the written one', async () => {
    fake.reset()
    const audio = await synthesizeToOpus(sarvam, {
      text: 'Chintu ran. Chintu sat.',
      sentences: [
        { text: 'Chintu ran.', spoken: 'Chin-too ran.' },
        { text: 'Chintu sat.', spoken: 'Chin-too sat.' },
      ],
      locale: 'en',
      speaker: 'meera',
    })
    expect(fake.requests.map((r) => (r.body as { text?: string }).text)).toEqual(['Chin-too ran.', 'Chin-too sat.'])
    expect(audio.cues.map((c) => c.text)).toEqual(['Chintu ran.', 'Chintu sat.'])
  })

  it.each(['meera', 'arvind', 'anushka', 'karun'])('should bring the stand-in\'s %s voice (its own level) to -16 LUFS and under -1.5 dBTP', async (speaker) => {
    const audio = await synthesizeToOpus(sarvam, { text: 'Ek chhoti si kahani hai yeh.', locale: 'hi-mixed', speaker })
    expect(Math.abs(audio.loudness!.integratedLufs + 16)).toBeLessThanOrEqual(1)
    expect(audio.loudness!.truePeakDbtp).toBeLessThanOrEqual(-1.5)
  })

  it('should encode without normalisation only while a benchmark has set a plain encoder, and normalise again once it is unset', async () => {
    const line = { text: 'Ek chhoti si kahani hai yeh.', locale: 'hi-mixed' as const, speaker: 'anushka' }
    const normalised = await synthesizeToOpus(sarvam, line)
    const previous = setLineEncoder(async (samples, sampleRate) => ({ bytes: await encodeOpus(samples, sampleRate), loudness: null }))
    let plain
    try {
      plain = await synthesizeToOpus(sarvam, line)
    } finally {
      setLineEncoder(previous)
    }
    expect(plain.loudness).toBeNull()
    expect(plain.sha256).not.toBe(normalised.sha256)
    expect(plain.durationSec).toBeCloseTo(normalised.durationSec, 2)
    const again = await synthesizeToOpus(sarvam, line)
    expect(again.sha256).toBe(normalised.sha256)
    expect(again.loudness).toEqual(normalised.loudness)
    setLineEncoder(undefined)
    expect((await synthesizeToOpus(sarvam, line)).sha256).toBe(normalised.sha256)
  })

  it('should fail a line whose audio cannot be encoded, and pass a failure of the encode threads through for a retry', async () => {
    const line = { text: 'Ek chhoti si kahani hai yeh.', locale: 'hi-mixed' as const, speaker: 'anushka' }
    const previous = setLineEncoder(async () => {
      throw new EncodeRejected('Cannot normalise silence')
    })
    try {
      const rejected = await rejection(synthesizeToOpus(sarvam, line))
      expect(rejected.code).toBe('MALFORMED_AUDIO')
      expect(rejected.message).toMatch(/Cannot normalise silence/)
      const crash = new Error('Terminating worker thread')
      setLineEncoder(async () => {
        throw crash
      })
      expect(await synthesizeToOpus(sarvam, line).catch((e: unknown) => e)).toBe(crash)
    } finally {
      setLineEncoder(previous)
    }
  })

  it('should split a sentence over one request limit into several calls', async () => {
    const text = 'Ek chhoti si kahani hai yeh, '.repeat(120) // ~3500 chars in one sentence, bulbul:v2 takes 1500
    const audio = await synthesizeToOpus(sarvam, { text, locale: 'hi-mixed', speaker: 'arvind' })
    expect(audio.calls).toBe(3)
    expect(audio.durationSec).toBeCloseTo(LEAD_SEC + audio.chars * secondsPerChar + TAIL_SEC, 1)
  }, 60_000)

  it('should refuse empty text before calling the provider', async () => {
    fake.reset()
    expect((await rejection(synthesizeToOpus(sarvam, { text: ' ', locale: 'hi', speaker: 'meera' }))).code).toBe('EMPTY_TEXT')
    expect(fake.requests).toHaveLength(0)
  })

  it('should refuse a language the provider cannot speak', async () => {
    const hindiOnly: TtsProvider = { ...stubProvider(speechLikePcm(1)), languages: ['hi'] }
    const error = await rejection(synthesizeToOpus(hindiOnly, { text: 'Hello', locale: 'ta', speaker: 'meera' }))
    expect(error.code).toBe('UNSUPPORTED_LOCALE')
    expect(error.message).toMatch(/cannot speak locale "ta"; it speaks: hi/)
  })

  it('should reject a provider that returns no PCM', async () => {
    const error = await rejection(synthesizeToOpus(stubProvider(undefined), { text: 'Hello', locale: 'en', speaker: 'meera' }))
    expect(error.message).toMatch(/The local provider \(stub\) returned malformed audio/)
  })

  it('should reject audio far too short for the text', async () => {
    const error = await rejection(synthesizeToOpus(stubProvider(speechLikePcm(0.01)), { text: 'A whole sentence of text here', locale: 'en', speaker: 'meera' }))
    expect(error.message).toMatch(/returned 0.010 s of audio for 29 characters/)
  })

  it('should reject silence', async () => {
    const silence = { samples: new Int16Array(24000), sampleRate: 24000 }
    const error = await rejection(synthesizeToOpus(stubProvider(silence), { text: 'Hello', locale: 'en', speaker: 'meera' }))
    expect(error.message).toMatch(/pure silence/)
  })

  it('should pass on malformed audio from Sarvam as a clear error', async () => {
    fake.malformNext(1)
    const error = await rejection(synthesizeToOpus(sarvam, { text: 'Namaste', locale: 'hi', speaker: 'meera' }))
    expect(error.code).toBe('MALFORMED_AUDIO')
  })
})
