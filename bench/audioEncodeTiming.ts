/**
 * The audio benchmark's encode timing (bench/audio.ts), on a thread of its own as production
 * encodes lines (src/audio/codec/encodePool.ts): each line encoded plain and normalised, timed,
 * and its normalised file decoded and measured once, timed. On the benchmark's event loop, after
 * its generations, the same loop read ~40% slower (plain 14.9-16.2 s, normalised 35.1-37.4 s for
 * 160 lines, against 13.7 and 25.9 s in a process of its own), with V8's helper threads busy
 * throughout.
 */
import { measureLoudness } from '@/audio/codec/loudnessMeter'
import { encodeNormalised } from '@/audio/codec/normalizeLoudness'
import { encodeOpus } from '@/audio/codec/opus'
import { decodeOggOpus } from '@/audio/codec/opusDecode'

export type TimingLine = { samples: Int16Array; sampleRate: number }
export type TimingResult = {
  plainSec: number
  normalisedSec: number
  decodeAndMeasureSec: number
  lines: Pick<Awaited<ReturnType<typeof encodeNormalised>>, 'settings' | 'encodes' | 'withinTarget' | 'loudness'>[]
}

/** Run by piscina on a thread of its own (see bench/audio.ts). */
export default async function timeEncoding(lines: TimingLine[]): Promise<TimingResult> {
  const result: TimingResult = { plainSec: 0, normalisedSec: 0, decodeAndMeasureSec: 0, lines: [] }
  const seconds = (since: number) => (performance.now() - since) / 1000
  for (const { samples, sampleRate } of lines) {
    let t = performance.now()
    await encodeOpus(samples, sampleRate)
    result.plainSec += seconds(t)
    t = performance.now()
    const { bytes, settings, encodes, withinTarget, loudness } = await encodeNormalised(samples, sampleRate, encodeOpus)
    result.normalisedSec += seconds(t)
    // The part of normalisation the issue requires of every file whatever the method: decode it and
    // measure it as a player hears it (once; the normaliser does it after each encode).
    t = performance.now()
    const decoded = await decodeOggOpus(bytes)
    measureLoudness(decoded.samples, decoded.sampleRate)
    result.decodeAndMeasureSec += seconds(t)
    result.lines.push({ settings, encodes, withinTarget, loudness })
  }
  return result
}
