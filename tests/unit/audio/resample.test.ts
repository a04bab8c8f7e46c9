import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { floatToInt16, resampleToFloat } from '@/domain/audio/resample'

function tone(freq: number, rate: number, seconds: number): Int16Array {
  return Int16Array.from({ length: Math.round(rate * seconds) }, (_, i) => Math.round(10000 * Math.sin((2 * Math.PI * freq * i) / rate)))
}

function zeroCrossings(x: Float32Array): number {
  let n = 0
  for (let i = 1; i < x.length; i++) if (x[i - 1] < 0 !== x[i] < 0) n++
  return n
}

describe('resampleToFloat', () => {
  it('should only rescale when the rates match', () => {
    expect(Array.from(resampleToFloat(Int16Array.from([16384, -32768]), 24000, 24000))).toEqual([0.5, -1])
  })

  it.each([
    [22050, 24000],
    [44100, 48000],
    [48000, 16000],
  ])('should keep length and pitch from %d to %d Hz', (from, to) => {
    const out = resampleToFloat(tone(440, from, 1), from, to)
    expect(out.length).toBe(to)
    expect(zeroCrossings(out)).toBeGreaterThanOrEqual(878)
    expect(zeroCrossings(out)).toBeLessThanOrEqual(882)
  })

  it('should keep the amplitude of an in-band tone', () => {
    const out = resampleToFloat(tone(300, 22050, 0.5), 22050, 24000)
    const peak = out.subarray(100, -100).reduce((m, s) => Math.max(m, Math.abs(s)), 0)
    expect(peak).toBeCloseTo(10000 / 32768, 2)
  })

  it('should remove a tone above the new Nyquist when downsampling', () => {
    const out = resampleToFloat(tone(12000, 48000, 0.5), 48000, 16000)
    const peak = out.subarray(100, -100).reduce((m, s) => Math.max(m, Math.abs(s)), 0)
    expect(peak).toBeLessThan(0.01)
  })

  it('should reject an invalid rate', () => {
    expect(() => resampleToFloat(new Int16Array(1), 0, 24000)).toThrow(RangeError)
  })
})

describe('floatToInt16', () => {
  /** What it must equal: Math.round (half up), clamped to the 16-bit range. */
  const reference = (x: number) => Math.min(32767, Math.max(-32768, Math.round(x * 32768)))

  it('should round half up and clamp, as Math.round does', () => {
    const at = [0, -0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 32766.5, -32767.5, 32767.4, -32768.6, 32768, -32768, 40000, -40000].map((v) => v / 32768)
    const samples = Float32Array.from(at)
    expect(floatToInt16(samples)).toEqual(Int16Array.from(samples, reference))
    expect(Array.from(floatToInt16(Float32Array.from([0.5, -0.5, 1.5, -1.5].map((v) => v / 32768))))).toEqual([1, 0, 2, -1])
  })

  it('should equal Math.round for any float32 sample', () => {
    fc.assert(
      fc.property(fc.float32Array({ noNaN: true, minLength: 1, maxLength: 64 }), (values) => {
        expect(floatToInt16(values)).toEqual(Int16Array.from(values, reference))
      }),
      { numRuns: 2000 },
    )
  })
})
