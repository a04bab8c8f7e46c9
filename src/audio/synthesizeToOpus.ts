import { metrics } from '@/observability/metrics'
import { TtsError } from '@/domain/audio/ttsError'
import { encodeOpus } from '@/audio/codec/opus'
import { probeAudio } from '@/audio/codec/probe'
import type { PcmAudio, SynthesizeRequest, TtsProvider } from '@/audio/providers/types'
import { assertSpeakable } from '@/audio/providers/assertSpeakable'

export type OpusAudio = {
  /** Ogg/Opus file. */
  bytes: Buffer
  durationSec: number
  sha256: string
  /** Characters sent to the provider (what Sarvam bills). */
  chars: number
  /** Successful provider requests. */
  calls: number
}

/** Audio shorter than this per character is not speech (espeak and Bulbul need ~50 ms a char). */
const MIN_SEC_PER_CHAR = 0.005
/** Encoded duration may differ from the PCM by the Opus frame rounding, not more. */
const DURATION_TOLERANCE_SEC = 0.05

/**
 * Voice one line and encode it for the player: validate (text, locale) before spending a request,
 * synthesise (split into as many requests as the provider's limit needs), check the PCM is
 * plausible, encode Ogg/Opus and probe the result. Every failure is a `TtsError` that says what
 * was wrong.
 */
export async function synthesizeToOpus(provider: TtsProvider, input: SynthesizeRequest): Promise<OpusAudio> {
  assertSpeakable(provider, input)
  const result = await provider.synthesize(input)
  // What the provider billed for, whether or not the audio turns out usable.
  metrics().ttsRequests.inc({ provider: provider.name }, result.calls)
  metrics().ttsCharacters.inc({ provider: provider.name }, result.chars)
  assertPlausible(result.pcm, provider, input.text)
  const bytes = await encodeOpus(result.pcm.samples, result.pcm.sampleRate)
  const probe = await probeAudio(bytes)
  const pcmSec = result.pcm.samples.length / result.pcm.sampleRate
  if (Math.abs(probe.durationSec - pcmSec) > DURATION_TOLERANCE_SEC) {
    throw new TtsError('MALFORMED_AUDIO', `Encoded audio lasts ${probe.durationSec.toFixed(3)} s but the speech lasted ${pcmSec.toFixed(3)} s`)
  }
  return { bytes, durationSec: probe.durationSec, sha256: probe.sha256, chars: result.chars, calls: result.calls }
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
  for (let i = 0; i < samples.length; i++) if (Math.abs(samples[i]) > 64) return false
  return true
}
