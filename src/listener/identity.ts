import type { Payload } from 'payload'

import { mergePreferences, type Preferences, type preferencesPatchSchema } from '@/domain/listener/schemas'
import { signListenerToken } from '@/domain/listener/token'
import { primaryPool } from '@/db/postgres'
import { LRUCache } from 'lru-cache'

import type { z } from 'zod'

import { listenerSettings } from '@/listener/config'

export type ListenerView = { id: string; anonymousId: string; preferences: Preferences; createdAt: string; lastActive: string | null }

type UserRow = { id: string; anonymous_id: string; preferences: unknown; created_at: Date; last_active: Date | null }

const COLUMNS = 'id, anonymous_id, preferences, created_at, last_active'

function view(row: UserRow): ListenerView {
  return {
    id: row.id,
    anonymousId: row.anonymous_id,
    preferences: mergePreferences(row.preferences, {}),
    createdAt: row.created_at.toISOString(),
    lastActive: row.last_active ? row.last_active.toISOString() : null,
  }
}

export function issueToken(userId: string, nowMs = Date.now()): string {
  const { secret, tokenTtlSec } = listenerSettings()
  return signListenerToken(userId, secret, { ttlSec: tokenTtlSec, nowSec: Math.floor(nowMs / 1000) })
}

/**
 * Finds or creates the listener of a device. Race-safe without a transaction: INSERT … ON
 * CONFLICT DO NOTHING waits for a concurrent insert of the same id to commit, and the SELECT that
 * follows (a new snapshot) then sees that row.
 */
export async function signInAnonymous(payload: Payload, anonymousId: string): Promise<{ token: string; user: ListenerView; created: boolean }> {
  const pool = primaryPool(payload)
  const inserted = await pool.query<UserRow>(
    `INSERT INTO users (anonymous_id, last_active, preferences, metadata) VALUES ($1, now(), '{}', '{}')
     ON CONFLICT (anonymous_id) DO NOTHING RETURNING ${COLUMNS}`,
    [anonymousId],
  )
  let row = inserted.rows[0]
  const created = row !== undefined
  if (!row) {
    row = (await pool.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE anonymous_id = $1`, [anonymousId])).rows[0]
    if (!row) throw new Error(`listener ${anonymousId} vanished between insert and select (deleted concurrently)`)
    touchLastActive(payload, row.id)
  } else {
    lastTouched.set(row.id, Date.now())
  }
  return { token: issueToken(row.id), user: view(row), created }
}

export async function findListener(payload: Payload, id: string): Promise<ListenerView | null> {
  const { rows } = await primaryPool(payload).query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id])
  return rows[0] ? view(rows[0]) : null
}

export async function updatePreferences(
  payload: Payload,
  id: string,
  patch: z.infer<typeof preferencesPatchSchema>['preferences'],
): Promise<ListenerView | null> {
  const client = await primaryPool(payload).connect()
  try {
    await client.query('BEGIN')
    const { rows } = await client.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id])
    if (!rows[0]) {
      await client.query('ROLLBACK')
      return null
    }
    const next = mergePreferences(rows[0].preferences, patch)
    const updated = await client.query<UserRow>(
      `UPDATE users SET preferences = $2, last_active = now(), updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, JSON.stringify(next)],
    )
    await client.query('COMMIT')
    lastTouched.set(id, Date.now())
    return view(updated.rows[0]!)
  } catch (err) {
    await client.query('ROLLBACK').catch((e: unknown) => payload.logger.error({ err: e, msg: 'preferences: rollback failed' }))
    throw err
  } finally {
    client.release()
  }
}

/**
 * Deletes a listener: the database cascades to progress and bookmarks and sets analytics' user_id
 * to null (the spec's ON DELETE rules). Returns false when there was no such listener.
 */
export async function deleteListener(payload: Payload, id: string): Promise<boolean> {
  const { rowCount } = await primaryPool(payload).query('DELETE FROM users WHERE id = $1', [id])
  lastTouched.delete(id)
  return (rowCount ?? 0) > 0
}

const TOUCH_EVERY_MS = 60_000
/** Listeners touched in the last minute (bounded: the oldest go first). */
const lastTouched = new LRUCache<string, number>({ max: 100_000, ttl: TOUCH_EVERY_MS })

/**
 * Sets users.last_active to now at most once a minute per listener: remembered per process, and
 * the UPDATE itself skips rows touched in the last minute by another process. Runs after the
 * response's own work; failures are logged.
 */
export function touchLastActive(payload: Payload, id: string, nowMs = Date.now()): void {
  const last = lastTouched.get(id)
  if (last !== undefined && nowMs - last < TOUCH_EVERY_MS) return
  lastTouched.set(id, nowMs)
  primaryPool(payload)
    .query(`UPDATE users SET last_active = now() WHERE id = $1 AND (last_active IS NULL OR last_active < now() - interval '1 minute')`, [id])
    .catch((err: unknown) => payload.logger.error({ err, msg: `could not update last_active of listener ${id}` }))
}
