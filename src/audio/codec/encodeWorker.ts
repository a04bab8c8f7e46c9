import { threadId } from 'node:worker_threads'

import { lowerPriority } from '@/audio/codec/backgroundPriority'
import { encodeNormalised } from '@/audio/codec/normalizeLoudness'
import { measureLoudness } from '@/audio/codec/loudnessMeter'
import { encodeOpus } from '@/audio/codec/opus'
import { decodeOggOpus } from '@/audio/codec/opusDecode'
import type { LoudnessMeasurement } from '@/domain/audio/loudness'

// Encoding is background work: requests served by this process's event loop go first.
lowerPriority()

/**
 * How a line is encoded: `normalised`, the product's only way; the audio benchmark's passes
 * without normalisation take `plain` (Ogg/Opus, no loudness) and `measured` (plain, then decoded
 * and measured as a player hears it, as every normalised file is: the part of normalisation any
 * method must do, on its own).
 */
export type EncodeMode = 'normalised' | 'plain' | 'measured'
export type EncodeTask = { samples: Int16Array; sampleRate: number; mode: EncodeMode }
/**
 * `threadId`: the worker thread that encoded it. `rejected`: why the audio itself could not be
 * encoded (silence, a line the codec keeps over the peak limit), as opposed to a failure of the
 * thread, which rejects the task.
 */
export type EncodeResult = { bytes: Uint8Array; loudness: LoudnessMeasurement | null; threadId: number } | { rejected: string; threadId: number }

/**
 * A worker thread of the encode pool (src/audio/codec/encodePool.ts): one line's speech to its
 * loudness-normalised Ogg/Opus file, exactly as encodeNormalised does it on any thread.
 */
export default async function encodeLine({ samples, sampleRate, mode }: EncodeTask): Promise<EncodeResult> {
  try {
    if (mode !== 'normalised') {
      const bytes = await encodeOpus(samples, sampleRate)
      if (mode === 'plain') return { bytes, loudness: null, threadId }
      const decoded = await decodeOggOpus(bytes)
      return { bytes, loudness: measureLoudness(decoded.samples, decoded.sampleRate), threadId }
    }
    const { bytes, loudness } = await encodeNormalised(samples, sampleRate, encodeOpus)
    return { bytes, loudness, threadId }
  } catch (error) {
    return { rejected: error instanceof Error ? error.message : String(error), threadId }
  }
}
