import type { Payload } from 'payload'

import type { PoolClient } from 'pg'

import { applyMove, type ChoiceRecord, type Move, ProgressMoveError, type StoredProgress } from '@/domain/listener/progressMove'
import { DEFAULT_LOCALE } from '@/locales'
import { primaryPool } from '@/db/postgres'

import { storyBundle } from '@/listener/bundles'
import { touchLastActive } from '@/listener/identity'

export type ProgressView = {
  storySlug: string
  storyId: string
  currentNodeId: string | null
  choicesMade: ChoiceRecord[]
  isCompleted: boolean
  completionPercentage: number
  playCount: number
  totalTimeSec: number
  lastPlayedAt: string | null
  ended: boolean
}

export type MoveOutcome =
  | { ok: true; progress: ProgressView }
  | { ok: false; status: 400 | 401 | 404 | 409; code: string; message: string; currentNodeId?: string | null }

type Row = {
  id: string
  listen_state: unknown
  choices_made: ChoiceRecord[] | null
  completion_percentage: string | null
  is_completed: boolean | null
  play_count: string | number | null
  total_time_sec: string | number | null
}

const SELECT_FOR_UPDATE = `SELECT id, listen_state, choices_made, completion_percentage, is_completed, play_count, total_time_sec
  FROM user_progress WHERE user_id = $1 AND story_id = $2 FOR UPDATE`

function stored(row: Row | undefined): StoredProgress | null {
  if (!row) return null
  return {
    listenState: row.listen_state,
    choicesMade: Array.isArray(row.choices_made) ? row.choices_made : [],
    completionPercentage: Number(row.completion_percentage ?? 0),
    isCompleted: row.is_completed === true,
    playCount: Number(row.play_count ?? 0),
    totalTimeSec: Number(row.total_time_sec ?? 0),
  }
}

const FK_VIOLATION = '23503'

/**
 * Applies one move in one transaction: the progress row is locked (SELECT … FOR UPDATE), the
 * engine computes the next state from what is stored, and one UPDATE writes every column. Moves of
 * the same listener and story therefore run one after another and none is lost; a refused move
 * rolls back and writes nothing. A listener that no longer exists cannot write: its rows are gone
 * and inserting a new one fails on the users foreign key (401).
 */
export async function recordMove(payload: Payload, userId: string, slug: string, move: Move, listenedSec: number): Promise<MoveOutcome> {
  const story = await storyBundle(payload, slug, DEFAULT_LOCALE)
  // An inactive story is, to a listener, no story at all (404 like an unknown one).
  if (!story || !story.published) return { ok: false, status: 404, code: 'no-story', message: `There is no story "${slug}".` }
  const { bundle } = story
  const client = await primaryPool(payload).connect()
  let outcome: MoveOutcome
  try {
    await client.query('BEGIN')
    outcome = await moveInTransaction(client, bundle, userId, slug, move, listenedSec)
    await client.query(outcome.ok ? 'COMMIT' : 'ROLLBACK')
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr: unknown) => payload.logger.error({ err: rollbackErr, msg: 'progress: rollback failed' }))
    if ((err as { code?: string }).code === FK_VIOLATION && /story/.test(String((err as { constraint?: string }).constraint ?? ''))) {
      // The story was deleted while the move ran: about the story, not the listener.
      return { ok: false, status: 404, code: 'no-story', message: `There is no story "${slug}".` }
    }
    if ((err as { code?: string }).code === FK_VIOLATION) {
      return { ok: false, status: 401, code: 'no-listener', message: 'This listener no longer exists. Sign in again.' }
    }
    throw err
  } finally {
    client.release()
  }
  if (outcome.ok) touchLastActive(payload, userId)
  return outcome
}

async function moveInTransaction(
  client: PoolClient,
  bundle: Parameters<typeof applyMove>[0],
  userId: string,
  slug: string,
  move: Move,
  listenedSec: number,
): Promise<MoveOutcome> {
  const storyId = bundle.story.id
  let { rows } = await client.query<Row>(SELECT_FOR_UPDATE, [userId, storyId])
  if (!rows[0]) {
    if (move.kind !== 'start') {
      const user = await client.query('SELECT 1 FROM users WHERE id = $1', [userId])
      if (user.rowCount === 0) return { ok: false, status: 401, code: 'no-listener', message: 'This listener no longer exists. Sign in again.' }
      return { ok: false, status: 409, code: 'not-started', message: 'This story has not been started yet: start it first.' }
    }
    await client.query(`INSERT INTO user_progress (user_id, story_id) VALUES ($1, $2) ON CONFLICT (user_id, story_id) DO NOTHING`, [userId, storyId])
    ;({ rows } = await client.query<Row>(SELECT_FOR_UPDATE, [userId, storyId]))
  }
  const row = rows[0]!
  let next
  try {
    next = applyMove(bundle, stored(row), move, listenedSec, new Date())
  } catch (err) {
    if (err instanceof ProgressMoveError) {
      return { ok: false, status: err.status, code: err.code, message: err.message, currentNodeId: err.currentNodeId }
    }
    throw err
  }
  const { rows: updated } = await client.query<{ last_played_at: Date }>(
    `UPDATE user_progress SET listen_state = $2, choices_made = $3, current_node_id = $4, completion_percentage = $5,
       is_completed = $6, play_count = $7, total_time_sec = $8, last_played_at = now(), updated_at = now()
     WHERE id = $1 RETURNING last_played_at`,
    [
      row.id,
      JSON.stringify(next.listenState),
      JSON.stringify(next.choicesMade),
      next.currentNodeId,
      next.completionPercentage,
      next.isCompleted,
      next.playCount,
      next.totalTimeSec,
    ],
  )
  return {
    ok: true,
    progress: {
      storySlug: slug,
      storyId,
      currentNodeId: next.currentNodeId,
      choicesMade: next.choicesMade,
      isCompleted: next.isCompleted,
      completionPercentage: next.completionPercentage,
      playCount: next.playCount,
      totalTimeSec: next.totalTimeSec,
      lastPlayedAt: updated[0]!.last_played_at.toISOString(),
      ended: next.ended,
    },
  }
}

/** The listener's progress in every story, most recently played first. */
export async function listProgress(payload: Payload, userId: string): Promise<ProgressView[]> {
  const { rows } = await primaryPool(payload).query<{
    story_id: string
    slug: string
    current_node_id: string | null
    choices_made: ChoiceRecord[] | null
    is_completed: boolean | null
    completion_percentage: string | null
    play_count: string | null
    total_time_sec: string | null
    last_played_at: Date | null
    ended: boolean | null
  }>(
    `SELECT p.story_id, s.slug, p.current_node_id, p.choices_made, p.is_completed, p.completion_percentage, p.play_count,
            p.total_time_sec, p.last_played_at, (p.listen_state->>'ended')::boolean AS ended
       FROM user_progress p JOIN stories s ON s.id = p.story_id
      WHERE p.user_id = $1
      ORDER BY p.last_played_at DESC NULLS LAST, p.created_at DESC
      LIMIT 500`,
    [userId],
  )
  return rows.map((r) => ({
    storySlug: r.slug,
    storyId: r.story_id,
    currentNodeId: r.current_node_id,
    choicesMade: r.choices_made ?? [],
    isCompleted: r.is_completed === true,
    completionPercentage: Number(r.completion_percentage ?? 0),
    playCount: Number(r.play_count ?? 0),
    totalTimeSec: Number(r.total_time_sec ?? 0),
    lastPlayedAt: r.last_played_at ? r.last_played_at.toISOString() : null,
    ended: r.ended === true,
  }))
}
