import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { gatedLoudness, integratedLoudness, kWeightedStepEnergy } from '@/domain/audio/integratedLoudness'
import { LimitedLoudnessEstimate } from '@/domain/audio/limitedLoudness'
import { applyGainAndLimit, compress, compressorFor, GainSolver, interSamplePeaks, limiterOptionsFor, SOLVE_PRECISION_LU } from '@/domain/audio/loudness'

/** A deterministic pseudo-random generator (mulberry32), so every signal here is the same each run. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Speech-like float samples: syllables of voiced harmonics and noise (a fricative) with a sharp
 * onset and a few loud vowels (`punch`: how far the loudest syllables reach over the rest), and
 * pauses of digital silence between them. Compressed as the normaliser compresses its input.
 */
function speech(seconds: number, sampleRate: number, seed: number, punch: number): Float32Array {
  const next = random(seed)
  const out = new Float32Array(Math.round(seconds * sampleRate))
  let i = 0
  while (i < out.length) {
    const syllable = Math.round((0.12 + 0.2 * next()) * sampleRate)
    const level = 0.05 * (next() < 0.2 ? punch : 1) * (0.5 + next())
    const f0 = 110 + 150 * next()
    const noisy = next() < 0.3
    for (let k = 0; k < syllable && i < out.length; k++, i++) {
      const t = k / sampleRate
      const envelope = Math.min(1, k / 40) * Math.min(1, (syllable - k) / 200)
      const voiced = Math.sin(2 * Math.PI * f0 * t) + 0.6 * Math.sin(2 * Math.PI * 2 * f0 * t) + 0.3 * Math.sin(2 * Math.PI * 3 * f0 * t)
      out[i] = level * envelope * (noisy ? 2 * next() - 1 : voiced)
    }
    i += Math.round((0.03 + 0.15 * next()) * sampleRate)
  }
  const int16 = Int16Array.from(out, (x) => Math.round(Math.max(-1, Math.min(1, x)) * 32767))
  const raw = Float32Array.from(int16, (x) => x / 32768)
  return compress(raw, sampleRate, compressorFor(integratedLoudness(raw, sampleRate)))
}

const exactLoudness = (input: Float32Array, sampleRate: number, settings: { gainDb: number; ceilingDb: number }) =>
  integratedLoudness(applyGainAndLimit(input, settings, limiterOptionsFor(sampleRate), interSamplePeaks(input)), sampleRate)

describe('kWeightedStepEnergy and gatedLoudness', () => {
  it.each([16000, 22050, 24000, 44100, 48000])('should split %d Hz audio into blocks that add up to the meter figure', (rate) => {
    const x = speech(3.37, rate, 7, 3)
    const { step, blocksPerStep, energy, length, stepEnergy } = kWeightedStepEnergy(x, rate, 32)
    expect(step).toBe(Math.round(rate / 10))
    // every sample in exactly one block; the blocks of a step fill it
    expect(length.reduce((a, b) => a + b, 0)).toBe(x.length)
    for (let k = 0; k < stepEnergy.length; k++) {
      const blocks = Array.from(length.subarray(k * blocksPerStep, (k + 1) * blocksPerStep))
      expect(blocks.reduce((a, b) => a + b, 0)).toBe(step)
      const sum = Array.from(energy.subarray(k * blocksPerStep, (k + 1) * blocksPerStep)).reduce((a, b) => a + b, 0)
      expect(sum).toBeCloseTo(stepEnergy[k]!, 12)
    }
    expect(Math.max(...length)).toBeLessThanOrEqual(64)
    expect(gatedLoudness(stepEnergy, step)).toBeCloseTo(integratedLoudness(x, rate), 9)
  })

  it('should read silence and less than one 400 ms block as -Infinity', () => {
    expect(gatedLoudness(new Float64Array(10), 2205)).toBe(Number.NEGATIVE_INFINITY)
    expect(gatedLoudness(Float64Array.from([1, 1, 1]), 2205)).toBe(Number.NEGATIVE_INFINITY)
  })
})

describe('LimitedLoudnessEstimate', () => {
  const RATE = 22050

  it("should read the input's own loudness, and the exact figure wherever nothing is limited", () => {
    const x = speech(4, RATE, 1, 2)
    const estimate = new LimitedLoudnessEstimate(x, interSamplePeaks(x), RATE, limiterOptionsFor(RATE))
    expect(estimate.inputLufs).toBeCloseTo(integratedLoudness(x, RATE), 9)
    for (const gainDb of [-6, 0, 3]) {
      const settings = { gainDb, ceilingDb: 0 }
      expect(estimate.loudnessAt(settings)).toBeCloseTo(exactLoudness(x, RATE, settings), 6)
    }
  })

  it('should estimate the limited loudness within the gain search precision, from light to heavy limiting', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(16000, 22050, 24000, 48000),
        fc.double({ min: 1, max: 12, noNaN: true }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.constantFrom(-4, -6, -8),
        (seed, rate, punch, overDb, ceilingDb) => {
          const x = speech(3, rate, seed, punch)
          const peaks = interSamplePeaks(x)
          let peak = 0
          for (const p of peaks) peak = Math.max(peak, p)
          // `overDb`: how far the loudest peak is pushed over the ceiling (0: just touching it).
          const settings = { gainDb: ceilingDb - 20 * Math.log10(peak) + overDb, ceilingDb }
          const estimate = new LimitedLoudnessEstimate(x, peaks, rate, limiterOptionsFor(rate))
          expect(Math.abs(estimate.loudnessAt(settings) - exactLoudness(x, rate, settings))).toBeLessThanOrEqual(SOLVE_PRECISION_LU)
        },
      ),
      { numRuns: 60, seed: 20261201 },
    )
  })

  it('should lead the gain search to the gain a search measuring in full finds', () => {
    const x = speech(5, RATE, 42, 8)
    const peaks = interSamplePeaks(x)
    let peak = 0
    for (const p of peaks) peak = Math.max(peak, p)
    const estimate = new LimitedLoudnessEstimate(x, peaks, RATE, limiterOptionsFor(RATE))
    const plan = { ceilingDb: -4, aimLufs: -15.7 }
    const fast = new GainSolver((s) => estimate.loudnessAt(s), estimate.inputLufs, 20 * Math.log10(peak)).solve(plan)
    // the limiter works on this line at that gain, and the estimate's gain measures at the aim
    expect(20 * Math.log10(peak) + fast.gainDb).toBeGreaterThan(plan.ceilingDb + 3)
    expect(Math.abs(exactLoudness(x, RATE, { gainDb: fast.gainDb, ceilingDb: plan.ceilingDb }) - plan.aimLufs)).toBeLessThanOrEqual(2 * SOLVE_PRECISION_LU)
  })
})

describe('GainSolver.record', () => {
  it('should answer from a measurement recorded elsewhere without measuring again', () => {
    const calls: unknown[] = []
    const solver = new GainSolver(
      (s) => {
        calls.push(s)
        return -22 + s.gainDb - 0.5 * Math.max(0, -6 + s.gainDb - s.ceilingDb)
      },
      -22,
      -6,
    )
    solver.record({ gainDb: 10.5, ceilingDb: -4 }, -15.75)
    const r = solver.solve({ ceilingDb: -4, aimLufs: -15.7 })
    expect(r).toEqual({ gainDb: 10.5, lufs: -15.75, steps: 0 })
    expect(calls).toHaveLength(0)
  })
})
