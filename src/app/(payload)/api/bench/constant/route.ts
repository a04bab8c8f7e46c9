/**
 * Benchmark baseline only (`BENCH_ROUTES=1`): the cheapest possible Next route handler, returning a
 * constant JSON body of `?bytes=` bytes, so the bundle endpoint can be compared with the ceiling
 * of one Next process. 404 in normal operation.
 */
const bodies = new Map<number, string>()

export function GET(request: Request) {
  if (process.env.BENCH_ROUTES !== '1') return new Response('not found', { status: 404 })
  const bytes = Math.min(Math.max(Number(new URL(request.url).searchParams.get('bytes')) || 7000, 16), 1_000_000)
  let body = bodies.get(bytes)
  if (!body) {
    body = JSON.stringify({ pad: 'x'.repeat(bytes - 10) })
    bodies.set(bytes, body)
  }
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } })
}
