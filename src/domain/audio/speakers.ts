import { TtsError } from '@/domain/audio/ttsError'

export type SarvamModel = 'bulbul:v2' | 'bulbul:v3'
export const SARVAM_MODELS: readonly SarvamModel[] = ['bulbul:v2', 'bulbul:v3']
export const DEFAULT_SARVAM_MODEL: SarvamModel = 'bulbul:v3'

export type Gender = 'female' | 'male'

/**
 * One character voice across Sarvam model generations. Characters carry a *spec speaker*: a
 * bulbul:v1 name (meera, arvind, ...; v1 is being retired). Each slot names the voice that stands
 * in for it on every later model, keeping the gender, so a story keeps distinct voices when the
 * model changes. bulbul:v2 has only 4 female and 3 male voices: slots past those share a v2 voice
 * (marked `shared`); bulbul:v3 has enough for every slot to stay distinct.
 */
export type VoiceSlot = { spec: string; gender: Gender; 'bulbul:v2': string; 'bulbul:v3': string }

export const VOICE_SLOTS: readonly VoiceSlot[] = [
  { spec: 'meera', gender: 'female', 'bulbul:v2': 'anushka', 'bulbul:v3': 'ritu' },
  { spec: 'pavithra', gender: 'female', 'bulbul:v2': 'vidya', 'bulbul:v3': 'priya' },
  { spec: 'maitreyi', gender: 'female', 'bulbul:v2': 'manisha', 'bulbul:v3': 'neha' },
  { spec: 'diya', gender: 'female', 'bulbul:v2': 'arya', 'bulbul:v3': 'kavya' },
  { spec: 'maya', gender: 'female', 'bulbul:v2': 'anushka' /* shared */, 'bulbul:v3': 'pooja' },
  { spec: 'misha', gender: 'female', 'bulbul:v2': 'vidya' /* shared */, 'bulbul:v3': 'simran' },
  { spec: 'arvind', gender: 'male', 'bulbul:v2': 'abhilash', 'bulbul:v3': 'rahul' },
  { spec: 'amol', gender: 'male', 'bulbul:v2': 'karun', 'bulbul:v3': 'aditya' },
  { spec: 'amartya', gender: 'male', 'bulbul:v2': 'hitesh', 'bulbul:v3': 'rohan' },
  { spec: 'neel', gender: 'male', 'bulbul:v2': 'abhilash' /* shared */, 'bulbul:v3': 'amit' },
  { spec: 'vian', gender: 'male', 'bulbul:v2': 'karun' /* shared */, 'bulbul:v3': 'dev' },
  { spec: 'arjun', gender: 'male', 'bulbul:v2': 'hitesh' /* shared */, 'bulbul:v3': 'varun' },
]

/** Voices each model declares (sarvamai SDK 1.1.x types). */
export const MODEL_VOICES: Readonly<Record<SarvamModel, readonly string[]>> = {
  'bulbul:v2': ['anushka', 'manisha', 'vidya', 'arya', 'abhilash', 'karun', 'hitesh'],
  'bulbul:v3': [
    'shubh', 'aditya', 'ritu', 'priya', 'neha', 'rahul', 'pooja', 'rohan', 'simran', 'kavya',
    'amit', 'dev', 'ishita', 'shreya', 'ratan', 'varun', 'manan', 'sumit', 'roopa', 'kabir',
    'aayan', 'ashutosh', 'advait', 'anand', 'tanya', 'tarun', 'sunny', 'mani', 'gokul', 'vijay',
    'shruti', 'suhani', 'mohit', 'kavitha', 'rehan', 'soham', 'rupali',
  ],
}

const V3_FEMALE = new Set([
  'ritu', 'priya', 'neha', 'pooja', 'simran', 'kavya', 'ishita', 'shreya', 'roopa', 'tanya',
  'shruti', 'suhani', 'kavitha', 'rupali',
])

/** Gender of a voice name of any generation, or undefined for a name we do not know. */
export function genderOf(name: string): Gender | undefined {
  const slot = findVoiceSlot(name)
  if (slot) return slot.gender
  const n = name.trim().toLowerCase()
  if (!MODEL_VOICES['bulbul:v3'].includes(n)) return undefined
  return V3_FEMALE.has(n) ? 'female' : 'male'
}

/** Every name any provider accepts: spec speakers, then the v2 and v3 voices. */
export function allSpeakerNames(): string[] {
  return [...new Set([...VOICE_SLOTS.map((s) => s.spec), ...MODEL_VOICES['bulbul:v2'], ...MODEL_VOICES['bulbul:v3']])]
}

/** The slot a name belongs to: its spec name first, then a v2 name, then a v3 name. */
export function findVoiceSlot(name: string): VoiceSlot | undefined {
  const n = name.trim().toLowerCase()
  return (
    VOICE_SLOTS.find((s) => s.spec === n) ??
    VOICE_SLOTS.find((s) => s['bulbul:v2'] === n) ??
    VOICE_SLOTS.find((s) => s['bulbul:v3'] === n)
  )
}

/** Names a model accepts: every spec speaker plus the model's own voices. */
export function speakersFor(model: SarvamModel): string[] {
  return [...new Set([...VOICE_SLOTS.map((s) => s.spec), ...MODEL_VOICES[model]])]
}

/**
 * The model voice to request for `speaker`: a model voice stays itself, any other known name goes
 * through its slot (meera -> anushka on v2, ritu on v3; anushka -> ritu on v3).
 */
export function resolveSarvamSpeaker(model: SarvamModel, speaker: string): string {
  const name = speaker.trim().toLowerCase()
  if (MODEL_VOICES[model].includes(name)) return name
  const slot = findVoiceSlot(name)
  if (slot) return slot[model]
  throw new TtsError(
    'UNKNOWN_SPEAKER',
    `Unknown speaker "${speaker}" for Sarvam ${model}. Valid speakers: ${speakersFor(model).join(', ')}`,
  )
}

/**
 * Who voices a line: its character's speaker, or the narrator's (`AUDIO_NARRATOR_SPEAKER`) when it
 * has no character or the character names none. Trimmed and lowercase, as audio rows store it.
 */
export function nodeSpeaker(characterSpeaker: string | null | undefined, narrator: string): string {
  return (characterSpeaker?.trim() || narrator).trim().toLowerCase()
}

/**
 * The voice families a cast entry may be for: the offline local voices and each Sarvam model. A
 * speaker chosen for one model (bulbul:v3's shubh) means nothing to another, so an entry may name
 * its model; an entry without one holds for every model.
 */
export const CAST_MODELS = ['local', ...SARVAM_MODELS] as const
export type CastModel = (typeof CAST_MODELS)[number]

export const isCastModel = (value: unknown): value is CastModel => (CAST_MODELS as readonly unknown[]).includes(value)

/** The cast model of a provider: its Sarvam model, or `local` for the offline voices. */
export function castModelOf(provider: { name: string; model: string }): CastModel {
  return provider.name === 'sarvam' && isCastModel(provider.model) ? provider.model : 'local'
}

/** Names a cast entry for `model` may use (the local voices accept every known name). */
export function castSpeakersFor(model: CastModel): string[] {
  return model === 'local' ? allSpeakerNames() : speakersFor(model)
}

/**
 * A character's voice per locale where it differs from its default speaker (the voice cast), for
 * one model or (no `model`) for every model.
 */
export type VoiceCastEntry = { locale: string; speaker: string; model?: string | null }

/** What decides a character's voice: its default speaker and its per-locale cast. */
export type CastCharacter = { bulbulSpeaker?: string | null; voiceCast?: readonly VoiceCastEntry[] | null }

/**
 * Who voices a character's line in `locale` with `model`'s voices: the cast's speaker for that
 * locale and model, else its speaker for that locale on every model, else the character's default
 * speaker, else the narrator's. Trimmed and lowercase, as audio rows store it.
 */
export function castSpeaker(character: CastCharacter | null | undefined, locale: string, narrator: string, model: CastModel): string {
  const cast = character?.voiceCast ?? []
  const entry = cast.find((c) => c.locale === locale && c.model === model && c.speaker?.trim()) ?? cast.find((c) => c.locale === locale && !c.model)
  return nodeSpeaker(entry?.speaker?.trim() || character?.bulbulSpeaker, narrator)
}

/** Speakers per locale of a character (only the locales given) with `model`'s voices, for a line's `speakers`. */
export function castSpeakers(character: CastCharacter | null | undefined, locales: readonly string[], narrator: string, model: CastModel): Record<string, string> {
  return Object.fromEntries(locales.map((l) => [l, castSpeaker(character, l, narrator, model)]))
}

/**
 * Locales named twice for the same model in a cast (each locale has one voice per model, and one
 * for every model), as `hi` or `hi (bulbul:v3)`, for a field-named 400.
 */
export function duplicateCastLocales(cast: readonly { locale?: string | null; model?: string | null }[] | null | undefined): string[] {
  const seen = new Set<string>()
  const twice = new Set<string>()
  for (const entry of cast ?? []) {
    if (!entry.locale) continue
    const key = entry.model ? `${entry.locale} (${entry.model})` : entry.locale
    if (seen.has(key)) twice.add(key)
    seen.add(key)
  }
  return [...twice]
}
