import { threadId } from 'node:worker_threads'

import { lowerPriority } from '@/audio/codec/backgroundPriority'
import { encodeNormalised } from '@/audio/codec/normalizeLoudness'
import { encodeOpus } from '@/audio/codec/opus'
import type { LoudnessMeasurement } from '@/domain/audio/loudness'

// Encoding is background work: requests served by this process's event loop go first.
lowerPriority()

/** `normalise: false` only for the audio benchmark's passes without normalisation. */
export type EncodeTask = { samples: Int16Array; sampleRate: number; normalise: boolean }
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
export default async function encodeLine({ samples, sampleRate, normalise }: EncodeTask): Promise<EncodeResult> {
  try {
    if (!normalise) return { bytes: await encodeOpus(samples, sampleRate), loudness: null, threadId }
    const { bytes, loudness } = await encodeNormalised(samples, sampleRate, encodeOpus)
    return { bytes, loudness, threadId }
  } catch (error) {
    return { rejected: error instanceof Error ? error.message : String(error), threadId }
  }
}
