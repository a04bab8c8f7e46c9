/**
 * Listener tokens: `lt1.<payload>.<signature>`, both parts base64url, the signature an HMAC-SHA256
 * of `lt1.<payload>` under a key derived from the server secret. Verifying needs no database:
 * the hot paths (progress, analytics) check the signature and expiry only, and their writes fail
 * when the listener no longer exists (foreign keys), so a deleted listener cannot write again.
 *
 * The key is derived (HMAC of a fixed label) so that a listener token can never be replayed as a
 * staff JWT or the other way round, even though both come from PAYLOAD_SECRET.
 */
import crypto from 'node:crypto'
import { isUuid } from '@/domain/http/uuid'

export const TOKEN_PREFIX = 'lt1'

export type ListenerClaims = {
  /** The listener's id (users.id). */
  sub: string
  /** Issued at, seconds since the epoch. */
  iat: number
  /** Expires at, seconds since the epoch. */
  exp: number
}

export type TokenCheck = { ok: true; claims: ListenerClaims } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' }

const keys = new Map<string, Buffer>()

/** The signing key for listener tokens, derived from the server secret (memoised). */
export function listenerKey(secret: string): Buffer {
  if (!secret) throw new Error('A server secret is required to sign listener tokens (PAYLOAD_SECRET).')
  let key = keys.get(secret)
  if (!key) {
    key = crypto.createHmac('sha256', secret).update('bhasha-kahani listener token v1').digest()
    keys.set(secret, key)
  }
  return key
}

function sign(key: Buffer, data: string): string {
  return crypto.createHmac('sha256', key).update(data).digest('base64url')
}

export function signListenerToken(sub: string, secret: string, opts: { ttlSec: number; nowSec: number }): string {
  const claims: ListenerClaims = { sub, iat: opts.nowSec, exp: opts.nowSec + opts.ttlSec }
  const body = `${TOKEN_PREFIX}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`
  return `${body}.${sign(listenerKey(secret), body)}`
}

/** True when `token` has the shape of a listener token (cheap; says nothing about validity). */
export function looksLikeListenerToken(token: string): boolean {
  return token.startsWith(`${TOKEN_PREFIX}.`)
}

export function verifyListenerToken(token: string, secret: string, nowSec: number): TokenCheck {
  const parts = token.split('.')
  if (parts.length !== 3 || parts[0] !== TOKEN_PREFIX || token.length > 512) return { ok: false, reason: 'malformed' }
  const expected = Buffer.from(sign(listenerKey(secret), `${parts[0]}.${parts[1]}`))
  const given = Buffer.from(parts[2]!)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' }
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'))
  } catch {
    // Signed by us but unreadable: cannot happen unless the secret leaked; treat as malformed.
    return { ok: false, reason: 'malformed' }
  }
  const c = claims as Partial<ListenerClaims>
  if (typeof c.sub !== 'string' || !isUuid(c.sub) || typeof c.iat !== 'number' || typeof c.exp !== 'number') {
    return { ok: false, reason: 'malformed' }
  }
  if (c.exp <= nowSec) return { ok: false, reason: 'expired' }
  return { ok: true, claims: { sub: c.sub, iat: c.iat, exp: c.exp } }
}

/** The token of an `Authorization: Bearer <token>` (or `JWT <token>`) header, or null. */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null
  const match = /^(?:Bearer|JWT)\s+(\S+)\s*$/i.exec(header)
  return match ? match[1]! : null
}
