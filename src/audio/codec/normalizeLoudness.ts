import { measureIntegrated, measureLoudness } from '@/audio/codec/loudnessMeter'
import { decodeOggOpus } from '@/audio/codec/opusDecode'
import {
  applyGainAndLimit,
  interSamplePeaks,
  assertAudible,
  compress,
  compressorFor,
  correction,
  FIRST_AIM_OFFSET_LU,
  FIRST_CEILING_MARGIN_DB,
  LOUDNESS_TARGET,
  limiterOptionsFor,
  solveGain,
  type LoudnessMeasurement,
  type LoudnessTarget,
  type NormalisationSettings,
} from '@/domain/audio/loudness'

/** Encodes mono 16-bit PCM (the project's Ogg/Opus encoder). */
export type Encode = (pcm: Int16Array, sampleRate: number) => Promise<Buffer>

export type NormalisedAudio = {
  bytes: Buffer
  /** Measured on the decoded file, as a player hears it. */
  loudness: LoudnessMeasurement
  /** Integrated loudness of the source as the provider returned it. */
  sourceLufs: number
  settings: NormalisationSettings
  /** Encodes it took (1 when the first was within target). */
  encodes: number
}

export class LoudnessNotReached extends Error {}

const MAX_ENCODES = 5

/**
 * Encodes `samples` so the decoded file measures the target loudness (-16 LUFS +-1, true peak
 * <= -1.5 dBTP): find the gain that brings the limited PCM to the aim (cheap: limiter and meter
 * only), encode, decode and measure as a player hears it; when the codec's overshoot or shift put
 * it out of target, lower the limiter ceiling / move the aim by what was measured and encode again
 * (at most 4 encodes; speech usually needs 1). Deterministic: same input, same bytes.
 */
export async function encodeNormalised(
  samples: Int16Array,
  sampleRate: number,
  encode: Encode,
  target: LoudnessTarget = LOUDNESS_TARGET,
): Promise<NormalisedAudio> {
  const raw = Float32Array.from(samples, (s) => s / 32768)
  const sourceLufs = measureIntegrated(raw, sampleRate)
  assertAudible({ integratedLufs: sourceLufs, truePeakDbtp: 0 })
  const input = compress(raw, sampleRate, compressorFor(sourceLufs))
  const peaks = interSamplePeaks(input)
  const limiter = limiterOptionsFor(sampleRate)
  let plan = { ceilingDb: target.truePeakDbtp - FIRST_CEILING_MARGIN_DB, aimLufs: target.integratedLufs + FIRST_AIM_OFFSET_LU }
  let last: LoudnessMeasurement | undefined
  for (let n = 1; n <= MAX_ENCODES; n++) {
    const ceilingDb = plan.ceilingDb
    const { gainDb } = solveGain((g) => measureIntegrated(applyGainAndLimit(input, { gainDb: g, ceilingDb }, limiter, peaks), sampleRate), sourceLufs, plan.aimLufs)
    const settings = { gainDb, ceilingDb }
    const bytes = await encode(toInt16(applyGainAndLimit(input, settings, limiter, peaks)), sampleRate)
    const decoded = await decodeOggOpus(bytes)
    last = measureLoudness(decoded.samples, decoded.sampleRate)
    const next = correction(plan, last, target)
    if (!next) return { bytes, loudness: last, sourceLufs, settings, encodes: n }
    plan = next
  }
  throw new LoudnessNotReached(
    `Could not bring the audio to ${target.integratedLufs} LUFS / ${target.truePeakDbtp} dBTP in ${MAX_ENCODES} encodes ` +
      `(source ${sourceLufs.toFixed(2)} LUFS, last ${fmt(last!)})`,
  )
}

const fmt = (m: LoudnessMeasurement) => `${m.integratedLufs.toFixed(2)} LUFS, ${m.truePeakDbtp.toFixed(2)} dBTP`

function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length)
  for (let i = 0; i < samples.length; i++) {
    const v = Math.round(samples[i]! * 32768)
    out[i] = v > 32767 ? 32767 : v < -32768 ? -32768 : v
  }
  return out
}
