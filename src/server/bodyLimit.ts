import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

import { settings } from '@/settings'

const KIB = 1024
const MIB = 1024 * KIB

export type BodyLimits = { body: number; upload: number }

/** BODY_MAX_BYTES / UPLOAD_MAX_BYTES from settings(). */
export function bodyLimitsFromSettings(): BodyLimits {
  const { bodyMaxBytes, uploadMaxBytes } = settings().server
  return { body: bodyMaxBytes, upload: uploadMaxBytes }
}

/** Routes whose bodies are small by nature get a tighter limit than the default. */
const ROUTES: [RegExp, number][] = [
  [/^\/api\/progress\//, 16 * KIB],
  [/^\/api\/users\/anonymous\/?$/, 64 * KIB],
  [/^\/api\/analytics\/events\/?$/, 1 * MIB],
  [/^\/api\/graphql\/?$/, 1 * MIB],
]

/**
 * The most bytes a request to `path` may send: multipart uploads (media) `upload`, the routes
 * above their own, everything else (REST, admin server functions, imports) `body`.
 */
export function bodyLimitFor(path: string, contentType: string | undefined, limits: BodyLimits): number {
  for (const [pattern, bytes] of ROUTES) if (pattern.test(path)) return Math.min(bytes, limits.body)
  if (/^multipart\/form-data\b/i.test(contentType ?? '')) return limits.upload
  return limits.body
}

/**
 * Holds a request body to `limit` bytes while it streams in, before anything (Next, Payload) reads
 * it: a declared Content-Length over the limit is refused before a byte is read; a chunked body
 * is counted as the HTTP parser hands it over (the request's `push`), and the chunk that crosses
 * the limit answers 413 at once. Nothing is buffered here: bytes past the limit are dropped, and
 * the connection closes after the 413, so a 50 MB upload costs no memory. Whatever was already
 * reading the body sees it end early and answers into a response that is already decided
 * (ignored). Whenever a response is finished before its request body was (the 413, or a handler
 * answering before it reads, like a 401), the connection closes gently (see `lingerThenClose`).
 * Returns false when the request was refused.
 */
export function limitRequestBody(req: IncomingMessage, res: ServerResponse, limit: number): boolean {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return true
  res.once('finish', () => {
    if (!req.complete) lingerThenClose(req.socket)
  })
  const declared = req.headers['content-length']
  if (declared !== undefined && Number(declared) > limit) {
    refuse(req, res, limit)
    return false
  }
  let seen = 0
  let over = false
  const push = req.push.bind(req)
  req.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (chunk === null || chunk === undefined) return over ? false : push(chunk as null)
    if (over) return true
    seen += (chunk as Buffer).length
    if (seen > limit) {
      over = true
      refuse(req, res, limit)
      // The reader (if any) sees the body end here; the response is already the 413.
      push(null)
      return false
    }
    return push(chunk, encoding)
  }
  return true
}

function refuse(req: IncomingMessage, res: ServerResponse, limit: number): void {
  // A handler that already answered keeps its answer; the body it did not read is dropped.
  if (res.headersSent || res.writableEnded) return
  {
    const body = JSON.stringify({ errors: [{ message: `body: The request body is larger than ${limit} bytes.`, field: 'body' }] })
    res.writeHead(413, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
      // The rest of the upload is not read: the connection ends after this answer.
      connection: 'close',
    })
    res.end(body)
  }
  // From now on a destroy() by whoever reads the (cut) body waits for the answer to reach the client.
  lingerThenClose(req.socket)
  // Whoever was handling the request answers into a response that is already decided.
  res.writeHead = (() => res) as ServerResponse['writeHead']
  res.setHeader = (() => res) as ServerResponse['setHeader']
  res.write = (() => true) as ServerResponse['write']
  res.end = (() => res) as ServerResponse['end']
}

const LINGER_MS = 2_000
const lingering = new WeakSet<Socket>()

/**
 * Lingering close, for a connection whose answer is out while the client may still be sending its
 * body. Closing at once makes the kernel answer the client's next bytes (or the unread ones) with a
 * reset, and a client busy writing meets the reset before it reads the answer: it sees
 * `write ECONNRESET` instead of the 413 or 401 it was sent. So: end our side (the answer, then FIN),
 * keep reading and dropping what still arrives for a moment, then close. Until then a `destroy()`
 * from anyone behind us (Next destroys the response when the stream it pipes aborts; a handler may
 * drop the request) lingers too; the timer closes the socket for good.
 */
function lingerThenClose(socket: Socket): void {
  if (lingering.has(socket) || socket.destroyed) return
  lingering.add(socket)
  const destroyNow = socket.destroy.bind(socket)
  const linger = (() => {
    // Ending (not destroying) also when the client has stopped sending: a destroy would drop an
    // answer still in the socket's buffer; end() sends it, then the FIN.
    if (socket.destroyed) return socket
    socket.end()
    socket.resume()
    return socket
  }) as Socket['destroy']
  socket.destroySoon = linger as unknown as Socket['destroySoon']
  socket.destroy = linger
  linger()
  setTimeout(() => destroyNow(), LINGER_MS).unref()
}
