import type { Payload } from 'payload'

import type { ZodError } from 'zod'

import { DATABASE_RETRY_AFTER_SEC, isDatabaseUnavailable } from '@/domain/http/databaseUnavailable'
import { normalizeIp } from '@/domain/listener/clientIp'
import { fieldIssues } from '@/domain/listener/schemas'
import { bearerToken, verifyListenerToken } from '@/domain/listener/token'

import { listenerSettings, type LimitName } from '@/listener/config'
import { takeRate } from '@/listener/rateLimits'

export const NO_STORE = { 'cache-control': 'no-store' }

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE, ...headers },
  })
}

export function errorResponse(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return json(status, { errors: [{ message, ...extra }] }, headers)
}

export function invalid(error: ZodError, prefix: (string | number)[] = []): Response {
  const issues = fieldIssues(error, prefix)
  return json(400, { errors: issues.map((i) => ({ message: `${i.field}: ${i.message}`, field: i.field })) })
}

export const unauthorized = (message = 'Sign in as a listener first: send Authorization: Bearer <token> from POST /api/users/anonymous.') =>
  errorResponse(401, message, {}, { 'www-authenticate': 'Bearer' })

/** Reads a JSON body of at most `maxBytes`; `undefined` for an empty body. */
export async function readJson(request: Request, maxBytes: number): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const length = Number(request.headers.get('content-length') || 0)
  if (length > maxBytes) return { ok: false, response: errorResponse(413, `The body is larger than ${maxBytes} bytes.`, { field: 'body' }) }
  const text = await request.text()
  if (Buffer.byteLength(text) > maxBytes) return { ok: false, response: errorResponse(413, `The body is larger than ${maxBytes} bytes.`, { field: 'body' }) }
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false, response: errorResponse(400, 'body: The body is not valid JSON.', { field: 'body' }) }
  }
}

/**
 * The listener of a request, from its signed token alone (no database read). Null when there is
 * no valid listener token.
 */
export function listenerIdOf(headers: Headers, nowMs = Date.now()): string | null {
  const token = bearerToken(headers.get('authorization'))
  if (!token) return null
  const check = verifyListenerToken(token, listenerSettings().secret, Math.floor(nowMs / 1000))
  return check.ok ? check.claims.sub : null
}

/**
 * The client's address, as the app server pinned it (src/server/clientAddress.ts: the socket peer,
 * X-Forwarded-For believed only from TRUSTED_PROXIES, the header rewritten to that one address).
 * Null when it is unknown.
 */
export function requestIp(headers: Headers): string | null {
  return normalizeIp(headers.get('x-forwarded-for')?.split(',').at(-1))
}

/** The key of a per-address limit: an unknown address shares one key (limited, never unlimited). */
export const addressKey = (ip: string | null): string => ip ?? 'unknown'

/** 429 with Retry-After when the shared limit `name` refuses `key`, else null. */
export async function limited(payload: Payload, name: LimitName, key: string, what: string, cost = 1): Promise<Response | null> {
  const taken = await takeRate(payload, name, key, cost)
  if (taken.ok) return null
  return errorResponse(
    429,
    `Too many ${what}: at most ${taken.rate.limit} per ${taken.rate.windowSec} s. Retry after ${taken.retryAfterSec} s.`,
    { retryAfter: taken.retryAfterSec },
    { 'retry-after': String(taken.retryAfterSec) },
  )
}

/** 503 with Retry-After: the database cannot be reached right now; apps retry later. */
export const databaseUnavailable = (): Response =>
  errorResponse(503, `The database cannot be reached right now. Retry in ${DATABASE_RETRY_AFTER_SEC} s.`, {}, { 'retry-after': String(DATABASE_RETRY_AFTER_SEC) })

/** Logs an unexpected failure and answers 500 without internals (503 when the database is away). */
export function failed(payload: Payload, err: unknown, msg: string): Response {
  if (isDatabaseUnavailable(err)) {
    payload.logger.warn({ msg: `${msg}: the database cannot be reached (${(err as Error).message})` })
    return databaseUnavailable()
  }
  payload.logger.error({ err, msg })
  return errorResponse(500, 'Something went wrong on our side. It has been logged; please try again.')
}

/** The JSON body of a Payload custom endpoint's request (`undefined` when empty). */
export async function payloadRequestJson(req: { text?: () => Promise<string> }): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = req.text ? await req.text() : ''
  if (text.length > 64 * 1024) return { ok: false, response: errorResponse(413, 'The body is larger than 65536 bytes.') }
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false, response: errorResponse(400, 'body: The body is not valid JSON.', { field: 'body' }) }
  }
}
