/**
 * One move of a listener through a story, as a pure function over the compiled bundle and the
 * stored progress row: the story engine (player.ts, completion.ts) decides what is legal; this
 * module turns its result into the spec's user_progress columns.
 *
 * - `start` begins a new play: the engine's start state, choices cleared, play_count + 1.
 * - `choose` / `advance` name the node the app believes is current; any other node is refused
 *   (two devices, a double tap or a stale screen must not move the story twice).
 * - choices_made lists the choices of the current play as `{ node_id, choice, at }`; an `advance`
 *   through a choice node records the default option it took.
 * - completion_percentage never goes down within a play; is_completed stays true once a play
 *   has reached an end (a replay does not take the badge away).
 * - total_time_sec adds the listening seconds the app reports (bounded per request by the schema).
 */
import { completion } from '@/domain/story/completion'
import type { StoryBundle } from '@/domain/story/bundle'
import { advance, choose, parseListenState, reattach, start, type ListenState, StoryMoveError } from '@/domain/story/player'

export type ChoiceRecord = { node_id: string; choice: string; at: string }

export type StoredProgress = {
  listenState: unknown
  choicesMade: ChoiceRecord[]
  completionPercentage: number
  isCompleted: boolean
  playCount: number
  totalTimeSec: number
}

export type NextProgress = StoredProgress & { listenState: ListenState; currentNodeId: string; ended: boolean }

export type Move = { kind: 'start' } | { kind: 'choose'; nodeId: string; key: string } | { kind: 'advance'; nodeId: string }

export type MoveErrorCode = StoryMoveError['code'] | 'not-started' | 'not-current-node'

/** A refused move: nothing is written; `status` is the HTTP status to answer with. */
export class ProgressMoveError extends Error {
  constructor(
    readonly code: MoveErrorCode,
    message: string,
    readonly status: 400 | 409,
    readonly currentNodeId: string | null = null,
  ) {
    super(message)
    this.name = 'ProgressMoveError'
  }
}

function fromEngine(error: unknown, currentNodeId: string | null): never {
  if (error instanceof StoryMoveError) {
    throw new ProgressMoveError(error.code, error.message, error.code === 'unknown-choice' ? 400 : 409, currentNodeId)
  }
  throw error
}

/** The stored engine state, carried over to this bundle's version when the story changed. */
function currentState(bundle: StoryBundle, stored: StoredProgress | null): ListenState {
  if (!stored || stored.listenState === null || stored.listenState === undefined) {
    throw new ProgressMoveError('not-started', 'This story has not been started yet: start it first.', 409)
  }
  let state: ListenState
  try {
    state = parseListenState(stored.listenState)
  } catch {
    throw new ProgressMoveError('not-started', 'The saved place in this story cannot be read any more: start it again.', 409)
  }
  if (state.bundleVersion === bundle.version) return state
  try {
    return reattach(bundle, state)
  } catch (error) {
    return fromEngine(error, state.currentNodeId)
  }
}

export function applyMove(bundle: StoryBundle, stored: StoredProgress | null, move: Move, listenedSec: number, now: Date): NextProgress {
  const base = {
    playCount: stored?.playCount ?? 0,
    totalTimeSec: (stored?.totalTimeSec ?? 0) + listenedSec,
    isCompleted: stored?.isCompleted ?? false,
  }
  if (move.kind === 'start') {
    let state: ListenState
    try {
      state = start(bundle)
    } catch (error) {
      return fromEngine(error, null)
    }
    return {
      ...base,
      listenState: state,
      currentNodeId: state.currentNodeId,
      ended: state.ended,
      choicesMade: [],
      completionPercentage: completion(bundle, state),
      playCount: base.playCount + 1,
      isCompleted: base.isCompleted || state.ended,
    }
  }
  const state = currentState(bundle, stored)
  if (move.nodeId !== state.currentNodeId) {
    throw new ProgressMoveError(
      'not-current-node',
      `The listener is at node ${state.currentNodeId}, not ${move.nodeId}: the story has moved on (another device, or a repeated request).`,
      409,
      state.currentNodeId,
    )
  }
  let next: ListenState
  try {
    next = move.kind === 'choose' ? choose(bundle, state, move.key) : advance(bundle, state)
  } catch (error) {
    return fromEngine(error, state.currentNodeId)
  }
  const made = next.choices.slice(state.choices.length).map((c) => ({ node_id: c.nodeId, choice: c.key, at: now.toISOString() }))
  return {
    ...base,
    listenState: next,
    currentNodeId: next.currentNodeId,
    ended: next.ended,
    choicesMade: [...(stored?.choicesMade ?? []), ...made],
    completionPercentage: Math.max(stored?.completionPercentage ?? 0, completion(bundle, next)),
    isCompleted: base.isCompleted || next.ended,
  }
}
