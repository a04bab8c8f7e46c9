import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'

import { encodeOpus } from '@/audio/codec/opus'
import { measureLoudness, measureTruePeak, measureTruePeakWhole } from '@/audio/codec/loudnessMeter'
import { decodeOggOpus, DECODE_RATE } from '@/audio/codec/opusDecode'
import { integratedLoudness } from '@/domain/audio/integratedLoudness'
import { truePeakWindows } from '@/domain/audio/truePeakWindows'

import { crateIntegratedLufs, crateTruePeakDbtp } from '../../support/ebur128Crate'
import { ffmpegLoudness } from '../../support/ffmpegLoudness'

const dir = mkdtempSync(join(tmpdir(), 'bhk-loud-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const rate = 24000
function speechLike(seconds: number, amp: number): Int16Array {
  return Int16Array.from({ length: rate * seconds }, (_, i) => {
    const t = i / rate
    const syllable = Math.max(0, Math.sin(2 * Math.PI * 3 * t)) // 3 syllables a second
    const voice = Math.sin(2 * Math.PI * 180 * t) + 0.5 * Math.sin(2 * Math.PI * 360 * t) + 0.25 * Math.sin(2 * Math.PI * 1100 * t)
    return Math.round(amp * 32767 * syllable * voice / 1.75)
  })
}

describe('decodeOggOpus and measureLoudness', () => {
  it.each([0.1, 0.3, 0.8])('should agree with ffmpeg ebur128 within 0.3 LU and 0.5 dB on Opus at amplitude %d', async (amp) => {
    const file = join(dir, `tone-${amp}.opus`)
    const bytes = await encodeOpus(speechLike(4, amp), rate)
    writeFileSync(file, bytes)
    const decoded = await decodeOggOpus(bytes)
    expect(decoded.samples.length).toBe(4 * DECODE_RATE)
    const ours = measureLoudness(decoded.samples, decoded.sampleRate)
    const theirs = ffmpegLoudness(file)
    expect(Math.abs(ours.integratedLufs - theirs.integratedLufs)).toBeLessThan(0.3)
    expect(Math.abs(ours.truePeakDbtp - theirs.truePeakDbtp)).toBeLessThan(0.5)
  })

  it('should read a 1 kHz sine at 0.5 as -9.0 LUFS and -6.0 dBTP (BS.1770 calibration)', () => {
    const sine = Float32Array.from({ length: 48000 * 3 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / 48000))
    const m = measureLoudness(sine, 48000)
    expect(m.integratedLufs).toBeCloseTo(-9.03, 1)
    expect(m.truePeakDbtp).toBeCloseTo(-6.02, 1)
  })

  it('should refuse bytes that are not Ogg/Opus', async () => {
    await expect(decodeOggOpus(Buffer.from('RIFF....WAVEfmt '))).rejects.toThrow(/Not an Ogg page/)
  })
})

/** Deterministic pseudo-random speech-ish signal: bursts of noise and tones with pauses between. */
function bursts(seconds: number, sampleRate: number, seed: number): Float32Array {
  let s = seed
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647)
  const out = new Float32Array(Math.round(seconds * sampleRate))
  let i = 0
  while (i < out.length) {
    const len = Math.round((0.05 + rnd() * 0.6) * sampleRate)
    const amp = rnd() < 0.25 ? 0 : 10 ** ((-40 + rnd() * 38) / 20)
    const f = 80 + rnd() * 6000
    for (let k = 0; k < len && i < out.length; k++, i++) out[i] = amp * (0.6 * Math.sin((2 * Math.PI * f * i) / sampleRate) + 0.4 * (rnd() * 2 - 1))
  }
  return out
}

describe('the libebur128 meter (src/audio/codec/libebur128)', () => {
  it('should be the committed build of its sources (build.sh prints this sha256)', () => {
    const wasm = readFileSync(join(process.cwd(), 'src/audio/codec/libebur128/ebur128.wasm'))
    const readme = readFileSync(join(process.cwd(), 'src/audio/codec/libebur128/README.md'), 'utf8')
    const sha = createHash('sha256').update(wasm).digest('hex')
    expect(readme).toContain(sha)
  })

  it.each([22050, 24000, 48000])('should give the Rust ebur128 crate\'s figures (the ebur128-wasm package) at %d Hz', (sampleRate) => {
    for (let seed = 1; seed <= 8; seed++) {
      const x = bursts(1 + seed * 0.9, sampleRate, seed)
      const m = measureLoudness(x, sampleRate)
      expect(Math.abs(m.integratedLufs - crateIntegratedLufs(x, sampleRate))).toBeLessThan(1e-9)
      // the crate reads the true peak in single precision
      expect(Math.abs(measureTruePeakWhole(x, sampleRate) - crateTruePeakDbtp(x, sampleRate))).toBeLessThan(1e-4)
    }
  })

  it('should give the crate\'s figures on decoded Opus speech, and -Infinity for silence', async () => {
    for (const amp of [0.05, 0.5]) {
      const decoded = await decodeOggOpus(await encodeOpus(speechLike(2, amp), rate))
      const m = measureLoudness(decoded.samples, DECODE_RATE)
      expect(Math.abs(m.integratedLufs - crateIntegratedLufs(decoded.samples, DECODE_RATE))).toBeLessThan(1e-9)
      expect(Math.abs(m.truePeakDbtp - crateTruePeakDbtp(decoded.samples, DECODE_RATE))).toBeLessThan(1e-4)
    }
    expect(measureLoudness(new Float32Array(48000), 48000)).toEqual({ integratedLufs: Number.NEGATIVE_INFINITY, truePeakDbtp: Number.NEGATIVE_INFINITY })
  })
})

describe('integratedLoudness (the gain search meter) against ebur128', () => {
  it.each([22050, 24000, 48000])('should give ebur128 figures to within 0.01 LU at %d Hz', (sampleRate) => {
    for (let seed = 1; seed <= 12; seed++) {
      const x = bursts(1 + seed * 0.7, sampleRate, seed)
      expect(Math.abs(integratedLoudness(x, sampleRate) - measureLoudness(x, sampleRate).integratedLufs)).toBeLessThan(0.01)
    }
  })

  it('should read a 1 kHz sine at 0.5 as -9.0 LUFS, and silence or less than one 400 ms block as -Infinity', () => {
    const sine = Float32Array.from({ length: 48000 * 3 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / 48000))
    expect(integratedLoudness(sine, 48000)).toBeCloseTo(-9.03, 1)
    expect(integratedLoudness(new Float32Array(48000), 48000)).toBe(Number.NEGATIVE_INFINITY)
    expect(integratedLoudness(sine.subarray(0, 48000 * 0.39), 48000)).toBe(Number.NEGATIVE_INFINITY)
  })
})

describe('measureTruePeak (ebur128 read where the peak can be)', () => {
  it('should equal the whole-signal reading on random signals, spikes and inter-sample peaks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 0, max: 3 }), (seed, kind) => {
        let x = bursts(0.5 + (seed % 7) * 0.2, 48000, seed)
        if (kind === 1) x = x.map((v, i) => (i % 4801 === 7 ? (i % 2 ? 0.9 : -0.9) : v))
        // a quarter-rate sine sampled 45 degrees off its crest: the samples read 3 dB under the true peak
        if (kind === 2) x = x.map((v, i) => (i > 2000 && i < 2400 ? 0.7 * Math.sin((Math.PI * i) / 2 + Math.PI / 4) : v))
        // alternating full-scale samples next to quiet ones (the interpolator's worst phase)
        if (kind === 3) x = x.map((v, i) => (i > 3000 && i < 3013 ? (i % 2 ? 0.5 : -0.5) : v * 0.1))
        expect(measureTruePeak(x, 48000)).toBe(measureTruePeakWhole(x, 48000))
      }),
      { numRuns: 60 },
    )
  })

  // libebur128's interpolator (49-tap Hann-windowed sinc, 4x): the half-sample phase's weights.
  const halfPhase = Array.from({ length: 12 }, (_, t) => {
    const j = 2 + 4 * t
    const m = (j - 24) / 4
    return { back: t, weight: (Math.sin(Math.PI * m) / (Math.PI * m)) * 0.5 * (1 - Math.cos((2 * Math.PI * j) / 48)) }
  })

  it('should find a true peak made by samples under the level, from neighbours as far as one phase reaches', () => {
    // One isolated sample at 1.0 (the sample peak), and elsewhere twelve samples signed like the
    // half-sample phase's weights: the two nearest at 0.6 (over the level, max / 2), the rest at
    // 0.49 (under it). Their interpolated value reaches above 1.0 only with every neighbour counted:
    // a smaller gain bound drops the 0.6 samples from the windows, a smaller pad their neighbours.
    const x = new Float32Array(8000)
    x[1000] = 1
    const at = 5000
    for (const { back, weight } of halfPhase) x[at - back] = Math.sign(weight) * (Math.abs(weight) > 0.5 ? 0.6 : 0.49)
    const whole = measureTruePeakWhole(x, 48000)
    expect(whole).toBeGreaterThan(0.1)
    expect(measureTruePeak(x, 48000)).toBe(whole)
  })

  it('should equal the whole-signal reading on decoded Opus speech, reading a part of it', async () => {
    for (const amp of [0.2, 0.9]) {
      const decoded = await decodeOggOpus(await encodeOpus(speechLike(3, amp), rate))
      expect(measureTruePeak(decoded.samples, DECODE_RATE)).toBe(measureTruePeakWhole(decoded.samples, DECODE_RATE))
      const read = truePeakWindows(decoded.samples).reduce((n, [s, e]) => n + e - s, 0)
      expect(read).toBeLessThan(decoded.samples.length)
    }
  })

  it('should read nothing of silence', () => {
    expect(truePeakWindows(new Float32Array(1000))).toEqual([])
    expect(measureTruePeak(new Float32Array(1000), 48000)).toBe(Number.NEGATIVE_INFINITY)
  })
})
