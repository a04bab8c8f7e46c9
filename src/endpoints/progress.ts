import type { Payload } from 'payload'

import type { Move } from '@/domain/listener/progressMove'
import { advanceBodySchema, chooseBodySchema, startBodySchema, storySlugSchema } from '@/domain/listener/schemas'

import { readJsonBody } from '@/http/body'
import { error, invalid, json } from '@/http/response'
import { limited, listenerIdOf, unauthorized } from '@/listener/http'
import { listProgress, recordMove } from '@/listener/progress'

export const PROGRESS_MOVES = ['start', 'choose', 'advance'] as const
export type ProgressMoveKind = (typeof PROGRESS_MOVES)[number]

/**
 * `POST /api/progress/:storySlug/{start|choose|advance}`: one move through the story engine. A
 * plain route handler (no Payload auth): the listener comes from its signed token, verified
 * without a database read; the move's own transaction is the only database work. Mounted through
 * the route table (src/http/routes.ts), whose `answering()` makes an unexpected error the logged
 * 500 (503 while the database is away), as for every route there.
 */
export async function progressMoveResponse(payload: Payload, request: Request, storySlug: string, kind: string): Promise<Response> {
  const userId = listenerIdOf(request.headers)
  if (!userId) return unauthorized()
  if (!(PROGRESS_MOVES as readonly string[]).includes(kind)) return error(404, `No progress move "${kind}": use start, choose or advance.`)
  const slug = storySlugSchema.safeParse(storySlug)
  if (!slug.success) return invalid(slug.error, ['storySlug'])
  const tooMany = await limited(payload, 'movesPerListener', userId, 'progress updates')
  if (tooMany) return tooMany
  const body = await readJsonBody(request, 16 * 1024)
  if (!body.ok) return body.response
  let move: Move
  let listenedSec = 0
  if (kind === 'start') {
    const input = startBodySchema.safeParse(body.value)
    if (!input.success) return invalid(input.error)
    move = { kind: 'start' }
    listenedSec = input.data?.listenedSec ?? 0
  } else if (kind === 'choose') {
    const input = chooseBodySchema.safeParse(body.value ?? {})
    if (!input.success) return invalid(input.error)
    move = { kind: 'choose', nodeId: input.data.nodeId, key: input.data.choiceKey }
    listenedSec = input.data.listenedSec ?? 0
  } else {
    const input = advanceBodySchema.safeParse(body.value ?? {})
    if (!input.success) return invalid(input.error)
    move = { kind: 'advance', nodeId: input.data.nodeId }
    listenedSec = input.data.listenedSec ?? 0
  }
  const outcome = await recordMove(payload, userId, slug.data, move, listenedSec)
  if (outcome.ok) return json(200, { progress: outcome.progress })
  if (outcome.status === 401) return unauthorized(outcome.message)
  return error(outcome.status, outcome.message, { code: outcome.code, ...(outcome.currentNodeId ? { currentNodeId: outcome.currentNodeId } : {}) })
}

/** `GET /api/progress`: the listener's progress in every story it has started. */
export async function progressListResponse(payload: Payload, request: Request): Promise<Response> {
  const userId = listenerIdOf(request.headers)
  if (!userId) return unauthorized()
  return json(200, { docs: await listProgress(payload, userId) })
}
