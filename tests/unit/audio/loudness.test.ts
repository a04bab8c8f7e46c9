import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  applyGainAndLimit,
  compress,
  correction,
  dbToLinear,
  firstPlan,
  HEAVY_LIMITING_DB,
  interSamplePeaks,
  isWithinTarget,
  limiterOptionsFor,
  limiterReach,
  dipSpots,
  mergeSpots,
  peakSpots,
  MAX_SPOT_FRAMES,
  SPOT_MARGIN_DB,
  limitingDepthDb,
  LOUDNESS_TARGET,
  GainSolver,
  MAX_GAIN_DB,
} from '@/domain/audio/loudness'

describe('loudness target', () => {
  it.each<[number, number, boolean]>([
    [-16, -3, true],
    [-15.01, -1.5, true],
    [-17, -2, true],
    [-17.2, -2, false],
    [-14.9, -2, false],
    [-16, -1.4, false],
    [Number.NEGATIVE_INFINITY, -90, false],
  ])('should judge %d LUFS / %d dBTP within target: %s', (integratedLufs, truePeakDbtp, ok) => {
    expect(isWithinTarget({ integratedLufs, truePeakDbtp })).toBe(ok)
  })
})

describe('GainSolver', () => {
  // A line whose input measures -22 LUFS with its peak at -6 dBFS: after a gain g and a ceiling C
  // the limiter takes off what the peak reaches over the ceiling, times the share `bite` of the
  // loudness it costs (G(h) = F(h) - h with h = C - g: slope -1 unlimited, -(1 - bite) limited).
  const line = (bite: number) => {
    const calls: { gainDb: number; ceilingDb: number }[] = []
    const loudnessAt = (s: { gainDb: number; ceilingDb: number }) => {
      calls.push(s)
      const over = Math.max(0, -6 + s.gainDb - s.ceilingDb)
      return -22 + s.gainDb - bite * over
    }
    return { calls, solver: () => new GainSolver(loudnessAt, -22, -6) }
  }

  it('should answer without measuring when nothing is limited at the plain gain', () => {
    const { calls, solver } = line(0.5)
    const r = solver().solve({ ceilingDb: 0, aimLufs: -16 })
    expect(r).toEqual({ gainDb: 6, lufs: -16, steps: 0 })
    expect(calls).toHaveLength(0)
  })

  it.each([0.2, 0.5, 0.8])('should find the gain of a line the limiter bites with slope %d, within the precision', (bite) => {
    const { calls, solver } = line(bite)
    const plan = { ceilingDb: -4, aimLufs: -15.7 }
    const r = solver().solve(plan)
    // the exact answer: -22 + g - bite (g - 2) = -15.7
    const exact = (6.3 - 2 * bite) / (1 - bite)
    expect(Math.abs(r.lufs - plan.aimLufs)).toBeLessThanOrEqual(0.2)
    expect(r.gainDb).toBeCloseTo(exact, 0)
    expect(calls.length).toBe(r.steps)
    expect(r.steps).toBeLessThanOrEqual(4)
  })

  it("should start a line's second plan from the first one's measurements", () => {
    const { calls, solver } = line(0.5)
    const s = solver()
    const first = s.solve({ ceilingDb: -4, aimLufs: -15.7 })
    const before = calls.length
    const second = s.solve({ ceilingDb: -6, aimLufs: -15.4 })
    expect(Math.abs(second.lufs + 15.4)).toBeLessThanOrEqual(0.2)
    // what a fresh solver needs for the second plan alone
    const fresh = line(0.5)
    fresh.solver().solve({ ceilingDb: -6, aimLufs: -15.4 })
    expect(calls.length - before).toBeLessThan(fresh.calls.length)
    expect(first.steps).toBeGreaterThan(0)
    // the same aim again costs nothing
    expect(s.solve({ ceilingDb: -6, aimLufs: -15.4 }).steps).toBe(0)
  })

  describe('limitsAtLeast', () => {
    const plan = { ceilingDb: -4, aimLufs: -15.7 }
    // depth at the answer: the peak (-6) plus the exact gain over the ceiling (-4)
    const depthAtAnswer = (bite: number) => -6 + (6.3 - 2 * bite) / (1 - bite) + 4

    it.each([0.2, 0.5, 0.65, 0.7, 0.8])('should tell heavy limiting (13 dB) with one measurement at most, bite %d', (bite) => {
      const { calls, solver } = line(bite)
      expect(solver().limitsAtLeast(plan, 13)).toBe(depthAtAnswer(bite) >= 13)
      expect(calls.length).toBeLessThanOrEqual(1)
    })

    it('should answer from what a search measured, measuring nothing more', () => {
      for (const bite of [0.5, 0.8]) {
        const { calls, solver } = line(bite)
        const s = solver()
        s.solve(plan)
        const before = calls.length
        expect(s.limitsAtLeast(plan, 13)).toBe(depthAtAnswer(bite) >= 13)
        expect(calls.length).toBe(before)
      }
    })

    it("should give its point to the plan's search", () => {
      const { calls, solver } = line(0.8)
      const s = solver()
      s.limitsAtLeast(plan, 13)
      const r = s.solve(plan)
      expect(Math.abs(r.lufs - plan.aimLufs)).toBeLessThanOrEqual(0.2)
      const fresh = line(0.8).solver().solve(plan)
      // the search starts from the probe's point: fewer steps than alone, no more in all
      expect(r.steps).toBeLessThan(fresh.steps)
      expect(calls.length).toBeLessThanOrEqual(fresh.steps)
    })

    it('should measure nothing when nothing is limited or the depth needs more than the most gain', () => {
      const { calls, solver } = line(0.5)
      expect(solver().limitsAtLeast({ ceilingDb: 0, aimLufs: -16 }, 13)).toBe(false)
      const quiet: unknown[] = []
      // -60 LUFS, peak -40: limited at the plain gain (44.3 dB), but 13 dB deep needs 49 dB
      const s = new GainSolver((x) => (quiet.push(x), -60 + x.gainDb), -60, -40)
      expect(s.limitsAtLeast(plan, 13)).toBe(false)
      expect(calls).toHaveLength(0)
      expect(quiet).toHaveLength(0)
    })
  })

  it('should refuse silence and what the most gain cannot reach', () => {
    expect(() => new GainSolver(() => -80, Number.NEGATIVE_INFINITY, -40)).toThrow(/Cannot normalise silence/)
    // unlimited and quiet: the plain gain would be over the cap
    expect(() => new GainSolver((s) => -66 + s.gainDb, -66, -56).solve({ ceilingDb: 0, aimLufs: -16 })).toThrow(/at most 48 dB/)
    // limited to a flat -16.8: the loudest gain tried under the aim, for the caller to judge
    const capped = new GainSolver(() => -16.8, -30, -10).solve({ ceilingDb: -4, aimLufs: -16 })
    expect(capped.lufs).toBe(-16.8)
    expect(capped.gainDb).toBeLessThanOrEqual(MAX_GAIN_DB)
  })
})

describe('firstPlan', () => {
  it('should aim 0.3 LU high with the ceiling 2.5 dB under the peak limit by default', () => {
    expect(firstPlan(LOUDNESS_TARGET)).toEqual({ ceilingDb: -4, aimLufs: -15.7 })
    expect(firstPlan(LOUDNESS_TARGET, HEAVY_LIMITING_DB - 0.01)).toEqual({ ceilingDb: -4, aimLufs: -15.7 })
  })

  it('should start a heavily limited line 2 dB lower and 0.3 LU higher', () => {
    const plan = firstPlan(LOUDNESS_TARGET, HEAVY_LIMITING_DB)
    expect(plan.ceilingDb).toBeCloseTo(-6, 9)
    expect(plan.aimLufs).toBeCloseTo(-15.4, 9)
  })
})

describe('correction', () => {
  it.each<[string, { integratedLufs: number; truePeakDbtp: number }, { ceilingDb: number; aimLufs: number } | null]>([
    ['within target', { integratedLufs: -16.4, truePeakDbtp: -2 }, null],
    ['true peak over the limit', { integratedLufs: -16.2, truePeakDbtp: -1 }, { ceilingDb: -4.7, aimLufs: -15.7 }],
    ['the codec lost loudness', { integratedLufs: -17.2, truePeakDbtp: -2 }, { ceilingDb: -4, aimLufs: -14.5 }],
    ['too loud and too peaky', { integratedLufs: -14.8, truePeakDbtp: -0.5 }, { ceilingDb: -5.2, aimLufs: -16.9 }],
  ])('should redo a file that came out %s', (_, decoded, next) => {
    expect(correction({ ceilingDb: -4, aimLufs: -15.7 }, decoded)).toEqual(next)
  })
})

describe('interSamplePeaks', () => {
  it('should see the peak of a sine sampled off its crest', () => {
    // 1/4 of the sample rate, phase 45 degrees: every sample is at 0.707 of the 1.0 crest.
    const x = Float32Array.from({ length: 64 }, (_, i) => Math.sin((Math.PI / 2) * i + Math.PI / 4))
    const peak = interSamplePeaks(x).slice(2, -2).reduce((m, v) => Math.max(m, v), 0)
    expect(Math.max(...x)).toBeLessThan(0.71)
    expect(peak).toBeGreaterThan(0.85)
  })
})

describe('compress', () => {
  it('should reduce loud parts by the ratio above the threshold and leave quiet parts', () => {
    const rate = 8000
    const x = Float32Array.from({ length: rate }, (_, i) => (i < rate / 2 ? 0.05 : 0.5) * Math.sin(i / 3))
    const y = compress(x, rate, { thresholdDb: -20, ratio: 3, attackSec: 0.005, releaseSec: 0.05 })
    const rms = (a: Float32Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0) / a.length)
    const db = (v: number) => 20 * Math.log10(v)
    expect(db(rms(y.slice(1000, 3000)))).toBeCloseTo(db(rms(x.slice(1000, 3000))), 1)
    // 0.5 sine: RMS -9 dBFS, 11 dB over the threshold -> at least 11 * (2/3) = 7.3 dB less (the
    // fast-attack detector rides the waveform's crests, so a little more; never the full 11)
    const reduction = db(rms(x.slice(6000))) - db(rms(y.slice(6000)))
    expect(reduction).toBeGreaterThan(7.2)
    expect(reduction).toBeLessThan(10)
  })
})

describe('compress at 3:1 (cube root instead of pow)', () => {
  it('should give the general formula\'s output, (p / T)^(-1/3) over the threshold', () => {
    const rate = 22050
    const x = Float32Array.from({ length: rate }, (_, i) => Math.sin(i / 5) * (0.02 + 0.9 * Math.abs(Math.sin(i / 3000))))
    const opts = { thresholdDb: -24, ratio: 3, attackSec: 0.005, releaseSec: 0.08 }
    const y = compress(x, rate, opts)
    // the same detector, the gain by pow
    const att = Math.exp(-1 / (opts.attackSec * rate))
    const rel = Math.exp(-1 / (opts.releaseSec * rate))
    const T = 10 ** (opts.thresholdDb / 10)
    let env = 0
    let over = 0
    for (let i = 0; i < x.length; i++) {
      const sq = x[i]! * x[i]!
      const c = sq > env ? att : rel
      env = c * env + (1 - c) * sq
      const p = env + 1e-12
      const expected = p > T ? x[i]! * (p / T) ** (-1 / 3) : x[i]!
      if (p > T) over++
      expect(Math.abs(y[i]! - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-6 + 1e-9)
    }
    expect(over).toBeGreaterThan(x.length / 4)
  })
})

describe('applyGainAndLimit', () => {
  const rate = 24000
  const opts = limiterOptionsFor(rate)
  // speech-like: a 200 Hz tone with a loud burst in the middle
  const input = Float32Array.from({ length: rate }, (_, i) => Math.sin((2 * Math.PI * 200 * i) / rate) * (i > 10000 && i < 11000 ? 0.9 : 0.2))

  it('should only apply the gain when nothing reaches the ceiling', () => {
    const out = applyGainAndLimit(input.map((x) => x / 10), { gainDb: 6, ceilingDb: -1 }, opts)
    expect(out[100]).toBeCloseTo((input[100]! / 10) * dbToLinear(6), 6)
  })

  it.each<[number, number]>([
    [0, -3],
    [6, -3],
    [12, -6],
  ])('should keep every sample under the ceiling (gain %d dB, ceiling %d dBFS)', (gainDb, ceilingDb) => {
    const out = applyGainAndLimit(input, { gainDb, ceilingDb }, opts)
    const peak = out.reduce((m, x) => Math.max(m, Math.abs(x)), 0)
    expect(peak).toBeLessThanOrEqual(dbToLinear(ceilingDb) + 1e-7)
    // quiet parts far from the burst keep their full gain
    expect(Math.abs(out[3000]! - input[3000]! * dbToLinear(gainDb))).toBeLessThan(1e-4)
  })

  it('should change the gain smoothly (no step larger than one look-ahead slice)', () => {
    const out = applyGainAndLimit(input, { gainDb: 12, ceilingDb: -6 }, opts)
    const gains = Array.from(out, (x, i) => (Math.abs(input[i]!) > 0.05 ? [i, x / (input[i]! * dbToLinear(12))] : null)).filter((g): g is number[] => g !== null)
    const maxStepPerSample = gains.slice(1).reduce((m, [i, g], k) => Math.max(m, Math.abs(g! - gains[k]![1]!) / (i! - gains[k]![0]!)), 0)
    expect(maxStepPerSample).toBeLessThan(1 / opts.lookahead + 1e-6)
    expect(maxStepPerSample).toBeGreaterThan(0)
  })

  it('should be deterministic', () => {
    const a = applyGainAndLimit(input, { gainDb: 9, ceilingDb: -4 }, opts)
    const b = applyGainAndLimit(input, { gainDb: 9, ceilingDb: -4 }, opts)
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true)
  })

  /**
   * The limiter as first written, one need per sample and a forward minimum searched in full: the
   * shipped one must give the same floats (it takes the need of the loudest peak in reach instead).
   */
  function referenceLimit(samples: Float32Array, gainDb: number, ceilingDb: number, o: { lookahead: number; release: number }): Float32Array {
    const gain = dbToLinear(gainDb)
    const ceiling = dbToLinear(ceilingDb)
    const peaks = interSamplePeaks(samples)
    const need = Array.from(peaks, (p) => (p * gain > ceiling ? ceiling / (p * gain) : 1))
    const a = 1 - Math.exp(-1 / o.release)
    const out = new Float32Array(samples.length)
    const envs: number[] = []
    let env = 1
    for (let i = 0; i < samples.length; i++) {
      const forward = Math.min(1, ...need.slice(i, i + o.lookahead + 1))
      const released = env + (1 - env) * a
      env = Math.min(forward, released)
      envs.push(env)
      let sum = o.lookahead * envs[0]!
      for (let k = 0; k <= i; k++) sum += envs[k]! - (k >= o.lookahead ? envs[k - o.lookahead]! : envs[0]!)
      const mean = sum / o.lookahead
      const v = samples[i]! * gain * Math.min(1, mean)
      out[i] = Math.max(-ceiling, Math.min(ceiling, v))
    }
    return out
  }

  it('should give the floats of the straightforward limiter, and reach the loudest peak ahead', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: -6, max: 30, noNaN: true }),
        fc.double({ min: -12, max: 0, noNaN: true }),
        (values, lookahead, release, gainDb, ceilingDb) => {
          const samples = Float32Array.from(values)
          const o = { lookahead, release }
          const peaks = interSamplePeaks(samples)
          const reach = limiterReach(samples, o)
          reach.forEach((r, i) => expect(r).toBe(Math.max(...peaks.slice(i, i + lookahead + 1))))
          const out = applyGainAndLimit(samples, { gainDb, ceilingDb }, o, reach)
          const expected = referenceLimit(samples, gainDb, ceilingDb, o)
          // Sums in a different order could drift by a rounding step; the same order gives the same floats.
          out.forEach((x, i) => expect(Object.is(x, expected[i]) || x === expected[i]).toBe(true))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('should use the project target', () => {
    expect(LOUDNESS_TARGET).toEqual({ integratedLufs: -16, toleranceLu: 1, truePeakDbtp: -1.5 })
  })
})

describe('limitingDepthDb', () => {
  const rate = 24000
  const frame = 240
  const tone = (amplitude: number, seconds = 1) => Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * 200 * i) / rate))

  it('should read 0 when the limiter had nothing to do', () => {
    const input = tone(0.1)
    const out = applyGainAndLimit(input, { gainDb: 6, ceilingDb: -1 }, limiterOptionsFor(rate))
    expect(limitingDepthDb(input, out, 6, frame)).toBeCloseTo(0, 4)
  })

  it('should read what the limiter took off a steady tone', () => {
    // full scale after the gain, ceiling 9 dB lower: 9 dB off once the limiter has settled
    const input = tone(dbToLinear(-6))
    const out = applyGainAndLimit(input, { gainDb: 6, ceilingDb: -9 }, limiterOptionsFor(rate))
    expect(limitingDepthDb(input, out, 6, frame)).toBeCloseTo(9, 1)
  })

  it('should weigh frames by the energy left after limiting, skipping silence', () => {
    const input = new Float32Array(5 * frame) // frame 4 stays silent
    const limited = new Float32Array(5 * frame)
    const fill = (f: number, before: number, after: number) => {
      input.fill(before, f * frame, (f + 1) * frame)
      limited.fill(after, f * frame, (f + 1) * frame)
    }
    // three frames limited by 20 dB, one untouched frame holding more energy than the three: 0
    for (const f of [0, 1, 2]) fill(f, 1, 0.1)
    fill(3, 0.5, 0.5)
    expect(limitingDepthDb(input, limited, 0, frame)).toBeCloseTo(0, 6)
    // three quiet untouched frames, one frame limited by 20 dB holding most energy: 20 (an
    // unweighted median would read 0)
    for (const f of [0, 1, 2]) fill(f, 0.01, 0.01)
    fill(3, 1, 0.1)
    expect(limitingDepthDb(input, limited, 0, frame)).toBeCloseTo(20, 6)
  })
})

describe('peak spots', () => {
  const rate = 48000
  const steady = (seconds: number, level: number) => Float32Array.from({ length: rate * seconds }, (_, i) => level * Math.sin((2 * Math.PI * 220 * i) / rate))

  it('should find the frames over the limit and the dip that brings each under it', () => {
    const x = steady(1, 0.5)
    x[Math.round(0.3 * rate)] = 0.95
    x[Math.round(0.7 * rate)] = -0.9
    const spots = peakSpots(x, rate, -1.5)!
    expect(spots.map((s) => s.atSec)).toEqual([0.3, 0.7])
    const level = dbToLinear(-1.5 - SPOT_MARGIN_DB)
    expect(spots[0]!.dipDb).toBeCloseTo(20 * Math.log10(0.95 / level), 3)
    expect(spots[1]!.dipDb).toBeCloseTo(20 * Math.log10(0.9 / level), 3)
    expect(peakSpots(steady(1, 0.5), rate, -1.5)).toEqual([])
  })

  it("should treat an overshoot all over the line as the line's, not as spots", () => {
    const x = steady(1, 0.5)
    for (let k = 0; k <= MAX_SPOT_FRAMES; k++) x[Math.round((0.05 + k * 0.05) * rate)] = 0.95
    expect(peakSpots(x, rate, -1.5)).toBeNull()
    x[Math.round(0.05 * rate)] = 0.5
    expect(peakSpots(x, rate, -1.5)).toHaveLength(MAX_SPOT_FRAMES)
  })

  it('should deepen a spot found again and add new ones, in order', () => {
    const merged = mergeSpots([{ atSec: 0.5, dipDb: 2 }], [{ atSec: 0.805, dipDb: 1 }, { atSec: 0.504, dipDb: 1.5 }, { atSec: 0.1, dipDb: 0.5 }])
    expect(merged).toEqual([
      { atSec: 0.1, dipDb: 0.5 },
      { atSec: 0.5, dipDb: 3.5 },
      { atSec: 0.805, dipDb: 1 },
    ])
  })

  it('should dip only around each spot, smoothly, the deepest where two meet', () => {
    const x = new Float32Array(rate).fill(0.5)
    expect(dipSpots(x, rate, [])).toBe(x)
    const y = dipSpots(x, rate, [{ atSec: 0.5, dipDb: 6 }, { atSec: 0.51, dipDb: 3 }])
    expect(y[Math.round(0.5 * rate)]).toBeCloseTo(0.5 * dbToLinear(-6), 6)
    // untouched 20 ms (hold + ramp) away
    expect(y[Math.round(0.45 * rate)]).toBe(0.5)
    expect(y[Math.round(0.55 * rate)]).toBe(0.5)
    // no step: at most the raised-cosine ramp's steepest (in dB: pi/2 x 6 dB over 8 ms, at full gain)
    let step = 0
    for (let i = 1; i < y.length; i++) step = Math.max(step, Math.abs(y[i]! - y[i - 1]!))
    expect(step).toBeLessThan(0.5 * (Math.LN10 / 20) * ((6 * Math.PI) / 2 / (0.008 * rate)))
    expect(x[Math.round(0.5 * rate)]).toBe(0.5)
  })
})
