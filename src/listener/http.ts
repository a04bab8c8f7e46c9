import type { Payload } from 'payload'

import { normalizeIp } from '@/domain/listener/clientIp'
import { bearerToken, verifyListenerToken } from '@/domain/listener/token'

import { error } from '@/http/response'
import { listenerSettings, type LimitName } from '@/listener/config'
import { takeRate } from '@/listener/rateLimits'

export const unauthorized = (message = 'Sign in as a listener first: send Authorization: Bearer <token> from POST /api/users/anonymous.') =>
  error(401, message, {}, { 'www-authenticate': 'Bearer' })

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
  return error(
    429,
    `Too many ${what}: at most ${taken.rate.limit} per ${taken.rate.windowSec} s. Retry after ${taken.retryAfterSec} s.`,
    { retryAfter: taken.retryAfterSec },
    { 'retry-after': String(taken.retryAfterSec) },
  )
}
