import { createHash } from 'node:crypto'

import { parseBuffer } from 'music-metadata'

import { TtsError } from '@/domain/audio/ttsError'
import { readOggPages } from '@/domain/audio/ogg'

export type AudioProbe = { durationSec: number; bytes: number; sha256: string }

/**
 * Check that `buf` is a well-formed Ogg/Opus file and measure it. Every Ogg page is walked and its
 * CRC checked (music-metadata does not), then music-metadata reads the duration from the granule
 * positions. Anything else is a `MALFORMED_AUDIO` error saying what is wrong.
 */
export async function probeAudio(buf: Buffer): Promise<AudioProbe> {
  const fail = (why: string, cause?: unknown) => new TtsError('MALFORMED_AUDIO', `Malformed Ogg/Opus audio (${buf.length} bytes): ${why}`, { cause })
  if (buf.length === 0) throw fail('empty buffer')
  try {
    readOggPages(buf)
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error), error)
  }
  const metadata = await parseBuffer(buf, { mimeType: 'audio/ogg' }, { duration: true }).catch((error: unknown) => {
    throw fail(`music-metadata could not parse it: ${error instanceof Error ? error.message : String(error)}`, error)
  })
  const { codec, duration } = metadata.format
  if (codec !== 'Opus') throw fail(`codec is ${codec ?? 'unknown'}, expected Opus`)
  if (duration === undefined || !Number.isFinite(duration) || duration <= 0) throw fail(`no playable duration (${duration})`)
  return { durationSec: duration, bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') }
}
