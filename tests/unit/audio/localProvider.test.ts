import { describe, expect, it } from 'vitest'

import { createEspeakEngine, findEspeakBinary, type EspeakBackend } from '@/audio/providers/espeak'
import { TtsError } from '@/domain/audio/ttsError'
import { createLocalProvider, localVoice } from '@/audio/providers/localProvider'
import { synthesizeToOpus } from '@/audio/synthesizeToOpus'
import { transliterateHinglish } from '@/domain/audio/transliterate'
import type { LocaleCode } from '@/locales'

const SAMPLES: Record<LocaleCode, string> = {
  en: 'Once upon a time, a little monkey lived in a big tree.',
  hi: 'एक दिन एक छोटा बंदर पेड़ पर खेल रहा था।',
  bn: 'একদিন একটি ছোট বানর গাছে খেলছিল।',
  ta: 'ஒரு நாள் ஒரு சிறிய குரங்கு மரத்தில் விளையாடிக் கொண்டிருந்தது.',
  te: 'ఒక రోజు ఒక చిన్న కోతి చెట్టు మీద ఆడుకుంటోంది.',
  kn: 'ಒಂದು ದಿನ ಒಂದು ಚಿಕ್ಕ ಕೋತಿ ಮರದ ಮೇಲೆ ಆಡುತ್ತಿತ್ತು.',
  ml: 'ഒരു ദിവസം ഒരു ചെറിയ കുരങ്ങൻ മരത്തിൽ കളിക്കുകയായിരുന്നു.',
  mr: 'एके दिवशी एक लहान माकड झाडावर खेळत होते.',
  gu: 'એક દિવસ એક નાનો વાંદરો ઝાડ પર રમતો હતો.',
  pa: 'ਇੱਕ ਦਿਨ ਇੱਕ ਛੋਟਾ ਬਾਂਦਰ ਦਰੱਖਤ ਉੱਤੇ ਖੇਡ ਰਿਹਾ ਸੀ।',
  od: 'ଦିନେ ଗୋଟିଏ ଛୋଟ ମାଙ୍କଡ଼ ଗଛରେ ଖେଳୁଥିଲା।',
  'hi-mixed': 'Ek din ek chhota bandar school ke paas khel raha tha.',
}

const backends: EspeakBackend[] = findEspeakBinary() ? ['binary', 'wasm'] : ['wasm']

describe.each(backends)('local provider (espeak-ng %s)', (backend) => {
  const provider = createLocalProvider({ backend })

  it('should name its backend in the model', () => {
    expect(provider.model).toBe(`espeak-ng:${backend}`)
  })

  it.each(Object.keys(SAMPLES) as LocaleCode[])('should voice %s as Ogg/Opus with a plausible duration', async (locale) => {
    const text = SAMPLES[locale]
    const audio = await synthesizeToOpus(provider, { text, locale, speaker: 'meera' })
    // espeak speaks ~10-20 characters a second.
    expect(audio.durationSec).toBeGreaterThan(text.length / 40)
    expect(audio.durationSec).toBeLessThan(text.length / 4)
    expect(audio.bytes.length / audio.durationSec).toBeLessThan(4096)
    expect(audio).toMatchObject({ calls: 1, chars: [...text].length })
  })

  it('should give different characters different voices', async () => {
    const text = SAMPLES.hi
    const [meera, pavithra, arvind] = await Promise.all(['meera', 'pavithra', 'arvind'].map((speaker) => provider.synthesize({ text, locale: 'hi', speaker })))
    const differs = (a: Int16Array, b: Int16Array) => a.length !== b.length || a.some((s, i) => s !== b[i])
    expect(differs(meera.pcm.samples, pavithra.pcm.samples)).toBe(true)
    expect(differs(meera.pcm.samples, arvind.pcm.samples)).toBe(true)
  })

  it('should give a spec speaker and its Sarvam stand-in the same voice', async () => {
    const [meera, ritu] = await Promise.all(['meera', 'ritu'].map((speaker) => provider.synthesize({ text: SAMPLES.en, locale: 'en', speaker })))
    expect(Buffer.from(ritu.pcm.samples.buffer).equals(Buffer.from(meera.pcm.samples.buffer))).toBe(true)
  })

  it('should speak Hinglish as its Devanagari transliteration with the Hindi voice', async () => {
    const text = SAMPLES['hi-mixed']
    const [mixed, hindi] = await Promise.all([
      provider.synthesize({ text, locale: 'hi-mixed', speaker: 'arvind' }),
      provider.synthesize({ text: transliterateHinglish(text), locale: 'hi', speaker: 'arvind' }),
    ])
    expect(Buffer.from(mixed.pcm.samples.buffer).equals(Buffer.from(hindi.pcm.samples.buffer))).toBe(true)
  })

  it('should speak faster with a higher pace', async () => {
    const [normal, fast] = await Promise.all([1, 2].map((pace) => provider.synthesize({ text: SAMPLES.en, locale: 'en', speaker: 'meera', settings: { pace } })))
    expect(fast.pcm.samples.length).toBeLessThan(normal.pcm.samples.length * 0.7)
  })

  it('should voice text that starts with a dash', async () => {
    const result = await provider.synthesize({ text: '-v is not an option here', locale: 'en', speaker: 'meera' })
    expect(result.pcm.samples.length / result.pcm.sampleRate).toBeGreaterThan(0.5)
  })
})

describe('local provider errors', () => {
  const provider = createLocalProvider({ backend: 'wasm' })

  it('should refuse a locale it cannot speak', async () => {
    await expect(provider.synthesize({ text: 'Bonjour', locale: 'fr' as LocaleCode, speaker: 'meera' })).rejects.toThrow(
      /local TTS provider cannot speak locale "fr"; it speaks: en, hi, /,
    )
  })

  it('should refuse empty text', async () => {
    await expect(provider.synthesize({ text: '', locale: 'hi', speaker: 'meera' })).rejects.toMatchObject({ code: 'EMPTY_TEXT' })
  })

  it('should refuse an unknown speaker naming the valid ones', async () => {
    const error = await provider.synthesize({ text: 'Hi', locale: 'en', speaker: 'gandalf' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TtsError)
    expect((error as TtsError).message).toMatch(/Unknown speaker "gandalf" for the local espeak-ng provider\. Valid speakers: meera, pavithra/)
  })

  it('should refuse out-of-range settings', async () => {
    await expect(provider.synthesize({ text: 'Hi', locale: 'en', speaker: 'meera', settings: { pitch: 2 } })).rejects.toMatchObject({ code: 'INVALID_SETTINGS' })
  })
})

describe('espeak-ng backend choice', () => {
  it('should fall back to the npm WASM build when the binary is not on PATH', () => {
    expect(findEspeakBinary('/nonexistent:/also/missing')).toBeUndefined()
    expect(createEspeakEngine('auto', () => findEspeakBinary('/nonexistent')).backend).toBe('wasm')
  })

  it('should use the binary when it is on PATH', () => {
    expect(createEspeakEngine('auto', () => '/usr/bin/espeak-ng').backend).toBe('binary')
  })

  it('should refuse to use a binary that is not installed', () => {
    expect(() => createEspeakEngine('binary', () => undefined)).toThrow(/espeak-ng binary was requested but is not on PATH/)
  })
})

describe('localVoice', () => {
  it('should keep every speaker identity distinct in variant and pitch', () => {
    const names = ['meera', 'pavithra', 'maitreyi', 'diya', 'maya', 'misha', 'arvind', 'amol', 'amartya', 'neel', 'vian', 'arjun', 'shubh', 'ishita']
    const voices = names.map((n) => localVoice(n, 'hi'))
    expect(new Set(voices.map((v) => `${v.voice}/${v.pitch}`)).size).toBe(names.length)
  })

  it('should keep the gender of a speaker', () => {
    expect(localVoice('meera', 'hi').voice).toMatch(/^hi\+f\d$/)
    expect(localVoice('arvind', 'ta').voice).toMatch(/^ta\+m\d$/)
  })

  it('should use espeak voice "or" for Odia', () => {
    expect(localVoice('meera', 'od').voice).toMatch(/^or\+/)
  })
})
