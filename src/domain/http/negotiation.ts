import Negotiator from 'negotiator'

/** Content codings this service can send, best first (zstd is not in Node 20's zlib). */
export const CONTENT_CODINGS = ['br', 'gzip', 'identity'] as const
export type ContentCoding = (typeof CONTENT_CODINGS)[number]

/**
 * A route handler cannot name its own `Content-Encoding`: Next drops that header from route
 * responses. A handler that returns an already-encoded body names the coding in this internal
 * header instead; the production server (src/server) turns it into `Content-Encoding` and never
 * encodes that body again. Clients can never send it in (the server strips `x-bk-*` requests headers).
 */
export const PRECOMPRESSED_HEADER = 'x-bk-content-encoding'

/**
 * The coding to send for an `Accept-Encoding` header (RFC 9110 §12.5.3): q-values, `*` and
 * `identity;q=0` respected; brotli preferred over gzip at equal q. When nothing the client accepts
 * can be produced the body goes out unencoded, as the RFC advises, never in a coding not asked for.
 */
export function negotiateEncoding(header: string | null | undefined): ContentCoding {
  if (header === null || header === undefined) return 'identity'
  // negotiator 1.x takes `{ preferred }` (tie-break at equal q); @types/negotiator still describes 0.6.
  const negotiator = new Negotiator({ headers: { 'accept-encoding': header } }) as unknown as {
    encoding(available: string[], opts: { preferred: string[] }): string | undefined
  }
  return (negotiator.encoding([...CONTENT_CODINGS], { preferred: ['br', 'gzip'] }) as ContentCoding | undefined) ?? 'identity'
}

/** The strong ETag of a version in one coding (each encoded body has its own validator). */
export function etagFor(version: string, coding: ContentCoding): string {
  return coding === 'identity' ? `"${version}"` : `"${version}-${coding}"`
}

/**
 * True when an If-None-Match header names `version` in any coding: a client that holds the gzip
 * copy of this version holds this version (weak comparison, RFC 9110 §13.1.2).
 */
export function etagMatches(ifNoneMatch: string | null | undefined, version: string): boolean {
  if (!ifNoneMatch) return false
  const wanted = new Set(CONTENT_CODINGS.map((c) => etagFor(version, c)))
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || wanted.has(t))
}
