import type { Pronunciations } from '@/domain/audio/pronunciationDictionary'
import type { LocaleCode } from '@/locales'

/** Mono 16-bit PCM. Providers return PCM, not WAV, so chunks join and encode without re-parsing. */
export type PcmAudio = {
  samples: Int16Array
  sampleRate: number
}

/**
 * Voice settings of one character or line. Each provider uses what it supports and documents the
 * rest as ignored (Sarvam bulbul:v3 has no pitch or loudness; espeak has no temperature).
 */
export type VoiceSettings = {
  /** Speed multiplier, 1 = normal. */
  pace?: number
  /** -0.75 (deeper) .. 0.75 (sharper), 0 = the voice's own pitch. */
  pitch?: number
  /** Volume multiplier, 1 = normal. */
  loudness?: number
  /** Expressiveness (Sarvam bulbul:v3 only), 0.01-2. */
  temperature?: number
}

export type SynthesizeRequest = {
  text: string
  locale: LocaleCode
  /** A character's spec speaker (`meera`, `arvind`, ...) or a voice name of the provider's model. */
  speaker: string
  settings?: VoiceSettings
  /** The provider's pronunciation dictionary to apply (see `TtsProvider.dictionary`). */
  dictionaryId?: string
  /** Stops before the next engine request (and stops retrying) once aborted. */
  signal?: AbortSignal
}

export type SynthesisResult = {
  pcm: PcmAudio
  /** Successful synthesis requests (one per chunk of text): what is billed and rate-limited. */
  calls: number
  /** Requests sent including retries (>= calls). */
  attempts: number
  /** Characters of the line voiced, as a paid provider bills them: Unicode code points, without
   * the whitespace trimmed at chunk boundaries. */
  chars: number
}

/**
 * A pronunciation dictionary kept on the provider's side (Sarvam bulbul:v3): words and how to say
 * them per provider language, applied by the engine to requests naming its id. Synced from the
 * lexicon by src/audio/pronunciationDictionary.ts.
 */
export interface ProviderDictionary {
  /** Most words (language, word pairs) one dictionary holds. */
  readonly maxWords: number
  /** The provider language a locale is voiced in (the dictionary's block for it). */
  languageOf(locale: LocaleCode): string
  /** Uploads a new dictionary; its id. */
  create(pronunciations: Pronunciations): Promise<string>
  /** Adds or changes words (the others stay); false when no such dictionary exists. */
  update(id: string, pronunciations: Pronunciations): Promise<boolean>
  /** Deletes it; false when no such dictionary existed. */
  remove(id: string): Promise<boolean>
}

export type ProviderName = 'sarvam' | 'local'

export interface TtsProvider {
  readonly name: ProviderName
  /** Engine model, part of the audio cache key (`bulbul:v3`, `espeak-ng:binary`). */
  readonly model: string
  /** Most characters one engine request takes; longer text is split at sentence boundaries. */
  readonly maxChars: number
  readonly languages: readonly LocaleCode[]
  /** Speaker names `synthesize` accepts. */
  speakers(): string[]
  /**
   * Voice `text` (any length) as one continuous PCM stream. Throws a `TtsError` for empty text,
   * a locale or speaker the provider does not have, invalid settings, or a failed engine.
   */
  synthesize(request: SynthesizeRequest): Promise<SynthesisResult>
  /** The provider's pronunciation dictionaries, for models that have them (else the lexicon rewrites text). */
  readonly dictionary?: ProviderDictionary
}
