import type { Payload } from 'payload'

import type { Cue } from '@/domain/audio/cues'
import { primaryPool } from '@/db/postgres'

/**
 * Audio that was synthesised (and billed) but could not be saved: object storage or the database
 * failed after the provider answered. It is kept here, in Postgres, under its content key until a
 * retry of the job (in any worker process) saves it, so a storage outage never costs a second
 * provider bill for the same line. Table `audio_synthesis_spool` (migration
 * 20261130_160000_audio_synthesis_spool); entries older than the job retention are pruned by the
 * orphan sweep.
 */
export type SpooledAudio = {
  bytes: Buffer
  fileSize: number
  durationSec: number
  checksum: string
  chars: number
  calls: number
  loudnessLufs: number | null
  truePeakDbtp: number | null
  cues: Cue[] | null
}

type Meta = Omit<SpooledAudio, 'bytes'>

/** Keeps `audio` under `contentKey` (the first copy wins: the same key is the same audio). */
export async function spoolSynthesis(payload: Payload, contentKey: string, audio: SpooledAudio): Promise<void> {
  const { bytes, ...meta } = audio
  await primaryPool(payload).query(
    `INSERT INTO audio_synthesis_spool (content_key, bytes, meta) VALUES ($1, $2, $3::jsonb) ON CONFLICT (content_key) DO NOTHING`,
    [contentKey, bytes, JSON.stringify(meta satisfies Meta)],
  )
}

/** The spooled audio of `contentKey`, or null. */
export async function spooledSynthesis(payload: Payload, contentKey: string): Promise<SpooledAudio | null> {
  const { rows } = await primaryPool(payload).query<{ bytes: Buffer; meta: Meta }>('SELECT bytes, meta FROM audio_synthesis_spool WHERE content_key = $1', [contentKey])
  const row = rows[0]
  return row ? { ...row.meta, bytes: row.bytes } : null
}

/** Forgets the spooled audio of `contentKey` (it is saved now). */
export async function dropSpooledSynthesis(payload: Payload, contentKey: string): Promise<void> {
  await primaryPool(payload).query('DELETE FROM audio_synthesis_spool WHERE content_key = $1', [contentKey])
}

/** Deletes spooled audio older than `olderThanMs` (its jobs gave up long ago). Returns how many. */
export async function pruneSynthesisSpool(payload: Payload, olderThanMs: number): Promise<number> {
  const { rowCount } = await primaryPool(payload).query('DELETE FROM audio_synthesis_spool WHERE created_at < $1', [new Date(Date.now() - olderThanMs).toISOString()])
  return rowCount ?? 0
}
