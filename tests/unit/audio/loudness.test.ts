import { describe, expect, it } from 'vitest'

import { applyGainAndLimit, dbToLinear, firstPass, isWithinTarget, limiterOptionsFor, nextPass, LOUDNESS_TARGET } from '@/domain/audio/loudness'

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

describe('firstPass and nextPass', () => {
  it.each<[string, number, number]>([
    ['quiet local voice', -19, 3],
    ['loud provider', -9.5, -6.5],
    ['on target', -16, 0],
  ])('should start a %s with the gain to the target and a ceiling with margin', (_, lufs, gain) => {
    expect(firstPass({ integratedLufs: lufs, truePeakDbtp: -1 })).toEqual({ gainDb: gain, ceilingDb: -3 })
  })

  it('should refuse to normalise silence', () => {
    expect(() => firstPass({ integratedLufs: Number.NEGATIVE_INFINITY, truePeakDbtp: -120 })).toThrow(/Cannot normalise silence/)
    expect(() => firstPass({ integratedLufs: -75, truePeakDbtp: -50 })).toThrow(/Cannot normalise silence/)
  })

  it.each<[string, { gainDb: number; ceilingDb: number }, { integratedLufs: number; truePeakDbtp: number }, { gainDb: number; ceilingDb: number } | null]>([
    ['within target', { gainDb: 3, ceilingDb: -3 }, { integratedLufs: -16.4, truePeakDbtp: -2 }, null],
    ['too quiet after limiting', { gainDb: 3, ceilingDb: -3 }, { integratedLufs: -17.3, truePeakDbtp: -2.5 }, { gainDb: 4.3, ceilingDb: -3 }],
    ['true peak over the limit', { gainDb: 3, ceilingDb: -3 }, { integratedLufs: -16, truePeakDbtp: -1.2 }, { gainDb: 3, ceilingDb: -3.55 }],
    ['too loud and too peaky', { gainDb: 3, ceilingDb: -3 }, { integratedLufs: -14.5, truePeakDbtp: -1 }, { gainDb: 1.5, ceilingDb: -3.75 }],
  ])('should correct a pass that came out %s', (_, settings, result, next) => {
    expect(nextPass(settings, result)).toEqual(next)
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

  it('should use the project target', () => {
    expect(LOUDNESS_TARGET).toEqual({ integratedLufs: -16, toleranceLu: 1, truePeakDbtp: -1.5 })
  })
})
