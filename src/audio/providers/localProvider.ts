import { createEspeakEngine, type EspeakBackend, type EspeakEngine, type EspeakVoice } from '@/audio/providers/espeak'
import { TtsError } from '@/domain/audio/ttsError'
import { VOICE_SLOTS, allSpeakerNames, findVoiceSlot, genderOf, type Gender } from '@/domain/audio/speakers'
import type { PcmAudio, SynthesisResult, SynthesizeRequest, TtsProvider, VoiceSettings } from '@/audio/providers/types'
import { assertSpeakable, countChars } from '@/audio/providers/assertSpeakable'
import { concatPcm } from '@/audio/codec/wav'
import { splitText } from '@/domain/audio/splitText'
import { transliterateHinglish } from '@/domain/audio/transliterate'
import { LOCALE_CODES, getLocale, type LocaleCode } from '@/locales'

/** espeak has no hard limit; chunks bound the work (and WASM memory) of one call. */
export const LOCAL_MAX_CHARS = 1000

const VARIANTS: Readonly<Record<Gender, readonly string[]>> = {
  female: ['f1', 'f2', 'f3', 'f4', 'f5'],
  male: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'],
}

export type LocalProviderOptions = {
  /** `auto` (default): the Debian binary when on PATH, else the npm WASM build. */
  backend?: EspeakBackend | 'auto'
  engine?: EspeakEngine
}

/**
 * Offline voices with espeak-ng, for development, CI and previews without a Sarvam key. Speaks
 * every locale: each Indian language with its own espeak voice (Odia is espeak's `or`), English
 * with `en`, and Hinglish transliterated to Devanagari for the Hindi voice (espeak would read Latin
 * letters as English). Speakers are the same names Sarvam takes; each voice identity (meera =
 * anushka = ritu, as on Sarvam) gets its own variant, pitch and rate, keeping its gender.
 */
export function createLocalProvider(options: LocalProviderOptions = {}): TtsProvider {
  const engine = options.engine ?? createEspeakEngine(options.backend ?? 'auto')
  const provider: TtsProvider = {
    name: 'local',
    model: `espeak-ng:${engine.backend}`,
    maxChars: LOCAL_MAX_CHARS,
    languages: LOCALE_CODES,
    speakers: allSpeakerNames,
    synthesize: async (request: SynthesizeRequest): Promise<SynthesisResult> => {
      const locale = assertSpeakable(provider, request)
      const voice = withSettings(localVoice(request.speaker, locale), request.settings ?? {})
      const chunks = splitText(textFor(locale, request.text), LOCAL_MAX_CHARS)
      const parts: PcmAudio[] = []
      for (const chunk of chunks) {
        request.signal?.throwIfAborted()
        parts.push(await engine.synthesize(chunk, voice))
      }
      // chars counts the line as written (not its transliteration), like a paid provider would.
      return { pcm: concatPcm(parts), calls: chunks.length, attempts: chunks.length, chars: countChars(request.text.trim()) }
    },
  }
  return provider
}

function textFor(locale: LocaleCode, text: string): string {
  return locale === 'hi-mixed' ? transliterateHinglish(text) : text
}

/**
 * The espeak voice of a speaker: identities are the spec slots, then the remaining Sarvam v3
 * voices; the k-th identity of a gender takes variant k mod n and a pitch/rate stepped by a
 * stride coprime to its range, so no two identities share variant and pitch.
 */
export function localVoice(speaker: string, locale: LocaleCode): EspeakVoice {
  const name = findVoiceSlot(speaker)?.spec ?? speaker.trim().toLowerCase()
  const gender = genderOf(name)
  if (!gender) {
    throw new TtsError('UNKNOWN_SPEAKER', `Unknown speaker "${speaker}" for the local espeak-ng provider. Valid speakers: ${allSpeakerNames().join(', ')}`)
  }
  const k = identitiesOf(gender).indexOf(name)
  const variants = VARIANTS[gender]
  const basePitch = gender === 'female' ? 50 : 20
  return {
    voice: `${getLocale(locale).espeak}+${variants[k % variants.length]}`,
    pitch: basePitch + ((k * 7) % 41),
    rate: 145 + ((k * 13) % 40),
    amplitude: 100,
  }
}

function identitiesOf(gender: Gender): string[] {
  const slotNames = new Set(VOICE_SLOTS.flatMap((s) => [s.spec, s['bulbul:v2'], s['bulbul:v3']]))
  const identities = [...VOICE_SLOTS.map((s) => s.spec), ...allSpeakerNames().filter((n) => !slotNames.has(n))]
  return identities.filter((n) => genderOf(n) === gender)
}

const SETTING_RANGES: Readonly<Record<'pace' | 'pitch' | 'loudness', readonly [number, number]>> = {
  pace: [0.3, 3],
  pitch: [-0.75, 0.75],
  loudness: [0.3, 3],
}

/** Apply pace/pitch/loudness (Sarvam's ranges) to an espeak voice; temperature has no equivalent. */
function withSettings(voice: EspeakVoice, settings: VoiceSettings): EspeakVoice {
  for (const [key, [min, max]] of Object.entries(SETTING_RANGES) as [keyof typeof SETTING_RANGES, readonly [number, number]][]) {
    const value = settings[key]
    if (value !== undefined && (!Number.isFinite(value) || value < min || value > max)) {
      throw new TtsError('INVALID_SETTINGS', `Local voice ${key} must be from ${min} to ${max}, got ${value}`)
    }
  }
  return {
    voice: voice.voice,
    rate: clamp(Math.round(voice.rate * (settings.pace ?? 1)), 80, 450),
    pitch: clamp(Math.round(voice.pitch + (settings.pitch ?? 0) * 40), 0, 99),
    amplitude: clamp(Math.round(voice.amplitude * (settings.loudness ?? 1)), 0, 200),
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
