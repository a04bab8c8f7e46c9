import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import compression from 'compression'
import onHeaders from 'on-headers'

import { DATABASE_RETRY_AFTER_SEC } from '@/domain/http/databaseUnavailable'
import { PRECOMPRESSED_HEADER } from '@/domain/http/negotiation'

/** Request headers in our internal namespace: set by this server only, never taken from a client. */
const INTERNAL_PREFIX = 'x-bk-'
/** The TCP peer of the request, as this server saw it (the hardening rules decide what to trust). */
export const PEER_ADDRESS_HEADER = 'x-bk-peer-address'
/** Correlates a request's log lines; a load balancer's id is kept when it looks like one. */
export const REQUEST_ID_HEADER = 'x-request-id'
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/

/**
 * `Vary` tokens that describe the admin's HTML (Payload's colour-scheme client hint, Next's RSC
 * router state). On an API response they only split CDN caches by headers apps never send.
 */
const ADMIN_VARY = /^(sec-ch-prefers-color-scheme|rsc|next-router-[a-z-]+|next-url)$/i
/** Client-hint headers Payload adds for its admin's theme; an API response asks for no hints. */
const ADMIN_ONLY_HEADERS = ['accept-ch', 'critical-ch']

export const isApiPath = (url: string | undefined) => /^\/api(\/|\?|$)/.test(url ?? '')

/** An API response's `Vary`: what it really varies on, without the admin's tokens. */
export function apiVary(value: number | string | string[] | undefined): string | null {
  const tokens = (Array.isArray(value) ? value.join(',') : String(value ?? ''))
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t && !ADMIN_VARY.test(t))
  const unique = [...new Map(tokens.map((t) => [t.toLowerCase(), t])).values()]
  return unique.length ? unique.join(', ') : null
}

/** Rewrites headers just before they are sent (runs before compression looks at them). */
function finalizeHeaders(req: IncomingMessage, res: ServerResponse): void {
  const precompressed = res.getHeader(PRECOMPRESSED_HEADER)
  if (precompressed !== undefined) {
    res.removeHeader(PRECOMPRESSED_HEADER)
    res.setHeader('content-encoding', String(precompressed))
    res.removeHeader('content-length')
  }
  // A 503 (the database is away) always says when to come back.
  if (res.statusCode === 503 && res.getHeader('retry-after') === undefined) res.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SEC))
  if (!isApiPath(req.url)) return
  for (const name of ADMIN_ONLY_HEADERS) res.removeHeader(name)
  const vary = apiVary(res.getHeader('vary'))
  if (vary) res.setHeader('vary', vary)
  else res.removeHeader('vary')
}

/** Compresses what is not compressed yet (gzip or br, negotiated with q-values); Next's own is off. */
const compress = compression({ threshold: 1024 })

/**
 * The response policy of every request the production server answers, in one place:
 * - internal `x-bk-*` request headers are dropped and replaced by what this server knows (the peer);
 * - every request has an `X-Request-Id` (the load balancer's, or a new UUID), echoed on the response;
 * - exactly one content coding: bodies a route already encoded keep theirs, everything else is
 *   compressed here when the client asks and the type is compressible;
 * - API responses carry API headers (no client hints, `Vary` without the admin's tokens);
 * - a 503 carries `Retry-After`.
 */
export function applyResponsePolicy(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  for (const name of Object.keys(req.headers)) if (name.startsWith(INTERNAL_PREFIX)) delete req.headers[name]
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? ''
  const given = req.headers[REQUEST_ID_HEADER]
  const requestId = typeof given === 'string' && VALID_REQUEST_ID.test(given) ? given : randomUUID()
  req.headers[REQUEST_ID_HEADER] = requestId
  res.setHeader(REQUEST_ID_HEADER, requestId)
  compress(req as never, res as never, () => {
    // on-headers runs the listener registered last first: ours, then compression's check.
    onHeaders(res, () => finalizeHeaders(req, res))
    next()
  })
}
