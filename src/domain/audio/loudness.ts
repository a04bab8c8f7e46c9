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
  /** Local dips after the limiter where an earlier encode overshot (see PeakSpot); none by default. */
  spots?: readonly PeakSpot[]
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
/**
 * Crest factor (the compressed line's loudest peak over its loudness, dB) from which the normaliser
 * asks whether a line is heavily limited before it solves the default plan: on the audio
 * benchmark's espeak lines, the heavily limited ones measure 17-20 dB, the others 14-16.5. Only the
 * order of the work depends on it (the answer does not): a heavy line then skips the default plan's
 * search (3-4 measurements) unless its first encode misses, and a light one the extra measurement.
 */
export const LIKELY_HEAVY_CREST_DB = 16.75
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
/** Most loudness measurements one plan's search takes. */
export const SOLVE_MAX_STEPS = 12
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
 * Finds, for one line, the gain that brings its limited PCM to a plan's aim, for as many plans
 * (limiter ceilings and aims) as the line needs, measuring as little as it can.
 *
 * After a gain of g dB and the limiter at a ceiling of C dBFS, the integrated loudness is
 * l = g + F(C - g): the limiter's work depends only on how far the input's peaks reach over the
 * ceiling less the gain (its headroom h = C - g), and integrated loudness moves 1 dB per dB of
 * gain. So every measurement, whatever its plan, is a point of one curve G(h) = F(h) - h = l - C,
 * which falls as the headroom grows (by less than 1 dB per dB while the limiter works), and which
 * is known without measuring where nothing is limited: h at or above the input's (inter-sample)
 * peak gives G = inputLufs - h. A plan's gain is C - h where G(h) = aim - C, found by secant steps
 * inside a bracket of measured points (interpolation when a step would leave it). A line's later
 * plans (a lower ceiling for heavy limiting, an aim moved after the codec's shift) start from what
 * the earlier ones measured, so they usually take one measurement where a fresh search takes 3-4.
 */
export class GainSolver {
  private readonly points: { h: number; g: number }[] = []

  constructor(
    /** Integrated loudness (LUFS) of the input after these settings (gain, then the limiter). */
    private readonly loudnessAt: (settings: NormalisationSettings) => number,
    private readonly inputLufs: number,
    /** Loudest (inter-sample) peak of the input, dBFS: at or below the ceiling nothing is limited. */
    private readonly peakDb: number,
  ) {
    assertAudible({ integratedLufs: inputLufs, truePeakDbtp: 0 })
  }

  /**
   * Whether reaching `plan`'s aim takes the limiter at least `depthDb` off the input's loudest peak
   * (what firstPlan calls heavy limiting), without solving the plan. G falls as the headroom grows,
   * so that is so exactly when the line at the headroom `depthDb` below the peak is no louder than
   * the aim: a point measured there, or any measured point that already tells (one at no more
   * headroom and no louder, or one at no less headroom and louder). Once the plan is solved, its
   * answer (a point within SOLVE_PRECISION_LU of the aim) stands for the aim's headroom. So it
   * takes one measurement at most, none when the plain gain limits nothing, that depth needs more
   * than MAX_GAIN_DB or the plan was solved, and the point serves the searches that follow.
   */
  limitsAtLeast(plan: { ceilingDb: number; aimLufs: number }, depthDb: number): boolean {
    const C = plan.ceilingDb
    const T = plan.aimLufs - C
    if (this.inputLufs - T >= this.peakDb) return false
    const gainDb = round3(C - (this.peakDb - depthDb))
    if (gainDb > MAX_GAIN_DB) return false
    const h = C - gainDb
    for (const p of this.points) {
      if (p.h <= h && p.g <= T) return true
      if (p.h >= h && p.g > T) return false
    }
    const solved = this.points.find((p) => Math.abs(p.g - T) <= SOLVE_PRECISION_LU)
    if (solved) return solved.h <= h
    const g = this.loudnessAt({ gainDb, ceilingDb: C }) - C
    this.points.push({ h, g })
    return g <= T
  }

  /**
   * The gain for `plan` within the precision of its aim. Throws when the aim cannot be reached with
   * at most MAX_GAIN_DB of gain; when the steps run out first, the loudest gain under the aim.
   */
  solve(plan: { ceilingDb: number; aimLufs: number }): { gainDb: number; lufs: number; steps: number } {
    const precision = SOLVE_PRECISION_LU
    const maxSteps = SOLVE_MAX_STEPS
    const C = plan.ceilingDb
    const T = plan.aimLufs - C
    const minH = C - MAX_GAIN_DB
    const unreachable = () =>
      new RangeError(`Could not reach ${plan.aimLufs} LUFS with at most ${MAX_GAIN_DB} dB of gain (source ${this.inputLufs.toFixed(2)} LUFS)`)
    // Nothing limited at the plain gain: exact, no measurement.
    const plain = this.inputLufs - T
    if (plain >= this.peakDb) {
      if (plain < minH) throw unreachable()
      return { gainDb: round3(C - plain), lufs: plan.aimLufs, steps: 0 }
    }
    // Where nothing is limited G is a line of slope -1: its point at the peak is exact.
    const unlimited = { h: this.peakDb, g: this.inputLufs - this.peakDb }
    let steps = 0
    for (;;) {
      const usable = this.points.filter((p) => p.h >= minH)
      const close = usable.reduce<(typeof usable)[number] | undefined>((best, p) => (!best || Math.abs(p.g - T) < Math.abs(best.g - T) ? p : best), undefined)
      if (close && Math.abs(close.g - T) <= precision) return { gainDb: round3(C - close.h), lufs: close.g + C, steps }
      // Too quiet (G below the aim): more headroom than the answer; too loud: less.
      let quiet = unlimited
      let loud: { h: number; g: number } | undefined
      for (const p of usable) {
        if (p.g < T && p.h < quiet.h) quiet = p
        if (p.g > T && (!loud || p.h > loud.h)) loud = p
      }
      if (steps >= maxSteps) break
      // Secant through the two points nearest the aim; inside the bracket, or interpolate in it.
      const near = [...usable, unlimited].sort((a, b) => Math.abs(a.g - T) - Math.abs(b.g - T))
      let h = Number.NaN
      if (near.length >= 2 && near[0]!.h !== near[1]!.h) {
        const slope = Math.min(-0.05, (near[0]!.g - near[1]!.g) / (near[0]!.h - near[1]!.h))
        h = near[0]!.h + (T - near[0]!.g) / slope
      } else {
        h = quiet.h + (T - quiet.g) / -1
      }
      if (loud && !(h > loud.h && h < quiet.h)) h = quiet.h + ((T - quiet.g) * (loud.h - quiet.h)) / (loud.g - quiet.g)
      if (!loud && !(h < quiet.h)) h = quiet.h + (T - quiet.g) / -1
      if (h < minH) {
        // As much gain as allowed; if even that is too quiet, the aim is out of reach.
        if (quiet.h <= minH) break
        h = minH
      }
      const g = this.loudnessAt({ gainDb: round3(C - h), ceilingDb: C }) - C
      steps++
      this.points.push({ h: C - round3(C - h), g })
    }
    // Not reached within the steps, or capped below the aim: the loudest gain tried under the aim
    // (the caller judges the encoded result, which may still be within the tolerance).
    const under = this.points.filter((p) => p.h >= minH && p.g < T).sort((a, b) => a.h - b.h)[0]
    if (!under) throw unreachable()
    return { gainDb: round3(C - under.h), lufs: under.g + C, steps }
  }
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
 * What the limiter looks at for each sample: the loudest inter-sample peak (interSamplePeaks) from
 * that sample up to `lookahead` samples ahead. It depends on neither the gain nor the ceiling, so a
 * caller trying several (the gain search) computes it once per line. Sliding maximum in three
 * comparisons a sample (van Herk / Gil-Werman: maxima of fixed blocks from each end).
 */
export function limiterReach(samples: Float32Array, opts: LimiterOptions): Float32Array {
  const peaks = interSamplePeaks(samples)
  const n = peaks.length
  const W = opts.lookahead + 1
  const size = Math.ceil((n + opts.lookahead) / W) * W
  // Per block of W samples: `fromStart[i]` the maximum from the block's start to i, `toEnd[i]` from
  // i to the block's end. A window [i, i + W) spans at most two blocks: toEnd[i] and fromStart[i + W - 1].
  const fromStart = new Float32Array(size)
  const toEnd = new Float32Array(size)
  fromStart.set(peaks) // beyond the end: 0, nothing to limit
  for (let block = 0; block < size; block += W) {
    const end = block + W
    let max = 0
    for (let i = end - 1; i >= block; i--) {
      const p = fromStart[i]!
      max = p > max ? p : max
      toEnd[i] = max
    }
    max = 0
    for (let i = block; i < end; i++) {
      const p = fromStart[i]!
      max = p > max ? p : max
      fromStart[i] = max
    }
  }
  const reach = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    const a = toEnd[i]!
    const b = fromStart[i + W - 1]!
    reach[i] = a > b ? a : b
  }
  return reach
}

/**
 * Applies `gainDb` to `samples` (float, -1..1 full scale) and a look-ahead peak limiter so no
 * sample, nor the waveform between samples (see interSamplePeaks), exceeds `ceilingDb`. Returns a
 * new array; deterministic (plain float math, fixed order). `reach` is limiterReach(samples, opts),
 * which a caller trying several gains computes once.
 *
 * The gain each sample needs is ceiling / (peak x gain) where that is under 1. The limiter's gain
 * at sample i is the mean of the last `lookahead` values of a release-smoothed forward minimum of
 * that need (the need of the loudest peak in reach, `reach[i]`): every tap of that mean already
 * looked ahead far enough to see sample i's need, so the mean never exceeds it (no overshoot), and
 * it changes smoothly over `lookahead` samples (no clicks).
 */
export function applyGainAndLimit(
  samples: Float32Array,
  settings: NormalisationSettings,
  opts: LimiterOptions,
  reach: Float32Array = limiterReach(samples, opts),
): Float32Array {
  const gain = dbToLinear(settings.gainDb)
  const ceiling = dbToLinear(settings.ceilingDb)
  const n = samples.length
  const L = opts.lookahead
  const out = new Float32Array(n)
  let loudest = 0
  for (let i = 0; i < n; i++) if (reach[i]! > loudest) loudest = reach[i]!
  if (loudest * gain <= ceiling) {
    for (let i = 0; i < n; i++) out[i] = samples[i]! * gain
    return out
  }
  // One pass: the forward minimum of the need (from the loudest peak in reach), released (the gain
  // may fall at once, the look-ahead already prepared it, and rises slowly), then averaged over the
  // last L values (taps before the start take the first value: it looked far enough ahead).
  const a = 1 - Math.exp(-1 / opts.release)
  let env = 1
  const window = new Float64Array(L)
  let slot = 0
  let sum = 0
  for (let i = 0; i < n; i++) {
    const peak = reach[i]! * gain
    const forward = peak > ceiling ? ceiling / peak : 1
    // Minimums by comparison, not Math.min: the same values here (no NaN, no -0), and V8 runs this
    // loop faster without the call.
    const released = env + (1 - env) * a
    env = forward < released ? forward : released
    if (i === 0) {
      window.fill(env)
      sum = L * env
    }
    sum += env - window[slot]!
    window[slot] = env
    if (++slot === L) slot = 0
    const mean = sum / L
    const v = samples[i]! * gain * (mean < 1 ? mean : 1)
    // The mean never exceeds the need but for float rounding (and running-sum drift): clamp that.
    out[i] = v > ceiling ? ceiling : v < -ceiling ? -ceiling : v
  }
  return out
}

/**
 * How hard the limiter worked on a line: the median, weighted by the limited signal's energy, of
 * the gain reduction per `frame` samples (the dB the limiter took off `input` after `gainDb`). 0
 * when nothing was limited; speech limited only at its loudest syllables reads a few dB, and a
 * line whose voiced parts all sit on the ceiling reads tens of dB (the audio benchmark prints it
 * per voice). Frames where either side is silent are left out.
 */
export function limitingDepthDb(input: Float32Array, limited: Float32Array, gainDb: number, frame: number): number {
  const gain = dbToLinear(gainDb)
  const frames: { db: number; energy: number }[] = []
  for (let start = 0; start + frame <= input.length; start += frame) {
    let before = 0
    let after = 0
    for (let i = start; i < start + frame; i++) {
      const x = input[i]! * gain
      before += x * x
      after += limited[i]! * limited[i]!
    }
    if (before > 0 && after > 0) frames.push({ db: 10 * Math.log10(before / after), energy: after })
  }
  if (frames.length === 0) return 0
  frames.sort((a, b) => a.db - b.db)
  const half = frames.reduce((sum, f) => sum + f.energy, 0) / 2
  let k = 0
  let seen = frames[0]!.energy
  while (seen < half && k < frames.length - 1) seen += frames[++k]!.energy
  return Math.max(0, frames[k]!.db)
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
  // In power terms: over the threshold power T the gain is (p / T)^(-slope / 2), one pow a sample
  // (and none under the threshold) instead of a log and a pow. At 3:1, the ratio the normaliser
  // uses, that is T^(1/3) / cbrt(p): a cube root costs a sixth of a pow.
  const threshold = 10 ** (opts.thresholdDb / 10)
  const exponent = -slope / 2
  const scale = threshold ** (slope / 2)
  const cubeRoot = opts.ratio === 3
  const out = new Float32Array(samples.length)
  let env = 0
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i]!
    const sq = x * x
    const c = sq > env ? att : rel
    env = c * env + (1 - c) * sq
    const p = env + 1e-12
    out[i] = p <= threshold ? x : cubeRoot ? (x * scale) / Math.cbrt(p) : x * scale * p ** exponent
  }
  return out
}

/** The compressor for a source measured at `sourceLufs`: 3:1 from 3 dB above its loudness. */
export function compressorFor(sourceLufs: number): CompressorOptions {
  return { thresholdDb: sourceLufs + 3, ratio: 3, attackSec: 0.005, releaseSec: 0.08 }
}


/**
 * A short stretch where the codec pushed the decoded file over the peak limit: the codec's
 * overshoot is not spread evenly, and on heavily limited speech libopus now and then overshoots one
 * syllable's onset by 2-6 dB (or to full scale) where the rest of the line sits well under the
 * limit. Lowering the whole line's ceiling for it costs the line its loudness (and the encodes to
 * find that out); a dip of the gain there alone does not.
 */
export type PeakSpot = {
  /** Seconds from the start. */
  atSec: number
  /** dB to take off there. */
  dipDb: number
}

/** Frame in which spots are found (and one spot's reach). */
export const SPOT_FRAME_SEC = 0.01
/**
 * The decoded samples are read against the limit less this much: the true peak (between samples)
 * can be this much above the sample peak at 48 kHz for speech, and the dip takes it off too.
 */
export const SPOT_MARGIN_DB = 0.5
/** Most frames over the limit for the overshoot to count as local (spots), not the line's (the ceiling). */
export const MAX_SPOT_FRAMES = 8

/**
 * Where a decoded file peaks over `limitDb` (dBFS, sample peaks read SPOT_MARGIN_DB low): one spot
 * per 10 ms frame over it, with the dip that brings that frame's peak SPOT_MARGIN_DB under the
 * limit. Null when more than MAX_SPOT_FRAMES frames are over: the overshoot is the whole line's.
 */
export function peakSpots(decoded: Float32Array, sampleRate: number, limitDb: number): PeakSpot[] | null {
  const level = dbToLinear(limitDb - SPOT_MARGIN_DB)
  const frame = Math.max(1, Math.round(sampleRate * SPOT_FRAME_SEC))
  const spots: PeakSpot[] = []
  for (let start = 0; start < decoded.length; start += frame) {
    let peak = 0
    let at = start
    const end = Math.min(decoded.length, start + frame)
    for (let i = start; i < end; i++) {
      const a = decoded[i]! < 0 ? -decoded[i]! : decoded[i]!
      if (a > peak) {
        peak = a
        at = i
      }
    }
    if (peak <= level) continue
    if (spots.length === MAX_SPOT_FRAMES) return null
    spots.push({ atSec: at / sampleRate, dipDb: round3(20 * Math.log10(peak / level)) })
  }
  return spots
}

/** Spots found again near (within one frame of) one already dipped deepen it; others are added. */
export function mergeSpots(known: readonly PeakSpot[], found: readonly PeakSpot[]): PeakSpot[] {
  const out = known.map((s) => ({ ...s }))
  for (const s of found) {
    const near = out.find((k) => Math.abs(k.atSec - s.atSec) <= SPOT_FRAME_SEC)
    if (near) near.dipDb = round3(near.dipDb + s.dipDb)
    else out.push({ ...s })
  }
  return out.sort((a, b) => a.atSec - b.atSec)
}

/** The dip: full depth within HOLD of the spot, raised-cosine ramps of RAMP either side (no click). */
const DIP_HOLD_SEC = 0.012
const DIP_RAMP_SEC = 0.008

/**
 * `samples` with each spot's dip applied (where dips overlap, the deepest): a smooth local gain,
 * the same float math every time. A new array; `samples` when there are no spots.
 */
export function dipSpots(samples: Float32Array, sampleRate: number, spots: readonly PeakSpot[]): Float32Array {
  if (spots.length === 0) return samples
  const hold = Math.round(sampleRate * DIP_HOLD_SEC)
  const ramp = Math.max(1, Math.round(sampleRate * DIP_RAMP_SEC))
  const depth = new Map<number, number>()
  for (const spot of spots) {
    const centre = Math.round(spot.atSec * sampleRate)
    for (let i = Math.max(0, centre - hold - ramp); i <= Math.min(samples.length - 1, centre + hold + ramp); i++) {
      const distance = Math.abs(i - centre)
      const shape = distance <= hold ? 1 : 0.5 + 0.5 * Math.cos((Math.PI * (distance - hold)) / ramp)
      const db = spot.dipDb * shape
      if (db > (depth.get(i) ?? 0)) depth.set(i, db)
    }
  }
  const out = Float32Array.from(samples)
  for (const [i, db] of depth) out[i] = samples[i]! * dbToLinear(-db)
  return out
}
