/**
 * Listener API benchmark, run by bench/run.ts against the same `next start` server:
 *   (d) POST /api/analytics/events, 100-event batches at 10 connections (target >= 20,000
 *       events/s = 200 batches/s), then the rows are counted: none may be lost;
 *   (e) progress moves at 10 connections, each connection a listener playing bench-story-01
 *       from start to end over and over (start, advance, choose…); target p99 < 50 ms for
 *       recording a choice (timed per request, choose only) and for all moves.
 * Prints one JSON line per scenario, then the targets.
 *
 * The server's rate limits are raised for the run (set below at import, before run.ts starts
 * the server): the benchmark measures ingest and moves, not the limiter (which still runs).
 */
import autocannon, { type Result } from 'autocannon'
import crypto from 'node:crypto'
import { performance } from 'node:perf_hooks'
import pg from 'pg'

import { table } from './output'

process.env.RATE_LIMIT_ANALYTICS_LISTENER ??= '1000000/60'
process.env.RATE_LIMIT_ANALYTICS_IP ??= '1000000/60'
process.env.RATE_LIMIT_PROGRESS_LISTENER ??= '1000000/60'
process.env.RATE_LIMIT_SIGNIN_IP ??= '10000/60'

const DURATION = Number(process.env.BENCH_DURATION || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const BATCH = 100
const SLUG = 'bench-story-01'
const log = (msg: string) => console.error(`[bench:listener] ${msg}`)

type BundleNode = { id: string; type: string; next: string | null; choices: { key: string; target: string | null; isDefault: boolean }[] }

type Req = { method?: string; path?: string; headers?: Record<string, string>; body?: string }
type Context = { t0?: number }
type RequestSpec = {
  method: string
  path: string
  headers?: Record<string, string>
  setupRequest?: (req: Req, context: Context) => Req
  onResponse?: (status: number, body: string, context: Context) => void
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/users/anonymous`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ anonymousId: `bench-${crypto.randomBytes(12).toString('hex')}` }),
  })
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { token: string }).token
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((x, y) => x - y)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100
}

/** The moves of one play through the bundle, always taking option A (the default). */
function playThrough(nodes: BundleNode[], startId: string): { kind: 'advance' | 'choose'; body: string }[] {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const moves: { kind: 'advance' | 'choose'; body: string }[] = []
  let node = byId.get(startId)
  while (node && node.type !== 'end' && moves.length < 1000) {
    if (node.type === 'choice') {
      const option = node.choices.find((c) => c.isDefault) ?? node.choices[0]!
      moves.push({ kind: 'choose', body: JSON.stringify({ nodeId: node.id, choiceKey: option.key, listenedSec: 3 }) })
      node = byId.get(option.target ?? '')
    } else {
      moves.push({ kind: 'advance', body: JSON.stringify({ nodeId: node.id, listenedSec: 3 }) })
      node = byId.get(node.next ?? '')
    }
  }
  return moves
}

/** Gives each autocannon connection its own listener (its own request list with its token). */
function perClient(tokens: string[], requestsFor: (token: string) => RequestSpec[]): (client: { setRequests: (r: RequestSpec[]) => void }) => void {
  let next = 0
  return (client) => client.setRequests(requestsFor(tokens[next++ % tokens.length]!))
}

async function analyticsIngest(base: string, databaseUrl: string, nodes: BundleNode[], duration = DURATION, print = true) {
  const tokens = await Promise.all(Array.from({ length: CONNECTIONS }, () => signIn(base)))
  const session = `bench-${crypto.randomBytes(6).toString('hex')}`
  const types = ['audio_play', 'audio_pause', 'choice_made', 'page_view', 'story_start'] as const
  const events = Array.from({ length: BATCH }, (_, i) => ({
    type: types[i % types.length],
    storySlug: SLUG,
    nodeId: nodes[i % nodes.length]!.id,
    sessionId: session,
    data: { position: i, ms: 1234 },
  }))
  const body = JSON.stringify({ events })
  let acknowledged = 0
  const requestsFor = (token: string): RequestSpec[] => [
    {
      method: 'POST',
      path: '/api/analytics/events',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      setupRequest: (req) => ({ ...req, body }),
      onResponse: (status) => {
        if (status === 202) acknowledged++
      },
    },
  ]
  const r = (await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration,
    requests: requestsFor(tokens[0]!),
    setupClient: perClient(tokens, requestsFor),
  } as never)) as Result
  // Requests still in flight when autocannon stops are abandoned by it but complete on the
  // server: give them a moment, then every acknowledged batch must be there, and at most one
  // more batch per connection.
  await new Promise((resolve) => setTimeout(resolve, 2000))
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM analytics_events WHERE session_id = $1', [session])
  await client.end()
  const accepted = acknowledged
  const expected = accepted * BATCH
  const found = Number(rows[0]!.n)
  const inFlight = (found - expected) / BATCH
  const line = {
    bench: 'listener',
    scenario: 'd_analytics_ingest_100_per_batch',
    connections: CONNECTIONS,
    batches_per_s: Math.round(accepted / r.duration),
    events_per_s: Math.round((accepted * BATCH) / r.duration),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    rows_acknowledged: expected,
    rows_found: found,
    rows_lost: Math.max(0, expected - found),
    batches_in_flight_at_stop: inFlight,
  }
  if (print) console.log(JSON.stringify(line))
  return line
}

async function progressMoves(base: string, bundle: { nodes: BundleNode[]; startNodeId: string }, duration = DURATION, print = true) {
  const tokens = await Promise.all(Array.from({ length: CONNECTIONS }, () => signIn(base)))
  const times: Record<string, number[]> = { start: [], advance: [], choose: [] }
  const failures: Record<string, number> = {}
  const timed = (token: string, kind: string, body: string | undefined): RequestSpec => ({
    method: 'POST',
    path: `/api/progress/${SLUG}/${kind}`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    setupRequest: (req, context) => {
      context.t0 = performance.now()
      return { ...req, ...(body ? { body } : {}) }
    },
    onResponse: (status, _body, context) => {
      times[kind]!.push(performance.now() - context.t0!)
      if (status !== 200) failures[`${kind}_${status}`] = (failures[`${kind}_${status}`] ?? 0) + 1
    },
  })
  const moves = playThrough(bundle.nodes, bundle.startNodeId)
  const requestsFor = (token: string) => [timed(token, 'start', undefined), ...moves.map((m) => timed(token, m.kind, m.body))]
  const r = (await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration,
    requests: requestsFor(tokens[0]!),
    setupClient: perClient(tokens, requestsFor),
  } as never)) as Result
  const line = {
    bench: 'listener',
    scenario: 'e_progress_moves',
    connections: CONNECTIONS,
    moves_per_play: moves.length + 1,
    rps: Math.round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    choose_count: times.choose!.length,
    choose_p50_ms: percentile(times.choose!, 50),
    choose_p99_ms: percentile(times.choose!, 99),
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    failures,
  }
  if (print) console.log(JSON.stringify(line))
  return line
}

export async function runListenerBench(baseUrl: string, databaseUrl: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/stories/${SLUG}/bundle?locale=en`, { headers: { 'accept-encoding': 'identity' } })
  if (!res.ok) throw new Error(`no bundle for ${SLUG}: ${res.status}`)
  const bundle = (await res.json()) as { nodes: BundleNode[]; startNodeId: string }
  log('warming up (2 s of each scenario, not reported)…')
  await analyticsIngest(baseUrl, databaseUrl, bundle.nodes, 2, false)
  await progressMoves(baseUrl, bundle, 2, false)
  log('analytics ingest…')
  const d = await analyticsIngest(baseUrl, databaseUrl, bundle.nodes)
  log('progress moves…')
  const e = await progressMoves(baseUrl, bundle)
  const targets = [
    { target: '(d) >= 20,000 events/s (200 batches/s)', value: `${d.events_per_s} events/s`, met: d.events_per_s >= 20_000 },
    {
      target: '(d) no rows lost',
      value: `${d.rows_found} rows for ${d.rows_acknowledged} acknowledged (+${d.batches_in_flight_at_stop} batches in flight at stop)`,
      met: d.rows_lost === 0 && d.non2xx === 0 && Number.isInteger(d.batches_in_flight_at_stop) && d.batches_in_flight_at_stop <= CONNECTIONS,
    },
    { target: '(e) record a choice p99 < 50 ms', value: `${e.choose_p99_ms} ms`, met: e.choose_p99_ms < 50 && e.non2xx === 0 },
    { target: '(e) every move p99 < 50 ms', value: `${e.p99_ms} ms`, met: e.p99_ms < 50 },
  ]
  console.log(JSON.stringify({ bench: 'listener-targets', targets }))
  table(targets)
}
