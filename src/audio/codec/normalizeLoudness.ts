import { measureLoudness } from '@/audio/codec/loudnessMeter'
import type { OpusOptions } from '@/audio/codec/opus'
import { decodeOggOpus } from '@/audio/codec/opusDecode'
import {
  applyGainAndLimit,
  limiterReach,
  isWithinTarget,
  assertAudible,
  compress,
  compressorFor,
  correction,
  dipSpots,
  mergeSpots,
  peakSpots,
  type PeakSpot,
  firstPlan,
  HEAVY_LIMITING_DB,
  LIKELY_HEAVY_CREST_DB,
  LOUDNESS_TARGET,
  GainSolver,
  limiterOptionsFor,
  type LoudnessMeasurement,
  type LoudnessTarget,
  type NormalisationSettings,
} from '@/domain/audio/loudness'
import { integratedLoudness } from '@/domain/audio/integratedLoudness'
import { floatToInt16, int16ToFloat } from '@/domain/audio/resample'

/** Encodes mono 16-bit PCM (the project's Ogg/Opus encoder, `encodeOpus`, or a test's stand-in for it). */
export type Encode = (pcm: Int16Array, sampleRate: number, options?: Pick<OpusOptions, 'complexity'>) => Promise<Buffer>

/**
 * libopus 1.3.1 at the project's complexity (5, hybrid mode) now and then turns a fricative's onset
 * after digital silence into a full-scale burst, whatever the level of the input: no gain or
 * ceiling brings such a line under the peak limit. At complexity 10 it does not (checked on the
 * audio benchmark's such lines), so when a line's attempt closest to the target loudness peaked
 * over the limit, it is encoded once more at 10 (twice the encode time, for that line only) before
 * a quieter attempt is kept or made.
 */
export const CAREFUL_OPUS_COMPLEXITY = 10

export type NormalisedAudio = {
  bytes: Buffer
  /** Measured on the decoded file, as a player hears it. */
  loudness: LoudnessMeasurement
  /** Integrated loudness of the source as the provider returned it. */
  sourceLufs: number
  settings: NormalisationSettings
  /** Encodes it took (1 when the first was within target). */
  encodes: number
  /**
   * -16 LUFS +-1 with true peak <= -1.5 dBTP. False for the rare line whose peaks the codec pushes
   * over the limit whenever it is loud enough (see encodeNormalised): it is then kept under the
   * peak limit and a little quieter, and `loudness` says by how much.
   */
  withinTarget: boolean
}

export class LoudnessNotReached extends Error {}

const MAX_ENCODES = 5

/**
 * The first step of encodeNormalised: the source's loudness and the compressed samples the gain
 * search and the limiter work on (also what the audio benchmark reads the limiting depth from).
 * The compressor and the gain search steer by the TypeScript meter (libebur128's figures without
 * the trip into WASM); what is stored and judged, the decoded file, is measured by libebur128.
 */
export function compressedInput(samples: Int16Array, sampleRate: number): { sourceLufs: number; input: Float32Array } {
  const raw = int16ToFloat(samples)
  const sourceLufs = integratedLoudness(raw, sampleRate)
  assertAudible({ integratedLufs: sourceLufs, truePeakDbtp: 0 })
  return { sourceLufs, input: compress(raw, sampleRate, compressorFor(sourceLufs)) }
}

/**
 * Encodes `samples` so the decoded file measures the target loudness (-16 LUFS +-1, true peak
 * <= -1.5 dBTP): find the gain that brings the limited PCM to the aim (cheap: limiter and meter
 * only), encode, decode and measure as a player hears it; when the codec's overshoot or shift put
 * it out of target, encode again (at most 5 encodes; speech usually needs 1). Deterministic: same
 * input, same bytes. What the next encode changes depends on the miss:
 * - loud enough but over the peak limit in a few 10 ms stretches only (peakSpots: the codec
 *   overshooting one onset by 2-6 dB, or to full scale, where the rest of the line is well under):
 *   the same gain and ceiling, with the gain dipped there alone (dipSpots), which costs the line
 *   no loudness (on the audio benchmark's lines, every such miss was in target on the next encode);
 * - otherwise the limiter ceiling comes down by the peak's excess and the aim moves by the codec's
 *   loudness shift, and the gain is searched again.
 *
 * Some synthetic lines (low male espeak voices: peaks ~20 dB above their loudness) need so much
 * limiting to reach -16 LUFS that the codec overshoots sharp onsets whatever the ceiling, and
 * libopus at complexity 5 now and then bursts to full scale at any level while a line is loud.
 * Rather than leave such a line unvoiced, the peak limit wins: when the attempt closest to the
 * target loudness peaked over, it is encoded again at a higher complexity
 * (CAREFUL_OPUS_COMPLEXITY) and kept if that holds the peak; else the closest attempt under the
 * peak limit is kept, or, when none is, the closest one that many dB quieter (`withinTarget: false`,
 * the measured loudness stored).
 */
export async function encodeNormalised(
  samples: Int16Array,
  sampleRate: number,
  encode: Encode,
  target: LoudnessTarget = LOUDNESS_TARGET,
): Promise<NormalisedAudio> {
  const { sourceLufs, input } = compressedInput(samples, sampleRate)
  // The gain search starts from the compressed line's own loudness (the compressor takes 1-3 LU off
  // the source's): when the limiter has nothing to do, the first guess is the answer.
  const inputLufs = integratedLoudness(input, sampleRate)
  const limiter = limiterOptionsFor(sampleRate)
  const reach = limiterReach(input, limiter)
  // The limited PCM of every setting the gain search measured: the gain it answers is one of them,
  // so the encode that follows takes it from here instead of limiting again.
  const limitedBy = new Map<string, Float32Array>()
  const limited = (settings: NormalisationSettings) => {
    const key = `${settings.gainDb} ${settings.ceilingDb}`
    let pcm = limitedBy.get(key)
    if (!pcm) limitedBy.set(key, (pcm = applyGainAndLimit(input, settings, limiter, reach)))
    return pcm
  }
  const render = async (settings: NormalisationSettings, options?: { complexity: number }) => {
    const bytes = await encode(floatToInt16(dipSpots(limited(settings), sampleRate, settings.spots ?? [])), sampleRate, options)
    const decoded = await decodeOggOpus(bytes)
    const loudness = measureLoudness(decoded.samples, decoded.sampleRate)
    // Over the peak limit: in a few places only (spots to dip), or all over (null).
    const spots = loudness.truePeakDbtp > target.truePeakDbtp ? peakSpots(decoded.samples, decoded.sampleRate, target.truePeakDbtp) : null
    return { bytes, settings, loudness, spots }
  }
  const inputPeakDb = peakDb(reach)
  // One solver for every plan of this line: later plans start from what earlier ones measured.
  const solver = new GainSolver((settings) => integratedLoudness(limited(settings), sampleRate), inputLufs, inputPeakDb)
  const solveFor = (p: { ceilingDb: number; aimLufs: number }) => solver.solve(p).gainDb
  const trySolve = (p: { ceilingDb: number; aimLufs: number }) => {
    try {
      solveFor(p)
    } catch {
      // Out of reach: the encode loop tries (and reports) it.
    }
  }
  const defaultPlan = firstPlan(target)
  let plan = defaultPlan
  // Set when a heavily limited line starts from the lower plan (a cheaper correction than a second
  // encode): the default plan, to go on from exactly as any other line does if that first encode misses.
  let fallback: typeof plan | undefined
  // A light line's own search usually answers it (see LIKELY_HEAVY_CREST_DB).
  if (inputPeakDb - inputLufs < LIKELY_HEAVY_CREST_DB) trySolve(defaultPlan)
  if (solver.limitsAtLeast(defaultPlan, HEAVY_LIMITING_DB)) {
    fallback = defaultPlan
    plan = firstPlan(target, HEAVY_LIMITING_DB)
  }
  const attempts: Awaited<ReturnType<typeof render>>[] = []
  // Dips found so far (every later encode of the line keeps them), and settings to encode again
  // with more of them.
  let spots: PeakSpot[] = []
  let again: NormalisationSettings | undefined
  for (let n = 1; n <= MAX_ENCODES + (fallback ? 1 : 0); n++) {
    let settings = again
    again = undefined
    if (!settings) {
      try {
        settings = { gainDb: solveFor(plan), ceilingDb: plan.ceilingDb, spots }
      } catch (error) {
        if (attempts.length) break
        throw error
      }
    }
    // Encoding is deterministic: settings already tried (the gain capped at MAX_GAIN_DB while only
    // the aim moved) would give the same file again.
    if (attempts.some((a) => sameSettings(a.settings, settings))) break
    const attempt = await render(settings)
    attempts.push(attempt)
    const next = correction(plan, attempt.loudness, target)
    if (!next) return { ...attempt, sourceLufs, encodes: n, withinTarget: true }
    if (attempt.spots && Math.abs(attempt.loudness.integratedLufs - target.integratedLufs) <= target.toleranceLu) {
      // Loud enough, over the peak limit in a few places only: dip those, same gain and ceiling.
      spots = mergeSpots(spots, attempt.spots)
      again = { ...settings, spots }
      continue
    }
    if (n === 1 && fallback) {
      // The lower start missed: carry on from the default plan (never worse than without it).
      plan = fallback
      continue
    }
    plan = next
  }
  const distance = (m: LoudnessMeasurement) => Math.abs(m.integratedLufs - target.integratedLufs)
  const byLoudness = [...attempts].sort((a, b) => distance(a.loudness) - distance(b.loudness))
  const best = byLoudness[0]!
  const safe = byLoudness.find((a) => a.loudness.truePeakDbtp <= target.truePeakDbtp)
  if (safe === best) return { ...safe, sourceLufs, encodes: attempts.length, withinTarget: false }
  // The attempt closest to the loudness peaked over the limit: encode it again with more care (see
  // CAREFUL_OPUS_COMPLEXITY), and if that still peaks over, that many dB quieter (same limiting).
  // Kept: the closest to the loudness of those under the peak limit, these two or an earlier one.
  const careful = { complexity: CAREFUL_OPUS_COMPLEXITY }
  const tried = [await render(best.settings, careful)]
  const overshoot = tried[0]!.loudness.truePeakDbtp - target.truePeakDbtp
  if (overshoot > 0) {
    const quieter = overshoot + 0.3
    tried.push(await render({ ...best.settings, gainDb: round3(best.settings.gainDb - quieter), ceilingDb: round3(best.settings.ceilingDb - quieter) }, careful))
  }
  const encodes = attempts.length + tried.length
  const kept = [...tried, ...(safe ? [safe] : [])]
    .filter((a) => a.loudness.truePeakDbtp <= target.truePeakDbtp)
    .sort((a, b) => distance(a.loudness) - distance(b.loudness))[0]
  if (!kept) {
    const last = tried[tried.length - 1]!
    throw new LoudnessNotReached(
      `Could not bring the audio under ${target.truePeakDbtp} dBTP in ${encodes} encodes ` +
        `(source ${sourceLufs.toFixed(2)} LUFS, last ${fmt(last.loudness)})`,
    )
  }
  return { ...kept, sourceLufs, encodes, withinTarget: isWithinTarget(kept.loudness, target) }
}

const round3 = (x: number) => Math.round(x * 1000) / 1000

const sameSettings = (a: NormalisationSettings, b: NormalisationSettings) =>
  a.gainDb === b.gainDb && a.ceilingDb === b.ceilingDb && JSON.stringify(a.spots ?? []) === JSON.stringify(b.spots ?? [])

function peakDb(peaks: Float32Array): number {
  let max = 0
  for (let i = 0; i < peaks.length; i++) if (peaks[i]! > max) max = peaks[i]!
  return 20 * Math.log10(max)
}

const fmt = (m: LoudnessMeasurement) => `${m.integratedLufs.toFixed(2)} LUFS, ${m.truePeakDbtp.toFixed(2)} dBTP`
