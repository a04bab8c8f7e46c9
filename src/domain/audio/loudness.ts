/**
 * Loudness normalisation: every generated line plays at one level, whatever the provider or voice.
 *
 * Target (mobile listening, EBU R128 / ITU-R BS.1770 measurement): -16 LUFS integrated, +-1 LU,
 * true peak at most -1.5 dBTP, both measured on the decoded file as a player hears it. Pure math:
 * the caller measures (src/audio/loudnessMeter.ts) and encodes; this module decides the gain and
 * the limiter ceiling, and shapes the samples.
 */

export type LoudnessTarget = {
  integratedLufs: number
  /** Allowed distance from `integratedLufs`, in LU. */
  toleranceLu: number
  /** Highest allowed true peak, dBTP. */
  truePeakDbtp: number
}

export const LOUDNESS_TARGET: Readonly<LoudnessTarget> = { integratedLufs: -16, toleranceLu: 1, truePeakDbtp: -1.5 }

export type LoudnessMeasurement = {
  /** Integrated loudness, LUFS (-Infinity for silence). */
  integratedLufs: number
  /** True peak, dBTP. */
  truePeakDbtp: number
}

/** How one pass shapes the samples: a gain, then a peak limiter at a sample-peak ceiling. */
export type NormalisationSettings = {
  gainDb: number
  /** Sample-peak ceiling of the limiter, dBFS. */
  ceilingDb: number
}

/**
 * Margin of the limiter's sample-peak ceiling below the true-peak limit on the first encode:
 * inter-sample peaks and the Opus codec's overshoot at 24 kbps land above the limited samples
 * (measured 1-2.5 dB on espeak speech).
 */
export const FIRST_CEILING_MARGIN_DB = 2.5
/**
 * Where the limited PCM is aimed on the first encode: the codec at 24 kbps loses 0.3-1 LU of
 * (K-weighted, treble-heavy) loudness, so aiming a little high lands near the middle of +-1 LU.
 */
export const FIRST_AIM_OFFSET_LU = 0.3
/**
 * Limiting depth (dB the limiter takes off the loudest peak at the first plan's gain) from which a
 * line counts as heavily limited: low synthetic voices whose peaks sit ~20 dB over their loudness.
 * Measured on the audio benchmark's espeak lines: below 13 dB the codec overshoots the ceiling by
 * 0.3-1.3 dB (a few outliers 4 dB); above it by 1-4.8 dB, so a third of those lines needed a second
 * encode at the first plan's ceiling.
 */
export const HEAVY_LIMITING_DB = 13
/** For heavily limited lines: the first ceiling this much lower, the aim this much higher (more limiting loses more loudness in the codec). */
export const HEAVY_CEILING_EXTRA_DB = 2
export const HEAVY_AIM_EXTRA_LU = 0.3

/**
 * The first encode's plan for a line: the default one, or, when reaching the aim under the default
 * ceiling takes heavy limiting (`depthDb`: the loudest input peak after the solved gain, over the
 * ceiling), a lower ceiling and a slightly higher aim, so that the first encode usually lands in target.
 */
export function firstPlan(target: LoudnessTarget, depthDb?: number): { ceilingDb: number; aimLufs: number } {
  const plan = { ceilingDb: target.truePeakDbtp - FIRST_CEILING_MARGIN_DB, aimLufs: target.integratedLufs + FIRST_AIM_OFFSET_LU }
  if (depthDb === undefined || depthDb < HEAVY_LIMITING_DB) return plan
  return { ceilingDb: plan.ceilingDb - HEAVY_CEILING_EXTRA_DB, aimLufs: plan.aimLufs + HEAVY_AIM_EXTRA_LU }
}

/** Solve the PCM's loudness to this distance from the aim. */
export const SOLVE_PRECISION_LU = 0.2
/** Integrated loudness below this is silence (BS.1770's absolute gate is -70 LUFS). */
export const SILENCE_LUFS = -70
/** More gain than this is not speech worth amplifying. */
export const MAX_GAIN_DB = 48

export function isWithinTarget(m: LoudnessMeasurement, target: LoudnessTarget = LOUDNESS_TARGET): boolean {
  return (
    Number.isFinite(m.integratedLufs) &&
    Math.abs(m.integratedLufs - target.integratedLufs) <= target.toleranceLu &&
    m.truePeakDbtp <= target.truePeakDbtp
  )
}

/**
 * The gain (dB) at which `loudnessAt(gain)` (integrated loudness after gain and limiting) is
 * `aimLufs` within `precision`. Loudness rises with gain but, once the limiter works, by less than
 * a dB per dB: secant steps inside a bracket that always holds the answer (bisection when a step
 * would leave it). Starts from the plain gain `aim - source`. Throws when the aim cannot be reached
 * with at most MAX_GAIN_DB of gain.
 */
export function solveGain(
  loudnessAt: (gainDb: number) => number,
  sourceLufs: number,
  aimLufs: number,
  opts: { precision?: number; maxSteps?: number } = {},
): { gainDb: number; lufs: number; steps: number } {
  assertAudible({ integratedLufs: sourceLufs, truePeakDbtp: 0 })
  const precision = opts.precision ?? SOLVE_PRECISION_LU
  const maxSteps = opts.maxSteps ?? 12
  let lo: [number, number] | undefined // loudness below aim
  let hi: [number, number] | undefined // loudness above aim
  let g = Math.min(MAX_GAIN_DB, aimLufs - sourceLufs)
  let prev: [number, number] | undefined
  for (let step = 1; step <= maxSteps; step++) {
    const l = loudnessAt(g)
    if (Math.abs(l - aimLufs) <= precision) return { gainDb: round3(g), lufs: l, steps: step }
    if (l < aimLufs) lo = [g, l]
    else hi = [g, l]
    if (!hi && g >= MAX_GAIN_DB) break
    let next: number
    const slope = prev && g !== prev[0] ? (l - prev[1]) / (g - prev[0]) : 1
    next = g + (aimLufs - l) / (slope > 0.05 ? slope : 0.05)
    if (lo && hi && (next <= lo[0] || next >= hi[0])) next = (lo[0] + hi[0]) / 2
    if (!hi) next = Math.min(next, MAX_GAIN_DB)
    prev = [g, l]
    g = next
  }
  // Not reachable (limiting caps the loudness below the aim): the loudest gain tried, and the caller
  // judges the encoded result, which may still be within the tolerance.
  if (!lo) throw new RangeError(`Could not reach ${aimLufs} LUFS with at most ${MAX_GAIN_DB} dB of gain (source ${sourceLufs.toFixed(2)} LUFS)`)
  return { gainDb: round3(lo[0]), lufs: lo[1], steps: maxSteps }
}

/**
 * After encoding and measuring the decoded file: null when within target, else how to redo it.
 * True-peak excess (plus 0.2 dB) comes off the limiter ceiling; a loudness shift of the codec moves
 * the PCM aim the other way.
 */
export function correction(
  settings: { ceilingDb: number; aimLufs: number },
  decoded: LoudnessMeasurement,
  target: LoudnessTarget = LOUDNESS_TARGET,
): { ceilingDb: number; aimLufs: number } | null {
  assertAudible(decoded)
  if (isWithinTarget(decoded, target)) return null
  const peakExcess = decoded.truePeakDbtp - target.truePeakDbtp
  const ceilingDb = peakExcess > 0 ? settings.ceilingDb - peakExcess - 0.2 : settings.ceilingDb
  const shift = decoded.integratedLufs - target.integratedLufs
  const aimLufs = Math.abs(shift) > target.toleranceLu / 2 ? settings.aimLufs - shift : settings.aimLufs
  return { ceilingDb: round3(ceilingDb), aimLufs: round3(aimLufs) }
}

export function assertAudible(m: LoudnessMeasurement): void {
  if (!Number.isFinite(m.integratedLufs) || m.integratedLufs < SILENCE_LUFS) {
    throw new RangeError(`Cannot normalise silence (integrated loudness ${m.integratedLufs} LUFS)`)
  }
}

const round3 = (x: number) => Math.round(x * 1000) / 1000

export const dbToLinear = (db: number) => 10 ** (db / 20)

export type LimiterOptions = {
  /** Look-ahead (and attack) in samples: the gain starts falling this long before a peak. */
  lookahead: number
  /** Release time constant in samples: how slowly the gain recovers after a peak. */
  release: number
}

export function limiterOptionsFor(sampleRate: number): LimiterOptions {
  return { lookahead: Math.max(1, Math.round(sampleRate * 0.005)), release: Math.max(1, Math.round(sampleRate * 0.06)) }
}

/**
 * Largest magnitude of each sample's span (from sample i up to i + 1), 4x oversampled with
 * Catmull-Rom interpolation: a waveform peaks between samples (the true peak BS.1770 measures) up
 * to ~3 dB above its samples, and a limiter that only sees the samples lets those through.
 */
export function interSamplePeaks(x: Float32Array): Float32Array {
  const n = x.length
  const out = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    const p1 = x[i]!
    const p0 = i > 0 ? x[i - 1]! : p1
    const p2 = i + 1 < n ? x[i + 1]! : p1
    const p3 = i + 2 < n ? x[i + 2]! : p2
    const c1 = p2 - p0
    const c2 = 2 * p0 - 5 * p1 + 4 * p2 - p3
    const c3 = 3 * p1 - p0 - 3 * p2 + p3
    const a = Math.abs(p1)
    const q1 = Math.abs(p1 + 0.5 * (c1 * 0.25 + c2 * 0.0625 + c3 * 0.015625))
    const q2 = Math.abs(p1 + 0.5 * (c1 * 0.5 + c2 * 0.25 + c3 * 0.125))
    const q3 = Math.abs(p1 + 0.5 * (c1 * 0.75 + c2 * 0.5625 + c3 * 0.421875))
    out[i] = Math.max(a, q1, q2, q3)
  }
  return out
}

/**
 * Applies `gainDb` to `samples` (float, -1..1 full scale) and a look-ahead peak limiter so no
 * sample, nor the waveform between samples (see interSamplePeaks, which a caller trying several
 * gains computes once), exceeds `ceilingDb`. Returns a new array; deterministic (plain float math, fixed order).
 *
 * The limiter's gain at sample i is the mean of the last `lookahead` values of a release-smoothed
 * forward minimum of the gain each sample needs: every tap of that mean already looked ahead far
 * enough to see sample i's need, so the mean never exceeds it (no overshoot), and it changes
 * smoothly over `lookahead` samples (no clicks).
 */
export function applyGainAndLimit(
  samples: Float32Array,
  settings: NormalisationSettings,
  opts: LimiterOptions,
  peaks: Float32Array = interSamplePeaks(samples),
): Float32Array {
  const gain = dbToLinear(settings.gainDb)
  const ceiling = dbToLinear(settings.ceilingDb)
  const n = samples.length
  const L = opts.lookahead
  const out = new Float32Array(n)
  // need[i]: gain that keeps sample i under the ceiling after the make-up gain.
  const need = new Float64Array(n)
  let limiting = false
  for (let i = 0; i < n; i++) {
    const peak = peaks[i]! * gain
    need[i] = peak > ceiling ? ceiling / peak : 1
    if (need[i]! < 1) limiting = true
  }
  if (!limiting) {
    for (let i = 0; i < n; i++) out[i] = samples[i]! * gain
    return out
  }
  // Forward minimum over [i, i + L] (monotonic deque).
  const fwdMin = new Float64Array(n)
  const deque = new Int32Array(n + L + 1)
  let head = 0
  let tail = 0
  let next = 0
  for (let i = 0; i < n; i++) {
    const until = Math.min(n - 1, i + L)
    while (next <= until) {
      while (tail > head && need[deque[tail - 1]!]! >= need[next]!) tail--
      deque[tail++] = next++
    }
    while (deque[head]! < i) head++
    fwdMin[i] = need[deque[head]!]!
  }
  // Release: the gain may fall at once (the look-ahead already prepared it) and rises slowly.
  const a = 1 - Math.exp(-1 / opts.release)
  let env = 1
  for (let i = 0; i < n; i++) {
    env = Math.min(fwdMin[i]!, env + (1 - env) * a)
    fwdMin[i] = env
  }
  // Mean of the last L values; taps before the start take the first value (it looked far enough ahead).
  const window = new Float64Array(L).fill(fwdMin[0]!)
  let sum = L * fwdMin[0]!
  for (let i = 0; i < n; i++) {
    sum += fwdMin[i]! - window[i % L]!
    window[i % L] = fwdMin[i]!
    const v = samples[i]! * gain * Math.min(1, sum / L)
    // The mean never exceeds the need but for float rounding (and running-sum drift): clamp that.
    out[i] = v > ceiling ? ceiling : v < -ceiling ? -ceiling : v
  }
  return out
}

export type CompressorOptions = {
  /** Level above which the gain is reduced, dBFS (RMS of the detector). */
  thresholdDb: number
  /** Input dB above the threshold per output dB (3 = 3:1). */
  ratio: number
  attackSec: number
  releaseSec: number
}

/**
 * Feed-forward RMS compressor: evens out loud and soft syllables (synthetic voices put their
 * vowels ~10 dB above the rest of the speech), so the whole line, not its loudest vowels, sets the
 * level, and a peak limiter has little left to do. The detector is a one-pole smoothed square
 * (fast attack, slower release); gain = -(level - threshold)(1 - 1/ratio) above the threshold.
 * Deterministic float math.
 */
export function compress(samples: Float32Array, sampleRate: number, opts: CompressorOptions): Float32Array {
  const att = Math.exp(-1 / (opts.attackSec * sampleRate))
  const rel = Math.exp(-1 / (opts.releaseSec * sampleRate))
  const slope = 1 - 1 / opts.ratio
  const out = new Float32Array(samples.length)
  let env = 0
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i]!
    const sq = x * x
    const c = sq > env ? att : rel
    env = c * env + (1 - c) * sq
    const levelDb = 10 * Math.log10(env + 1e-12)
    const over = levelDb - opts.thresholdDb
    out[i] = over > 0 ? x * 10 ** ((-over * slope) / 20) : x
  }
  return out
}

/** The compressor for a source measured at `sourceLufs`: 3:1 from 3 dB above its loudness. */
export function compressorFor(sourceLufs: number): CompressorOptions {
  return { thresholdDb: sourceLufs + 3, ratio: 3, attackSec: 0.005, releaseSec: 0.08 }
}

