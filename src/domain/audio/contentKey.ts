import { createHash } from 'node:crypto'

/**
 * Bump when the way audio is produced from the same inputs changes (encoder settings, text
 * normalisation), so every cached file is regenerated instead of silently reused.
 * 2: loudness-normalised (-16 LUFS, -1.5 dBTP), voiced per sentence (read-along cues).
 */
export const AUDIO_RECIPE_VERSION = 2

export type VoiceSettingsValue = string | number | boolean | null

export type ContentKeyInput = {
  text: string
  locale: string
  speaker: string
  model: string
  provider: string
  /** Provider voice settings (pace, pitch, ...). Key order and `undefined` values do not matter. */
  settings?: Readonly<Record<string, VoiceSettingsValue | undefined>>
  /** 0.00-1.00, stored with two decimals (see codeMix.ts); rounded the same way here. */
  codeMixRatio: number
  /** Pronunciation entries that matched the line (see lexicon.ts); order does not matter. */
  lexicon?: readonly { term: string; spoken: string }[]
}

/**
 * Cache key of one audio variant: sha256 (hex) over a canonical JSON of everything that decides
 * how the audio sounds. Identical inputs give the identical key; a change to any of them (one
 * character of text, another speaker, model, provider, a setting, the code-mix ratio at two
 * decimals, a pronunciation entry applied to the line) gives a different key.
 *
 * Canonical means: fixed field order, settings keys sorted and `undefined` dropped, text
 * Unicode-normalised to NFC (canonically equivalent spellings of the same Devanagari sound the
 * same), the ratio rounded to the two decimals the database stores.
 */
export function contentKey(input: ContentKeyInput): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex')
}

function canonicalJson(input: ContentKeyInput): string {
  assertRatio(input.codeMixRatio)
  return JSON.stringify([
    AUDIO_RECIPE_VERSION,
    input.provider,
    input.model,
    input.locale,
    input.speaker,
    roundRatio(input.codeMixRatio),
    sortedSettings(input.settings ?? {}),
    input.text.normalize('NFC'),
    sortedLexicon(input.lexicon ?? []),
  ])
}

function sortedLexicon(entries: readonly { term: string; spoken: string }[]): [string, string][] {
  return entries
    .map((e): [string, string] => [e.term.normalize('NFC'), e.spoken.normalize('NFC')])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
}

function sortedSettings(
  settings: Readonly<Record<string, VoiceSettingsValue | undefined>>,
): [string, VoiceSettingsValue][] {
  return Object.keys(settings)
    .sort()
    .flatMap((k) => {
      const v = settings[k]
      return v === undefined ? [] : [[k, v] as [string, VoiceSettingsValue]]
    })
}

function roundRatio(ratio: number): number {
  return Math.round(ratio * 100) / 100
}

function assertRatio(ratio: number): void {
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new RangeError(`codeMixRatio must be a number from 0 to 1, got ${ratio}`)
  }
}
