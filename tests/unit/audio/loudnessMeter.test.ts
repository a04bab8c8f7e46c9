import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { encodeOpus } from '@/audio/codec/opus'
import { measureLoudness } from '@/audio/codec/loudnessMeter'
import { decodeOggOpus, DECODE_RATE } from '@/audio/codec/opusDecode'

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
