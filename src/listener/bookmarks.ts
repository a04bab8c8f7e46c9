import type { Payload } from 'payload'

import { primaryPool } from '@/db/postgres'

export type BookmarkView = { id: string; storyId: string; storySlug: string; notes: string | null; createdAt: string }

type Row = { id: string; story_id: string; slug: string; notes: string | null; created_at: Date }

const view = (r: Row): BookmarkView => ({ id: r.id, storyId: r.story_id, storySlug: r.slug, notes: r.notes, createdAt: r.created_at.toISOString() })

/**
 * Bookmarks a story. One bookmark per (listener, story): adding again returns the existing one
 * unchanged (`created: false`); ON CONFLICT makes that safe under concurrent adds. Throws the
 * database's foreign-key error (23503) when the listener no longer exists.
 */
export async function addBookmark(payload: Payload, userId: string, storyId: string, notes: string | null): Promise<{ bookmark: BookmarkView; created: boolean }> {
  const pool = primaryPool(payload)
  const inserted = await pool.query<{ id: string }>(
    `INSERT INTO bookmarks (user_id, story_id, notes) VALUES ($1, $2, $3) ON CONFLICT (user_id, story_id) DO NOTHING RETURNING id`,
    [userId, storyId, notes],
  )
  const { rows } = await pool.query<Row>(
    `SELECT b.id, b.story_id, s.slug, b.notes, b.created_at FROM bookmarks b JOIN stories s ON s.id = b.story_id
      WHERE b.user_id = $1 AND b.story_id = $2`,
    [userId, storyId],
  )
  if (!rows[0]) throw new Error(`bookmark of ${userId} on ${storyId} vanished right after it was added`)
  return { bookmark: view(rows[0]), created: inserted.rowCount === 1 }
}

export async function removeBookmark(payload: Payload, userId: string, slug: string): Promise<boolean> {
  const { rowCount } = await primaryPool(payload).query(
    `DELETE FROM bookmarks b USING stories s WHERE b.story_id = s.id AND b.user_id = $1 AND s.slug = $2`,
    [userId, slug],
  )
  return (rowCount ?? 0) > 0
}

export async function listBookmarks(payload: Payload, userId: string): Promise<BookmarkView[]> {
  const { rows } = await primaryPool(payload).query<Row>(
    `SELECT b.id, b.story_id, s.slug, b.notes, b.created_at FROM bookmarks b JOIN stories s ON s.id = b.story_id
      WHERE b.user_id = $1 ORDER BY b.created_at DESC LIMIT 1000`,
    [userId],
  )
  return rows.map(view)
}
