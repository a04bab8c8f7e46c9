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
 * Margin below the true-peak limit for the first pass: the limiter holds *sample* peaks, and
 * inter-sample peaks plus the Opus codec's overshoot land above them (typically 0.5-1.5 dB on speech).
 */
export const FIRST_PASS_PEAK_MARGIN_DB = 1.5
/** Aim this far inside the tolerance so a later pass's small shifts stay within it. */
const AIM_INSIDE_LU = 0.25
/** Integrated loudness below this is silence (BS.1770's absolute gate is -70 LUFS). */
export const SILENCE_LUFS = -70

export function isWithinTarget(m: LoudnessMeasurement, target: LoudnessTarget = LOUDNESS_TARGET): boolean {
  return (
    Number.isFinite(m.integratedLufs) &&
    Math.abs(m.integratedLufs - target.integratedLufs) <= target.toleranceLu &&
    m.truePeakDbtp <= target.truePeakDbtp
  )
}

/** First pass: bring the measured source to the target, limiting peaks a margin below the limit. */
export function firstPass(source: LoudnessMeasurement, target: LoudnessTarget = LOUDNESS_TARGET): NormalisationSettings {
  assertAudible(source)
  return { gainDb: round3(target.integratedLufs - source.integratedLufs), ceilingDb: round3(target.truePeakDbtp - FIRST_PASS_PEAK_MARGIN_DB) }
}

/**
 * The next pass after measuring the result of `settings`: null when the result is within target;
 * otherwise the loudness error is taken off the gain (aiming a little inside the tolerance) and
 * any true-peak excess (plus a small margin) is taken off the limiter ceiling. Limiting lowers the
 * loudness a little, which the next pass's gain makes up.
 */
export function nextPass(
  settings: NormalisationSettings,
  result: LoudnessMeasurement,
  target: LoudnessTarget = LOUDNESS_TARGET,
): NormalisationSettings | null {
  assertAudible(result)
  if (isWithinTarget(result, target)) return null
  const loudnessError = result.integratedLufs - target.integratedLufs
  const gainDb = Math.abs(loudnessError) > target.toleranceLu - AIM_INSIDE_LU ? settings.gainDb - loudnessError : settings.gainDb
  const peakExcess = result.truePeakDbtp - target.truePeakDbtp
  const ceilingDb = peakExcess > -0.1 ? settings.ceilingDb - peakExcess - 0.25 : settings.ceilingDb
  return { gainDb: round3(gainDb), ceilingDb: round3(ceilingDb) }
}

function assertAudible(m: LoudnessMeasurement): void {
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
 * Applies `gainDb` to `samples` (float, -1..1 full scale) and a look-ahead peak limiter so no
 * sample exceeds `ceilingDb`. Returns a new array; deterministic (plain float math, fixed order).
 *
 * The limiter's gain at sample i is the mean of the last `lookahead` values of a release-smoothed
 * forward minimum of the gain each sample needs: every tap of that mean already looked ahead far
 * enough to see sample i's need, so the mean never exceeds it (no overshoot), and it changes
 * smoothly over `lookahead` samples (no clicks).
 */
export function applyGainAndLimit(samples: Float32Array, settings: NormalisationSettings, opts: LimiterOptions): Float32Array {
  const gain = dbToLinear(settings.gainDb)
  const ceiling = dbToLinear(settings.ceilingDb)
  const n = samples.length
  const L = opts.lookahead
  const out = new Float32Array(n)
  // need[i]: gain that keeps sample i under the ceiling after the make-up gain.
  const need = new Float64Array(n)
  let limiting = false
  for (let i = 0; i < n; i++) {
    const peak = Math.abs(samples[i]! * gain)
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
