import { metrics } from '@/observability/metrics'
import { EncodeRejected, encodeInPool } from '@/audio/codec/encodePool'
import { probeAudio } from '@/audio/codec/probe'
import { assertSpeakable } from '@/audio/providers/assertSpeakable'
import type { PcmAudio, SynthesizeRequest, TtsProvider } from '@/audio/providers/types'
import { cuesFor, speechBounds, splitSentences, type Cue } from '@/domain/audio/cues'
import type { LoudnessMeasurement } from '@/domain/audio/loudness'
import { TtsError } from '@/domain/audio/ttsError'
import { int16ToFloat } from '@/domain/audio/resample'

export type OpusAudio = {
  /** Ogg/Opus file. */
  bytes: Buffer
  durationSec: number
  sha256: string
  /** Characters sent to the provider (what Sarvam bills). */
  chars: number
  /** Successful provider requests (one per sentence, more for a sentence over the provider's limit). */
  calls: number
  /**
   * Measured on the decoded file: -16 LUFS +-1, true peak <= -1.5 dBTP. Null only while a
   * benchmark has turned normalisation off (setLineEncoder).
   */
  loudness: LoudnessMeasurement | null
  /** When each sentence is spoken, in the text as written. */
  cues: Cue[]
}

export type VoiceLine = SynthesizeRequest & {
  /** The sentences as written and as they are to be spoken (lexicon applied); default: `text`'s sentences, spoken as written. */
  sentences?: readonly { text: string; spoken: string }[]
}

/** How a line's joined speech becomes its stored file, and the loudness measured on it. */
export type LineEncoder = (samples: Int16Array, sampleRate: number) => Promise<{ bytes: Buffer; loudness: LoudnessMeasurement | null }>

/** The product's only encoder: loudness-normalised Ogg/Opus (encodeNormalised, on the encode threads). */
const normalisedLine: LineEncoder = (samples, sampleRate) => encodeInPool(samples, sampleRate)
let lineEncoder: LineEncoder = normalisedLine

/**
 * Replaces how this process encodes lines; undefined restores normalisation. Only the audio
 * benchmark calls it, to time the same pipeline without normalisation (what the "adds
 * < 20% to the wall time" compares against). Returns the previous encoder.
 */
export function setLineEncoder(encoder: LineEncoder | undefined): LineEncoder {
  const previous = lineEncoder
  lineEncoder = encoder ?? normalisedLine
  return previous
}

/** Audio shorter than this per character is not speech (espeak and Bulbul need ~50 ms a char). */
const MIN_SEC_PER_CHAR = 0.005
/** Encoded duration may differ from the PCM by the Opus frame rounding, not more. */
const DURATION_TOLERANCE_SEC = 0.05
/** Silence before the first sentence, between sentences, after the last. */
export const LEAD_SEC = 0.1
export const SENTENCE_GAP_SEC = 0.4
export const TAIL_SEC = 0.1
/** What counts as speech when trimming a sentence: louder than its peak minus 45 dB. */
export const SPEECH_THRESHOLD_DB = -45

/**
 * Voice one line and encode it for the player:
 * - validate (text, locale) before spending a request;
 * - synthesise it a sentence at a time (a sentence over the provider's limit is split by the
 *   provider), check each result is plausible speech, trim the silence around it, and join the
 *   sentences with a fixed pause, so every sentence's start and end (its read-along cue) is known;
 * - normalise the loudness (-16 LUFS, true peak <= -1.5 dBTP, measured on the decoded file) and
 *   encode Ogg/Opus; probe the result.
 * Every failure is a `TtsError` that says what was wrong. Same input, same bytes.
 */
export async function synthesizeToOpus(provider: TtsProvider, input: VoiceLine): Promise<OpusAudio> {
  const { samples, sampleRate, cues, chars, calls } = await speakLine(provider, input)
  const normalised = await lineEncoder(samples, sampleRate).catch((error: unknown) => {
    // A failure of the encode threads is not about this audio: thrown as it is, so the job is
    // retried instead of the line failing for good (its synthesis may already have been billed).
    if (!(error instanceof EncodeRejected)) throw error
    throw new TtsError('MALFORMED_AUDIO', `Could not normalise the loudness of the ${provider.name} provider's audio: ${error instanceof Error ? error.message : String(error)}`)
  })
  const probe = await probeAudio(normalised.bytes)
  const pcmSec = samples.length / sampleRate
  if (Math.abs(probe.durationSec - pcmSec) > DURATION_TOLERANCE_SEC) {
    throw new TtsError('MALFORMED_AUDIO', `Encoded audio lasts ${probe.durationSec.toFixed(3)} s but the speech lasted ${pcmSec.toFixed(3)} s`)
  }
  return { bytes: normalised.bytes, durationSec: probe.durationSec, sha256: probe.sha256, chars, calls, loudness: normalised.loudness, cues }
}

/** A line's speech as synthesizeToOpus encodes it, with its cues and what the provider billed. */
export type SpokenLine = { samples: Int16Array; sampleRate: number; cues: Cue[]; chars: number; calls: number }

/**
 * The first half of synthesizeToOpus: each sentence synthesised, checked as plausible speech and
 * trimmed of the silence around it, the sentences joined with fixed pauses, and each sentence's cue.
 */
export async function speakLine(provider: TtsProvider, input: VoiceLine): Promise<SpokenLine> {
  assertSpeakable(provider, input)
  const sentences = input.sentences?.length ? input.sentences : splitSentences(input.text).map((t) => ({ text: t, spoken: t }))
  const parts: { text: string; pcm: PcmAudio }[] = []
  let chars = 0
  let calls = 0
  for (const sentence of sentences) {
    input.signal?.throwIfAborted()
    const result = await provider.synthesize({ ...input, text: sentence.spoken })
    // What the provider billed for, whether or not the audio turns out usable.
    metrics().ttsRequests.inc({ provider: provider.name }, result.calls)
    metrics().ttsCharacters.inc({ provider: provider.name }, result.chars)
    assertPlausible(result.pcm, provider, sentence.spoken)
    parts.push({ text: sentence.text, pcm: trimSilence(result.pcm) })
    chars += result.chars
    calls += result.calls
  }
  const sampleRate = parts[0]!.pcm.sampleRate
  const other = parts.find((p) => p.pcm.sampleRate !== sampleRate)
  if (other) throw new TtsError('MALFORMED_AUDIO', `The ${provider.name} provider returned sentences at different sample rates (${sampleRate} and ${other.pcm.sampleRate} Hz)`)
  const samples = join(parts.map((p) => p.pcm.samples), sampleRate)
  const cues = cuesFor(
    parts.map((p) => ({ text: p.text, durationSec: p.pcm.samples.length / sampleRate })),
    { leadSec: LEAD_SEC, gapSec: SENTENCE_GAP_SEC },
  )
  return { samples, sampleRate, cues, chars, calls }
}

/** The sentence's speech without the silence the engine put around it. */
function trimSilence(pcm: PcmAudio): PcmAudio {
  let peak = 0
  for (let i = 0; i < pcm.samples.length; i++) peak = Math.max(peak, Math.abs(pcm.samples[i]!))
  const threshold = (peak / 32768) * 10 ** (SPEECH_THRESHOLD_DB / 20)
  const bounds = speechBounds(int16ToFloat(pcm.samples), threshold)
  if (!bounds) return pcm
  return { samples: pcm.samples.slice(bounds.start, bounds.end), sampleRate: pcm.sampleRate }
}

function join(parts: readonly Int16Array[], sampleRate: number): Int16Array {
  const lead = Math.round(LEAD_SEC * sampleRate)
  const gap = Math.round(SENTENCE_GAP_SEC * sampleRate)
  const tail = Math.round(TAIL_SEC * sampleRate)
  const total = lead + tail + parts.reduce((n, p) => n + p.length, 0) + gap * (parts.length - 1)
  const out = new Int16Array(total)
  let at = lead
  parts.forEach((p, i) => {
    out.set(p, at)
    at += p.length + (i < parts.length - 1 ? gap : 0)
  })
  return out
}

function assertPlausible(pcm: PcmAudio | undefined, provider: TtsProvider, text: string): void {
  const from = `The ${provider.name} provider (${provider.model})`
  if (!pcm || !(pcm.samples instanceof Int16Array) || !Number.isInteger(pcm.sampleRate) || pcm.sampleRate < 8000 || pcm.sampleRate > 48000) {
    throw new TtsError('MALFORMED_AUDIO', `${from} returned malformed audio (need mono 16-bit PCM at 8-48 kHz)`)
  }
  const seconds = pcm.samples.length / pcm.sampleRate
  const minimum = text.trim().length * MIN_SEC_PER_CHAR
  if (seconds < minimum) {
    throw new TtsError('MALFORMED_AUDIO', `${from} returned ${seconds.toFixed(3)} s of audio for ${text.trim().length} characters (expected at least ${minimum.toFixed(3)} s)`)
  }
  if (isSilent(pcm.samples)) throw new TtsError('MALFORMED_AUDIO', `${from} returned ${seconds.toFixed(3)} s of pure silence`)
}

function isSilent(samples: Int16Array): boolean {
  for (let i = 0; i < samples.length; i++) if (Math.abs(samples[i]!) > 64) return false
  return true
}
