import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { LOCK, lockInTransaction, trySessionLock } from '@/db/locks'
import { drizzleFor, primaryPool } from '@/db/postgres'
import { withTransaction } from '@/db/transaction'
import { isAudioObjectKey } from '@/domain/audio/objectKey'
import type { AudioStore } from '@/storage/objectStore'
import { pruneSynthesisSpool } from '@/audio/jobs/synthesisSpool'
import { settings } from '@/settings'

/** Object keys of the audio rows of a node or a story, read in the request's transaction. */
export async function audioObjectKeysOf(req: PayloadRequest, column: 'node_id' | 'story_id' | 'choice_id', id: string): Promise<string[]> {
  const db = await drizzleFor(req)
  const { rows } = await db.execute<{ key: string }>(
    sql`SELECT DISTINCT r2_url AS key FROM audio_files WHERE ${sql.identifier(column)} = ${id}::uuid AND r2_url IS NOT NULL`,
  )
  return rows.map((r) => r.key)
}

/**
 * Deletes the audio object `key` when no audio_files row references it. Every write that adds or
 * drops a reference to an object holds the same transaction lock on its key, so an object is
 * never deleted under a row that is being saved with it. Returns true when it was deleted.
 */
export async function releaseObject(payload: Payload, store: AudioStore, key: string): Promise<boolean> {
  if (!isAudioObjectKey(key)) return false
  return withTransaction(payload, async (_req, db) => {
    await lockInTransaction(db, LOCK.object, key)
    const { rows } = await db.execute(sql`SELECT 1 FROM audio_files WHERE r2_url = ${key} LIMIT 1`)
    if (rows.length) return false
    await store.delete(key)
    return true
  })
}

export type SweepOptions = {
  /** Only these keys (after a delete); otherwise every object under `audio/` is listed. */
  keys?: readonly string[]
  /** Listed objects younger than this are left alone (default 5 minutes). */
  graceMs?: number
  /** Objects per ListObjectsV2 page (1-1000). */
  pageSize?: number
  /** Completed audio jobs older than this are pruned from the queue table (default AUDIO_JOB_RETENTION_DAYS, else 7 days). */
  jobRetentionMs?: number
}

export type SweepResult = { checked: number; deleted: string[]; prunedJobs: number; skipped?: 'another sweep is running' }

const DEFAULT_GRACE_MS = 5 * 60_000
const jobRetentionMs = () => settings().audio.jobRetentionDays * 24 * 3600_000

/**
 * Deletes audio objects no row references: rows removed by ON DELETE CASCADE (a node or story was
 * deleted; no Payload hook runs for those), superseded audio, uploads whose row never committed.
 * A full sweep runs in one process at a time (advisory lock) and also prunes old completed jobs.
 */
export async function sweepAudioObjects(payload: Payload, store: AudioStore, opts: SweepOptions = {}): Promise<SweepResult> {
  if (opts.keys) {
    const deleted: string[] = []
    const keys = [...new Set(opts.keys)].filter(isAudioObjectKey)
    for (const key of keys) if (await releaseObject(payload, store, key)) deleted.push(key)
    return { checked: keys.length, deleted, prunedJobs: 0 }
  }
  const result = await trySessionLock(payload, LOCK.sweep, 'audio', () => fullSweep(payload, store, opts))
  return result.locked ? result.value : { checked: 0, deleted: [], prunedJobs: 0, skipped: 'another sweep is running' }
}

async function fullSweep(payload: Payload, store: AudioStore, opts: SweepOptions): Promise<SweepResult> {
  const graceMs = opts.graceMs ?? DEFAULT_GRACE_MS
  const pool = primaryPool(payload)
  const deleted: string[] = []
  let checked = 0
  const now = Date.now()
  for await (const page of store.list(opts.pageSize ?? 1000)) {
    const candidates = page.filter((o) => isAudioObjectKey(o.key) && (!o.lastModified || now - o.lastModified.getTime() >= graceMs)).map((o) => o.key)
    checked += page.length
    if (!candidates.length) continue
    const { rows } = await pool.query<{ key: string }>('SELECT DISTINCT r2_url AS key FROM audio_files WHERE r2_url = ANY($1::text[])', [candidates])
    const referenced = new Set(rows.map((r) => r.key))
    for (const key of candidates) {
      if (!referenced.has(key) && (await releaseObject(payload, store, key))) deleted.push(key)
    }
  }
  const retention = opts.jobRetentionMs ?? jobRetentionMs()
  const pruned = await pool.query(
    `DELETE FROM payload_jobs WHERE completed_at IS NOT NULL AND completed_at < $1 AND task_slug IN ('generateAudio', 'sweepAudioObjects', 'refreshStoryAudioBundles')`,
    [new Date(now - retention).toISOString()],
  )
  // Audio kept for a retry that never came (its job gave up) goes with the old jobs.
  await pruneSynthesisSpool(payload, retention)
  if (deleted.length) payload.logger.info({ msg: `Audio sweep deleted ${deleted.length} orphan object(s)`, deleted: deleted.length, checked })
  return { checked, deleted, prunedJobs: pruned.rowCount ?? 0 }
}
