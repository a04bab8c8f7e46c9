/**
 * Benchmark baseline only (`BENCH_ROUTES=1`, 404 otherwise): the cheapest possible Next route
 * handler. `PUT` stores a body (the bench uploads the bench bundle's own bytes) and compresses it
 * once, as the bundle cache does; `GET` answers those bytes with the same content negotiation as
 * the bundle endpoint, so each compressed bundle scenario has a like-for-like ceiling.
 */
import zlib from 'node:zlib'

import { acceptedEncodings } from '@/domain/http/negotiation'

type Stored = { raw: Buffer; gzip: Buffer; br: Buffer }
const g = globalThis as typeof globalThis & { __bkBenchConstant?: Stored }
const MAX_BYTES = 1_000_000

const enabled = () => process.env.BENCH_ROUTES === '1'
const notFound = () => new Response('not found', { status: 404 })

export async function PUT(request: Request) {
  if (!enabled()) return notFound()
  const raw = Buffer.from(await request.arrayBuffer())
  if (raw.length === 0 || raw.length > MAX_BYTES) return Response.json({ errors: [{ message: `body must be 1-${MAX_BYTES} bytes` }] }, { status: 400 })
  g.__bkBenchConstant = {
    raw,
    gzip: zlib.gzipSync(raw, { level: 9 }),
    br: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
  }
  return Response.json({ bytes: raw.length })
}

export function GET(request: Request) {
  const stored = g.__bkBenchConstant
  if (!enabled() || !stored) return notFound()
  const accepted = acceptedEncodings(request.headers.get('accept-encoding'))
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', vary: 'Accept-Encoding' }
  let body = stored.raw
  if (accepted.has('br')) {
    body = stored.br
    headers['content-encoding'] = 'br'
  } else if (accepted.has('gzip')) {
    body = stored.gzip
    headers['content-encoding'] = 'gzip'
  }
  return new Response(body as BodyInit, { status: 200, headers })
}
