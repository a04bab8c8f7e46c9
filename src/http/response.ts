import type { Endpoint, Payload } from 'payload'

import type { ZodError } from 'zod'

import { DATABASE_RETRY_AFTER_SEC, DATABASE_UNAVAILABLE_MESSAGE } from '@/domain/http/databaseUnavailable'
import { STORAGE_RETRY_AFTER_SEC, STORAGE_UNAVAILABLE_MESSAGE } from '@/domain/http/storageUnavailable'
import { transientFailureOf, type TransientFailure } from '@/domain/http/transientFailure'
import { fieldIssues } from '@/domain/listener/schemas'

/**
 * The one shape of this project's own HTTP answers: JSON with `charset=utf-8`, errors as
 * `{ errors: [{ message, ...extra }] }` like Payload's own. Answers are `no-store` unless the
 * caller sets its own `cache-control`.
 */
export const NO_STORE = { 'cache-control': 'no-store' }

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE, ...headers },
  })
}

export function error(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return json(status, { errors: [{ message, ...extra }] }, headers)
}

/** 400 listing every problem of a zod parse, each naming its field path. */
export function invalid(zodError: ZodError, prefix: (string | number)[] = []): Response {
  const issues = fieldIssues(zodError, prefix)
  return json(400, { errors: issues.map((i) => ({ message: `${i.field}: ${i.message}`, field: i.field })) })
}

/** 503 with Retry-After: a moment's failure (see transientFailureOf); apps retry later. */
const transient = (f: Pick<TransientFailure, 'message' | 'retryAfterSec'>): Response => error(503, f.message, {}, { 'retry-after': String(f.retryAfterSec) })

/** 503 with Retry-After: the database cannot be reached right now; apps retry later. */
export const databaseUnavailable = (): Response => transient({ message: DATABASE_UNAVAILABLE_MESSAGE, retryAfterSec: DATABASE_RETRY_AFTER_SEC })

/** 503 with Retry-After: object storage (the bucket) cannot be reached right now. */
export const storageUnavailable = (): Response => transient({ message: STORAGE_UNAVAILABLE_MESSAGE, retryAfterSec: STORAGE_RETRY_AFTER_SEC })

/**
 * Logs an unexpected failure and answers 500 without internals; a moment's failure (the database
 * or the bucket away, a concurrent change) is logged as a warning and answers 503 with Retry-After.
 */
export function serverError(payload: Payload, err: unknown, msg: string): Response {
  const failure = transientFailureOf(err)
  if (failure) {
    payload.logger.warn({ msg: `${msg}: ${failure.what} (${(err as Error).message})` })
    return transient(failure)
  }
  payload.logger.error({ err, msg })
  return error(500, 'Something went wrong on our side. It has been logged; please try again.')
}

/**
 * The one wrapper around a handler: an error it did not turn into an answer itself becomes the
 * logged 500 (never internals, never an unhandled rejection in the server).
 */
export async function answering(payload: Payload, what: string, respond: () => Promise<Response>): Promise<Response> {
  try {
    return await respond()
  } catch (err) {
    return serverError(payload, err, `${what} failed`)
  }
}

/**
 * A Payload custom endpoint (on a collection or the root) whose unexpected errors are answered by
 * `answering()`: the logged 500 (503 while the database is away) in the one error shape, instead
 * of Payload's own error answer.
 */
export function answeringEndpoint(endpoint: Endpoint): Endpoint {
  const what = `${endpoint.method.toUpperCase()} ${endpoint.path}`
  return { ...endpoint, handler: (req) => answering(req.payload, what, async () => endpoint.handler(req)) }
}
