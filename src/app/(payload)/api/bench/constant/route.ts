/**
 * Benchmark baseline only (`BENCH_ROUTES=1`, 404 otherwise): the cheapest possible Next route
 * handler. `PUT` stores a body (the bench uploads the bench bundle's own bytes) and compresses it
 * once, as the bundle cache does; `GET` answers those bytes with the bundle endpoint's content
 * negotiation and hands the encoded body to the production server the same way (passed through,
 * never encoded again), so each compressed bundle scenario has a like-for-like ceiling.
 */
import zlib from 'node:zlib'

import { negotiateEncoding, PRECOMPRESSED_HEADER } from '@/domain/http/negotiation'
import { settings } from '@/settings'

type Stored = { identity: Buffer; gzip: Buffer; br: Buffer }
const g = globalThis as typeof globalThis & { __bkBenchConstant?: Stored }
const MAX_BYTES = 1_000_000

const enabled = () => settings().bench.routes
const notFound = () => new Response('not found', { status: 404 })

export async function PUT(request: Request) {
  if (!enabled()) return notFound()
  const raw = Buffer.from(await request.arrayBuffer())
  if (raw.length === 0 || raw.length > MAX_BYTES) return Response.json({ errors: [{ message: `body must be 1-${MAX_BYTES} bytes` }] }, { status: 400 })
  g.__bkBenchConstant = {
    identity: raw,
    gzip: zlib.gzipSync(raw, { level: 9 }),
    br: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
  }
  return Response.json({ bytes: raw.length })
}

export function GET(request: Request) {
  const stored = g.__bkBenchConstant
  if (!enabled() || !stored) return notFound()
  const coding = negotiateEncoding(request.headers.get('accept-encoding'))
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', vary: 'Accept-Encoding' }
  if (coding !== 'identity') headers[PRECOMPRESSED_HEADER] = coding
  return new Response(stored[coding] as BodyInit, { status: 200, headers })
}
