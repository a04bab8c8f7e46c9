/**
 * Reading an HTTP body the way a client must: undo exactly the content codings the response names
 * in `Content-Encoding`, in reverse order of application (RFC 9110 §8.4), and nothing else. A body
 * compressed twice under one header, or compressed without a header, does not survive this.
 */
import zlib from 'node:zlib'

import Negotiator from 'negotiator'

export class ContentCodingError extends Error {}

/** The codings of a `Content-Encoding` header in the order they were applied, `identity` dropped. */
export function contentCodings(header: string | null | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity')
}

const decoders: Record<string, (body: Buffer) => Buffer> = {
  gzip: (b) => zlib.gunzipSync(b),
  'x-gzip': (b) => zlib.gunzipSync(b),
  deflate: (b) => zlib.inflateSync(b),
  br: (b) => zlib.brotliDecompressSync(b),
}

/** zstd needs Node 22.15+/23.8+ (zlib.zstdDecompressSync); on older Node it is refused clearly. */
const zstd = (zlib as unknown as { zstdDecompressSync?: (b: Buffer) => Buffer }).zstdDecompressSync
if (zstd) decoders.zstd = (b) => zstd(b)

/**
 * True when a request with this `Accept-Encoding` (undefined or null: the header was not sent)
 * accepts `coding` (RFC 9110 §12.5.3: q-values, `*`, `identity`).
 */
export function acceptsCoding(acceptEncoding: string | null | undefined, coding: string): boolean {
  if (acceptEncoding === undefined || acceptEncoding === null) return coding === 'identity'
  return new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }).encodings([coding]).length > 0
}

/** Decodes `body` per its `Content-Encoding`; throws ContentCodingError naming what failed. */
export function decodeBody(body: Buffer, contentEncoding: string | null | undefined): Buffer {
  let out = body
  for (const coding of contentCodings(contentEncoding).reverse()) {
    const decode = decoders[coding]
    if (!decode) throw new ContentCodingError(`unsupported Content-Encoding "${coding}"`)
    try {
      out = decode(out)
    } catch (err) {
      throw new ContentCodingError(`body is not valid ${coding} (${(err as Error).message})`)
    }
  }
  return out
}

/** Decodes and parses a JSON body; throws ContentCodingError when either step fails. */
export function decodeJson(body: Buffer, contentEncoding: string | null | undefined): unknown {
  const bytes = decodeBody(body, contentEncoding)
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    const head = bytes.subarray(0, 16).toString('hex')
    throw new ContentCodingError(
      `body is not JSON after decoding Content-Encoding "${contentEncoding ?? ''}" (${bytes.length} bytes, starts ${head})`,
    )
  }
}
