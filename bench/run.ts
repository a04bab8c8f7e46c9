/**
 * `npm run bench`: delivery benchmarks against the production server (`npm start` on a production
 * build), in one run, on 50 generated stories x 40 nodes x 4 locales (plus the samples):
 *   bundle   GET /api/stories/:slug/bundle?locale=hi                  the compiled bundle
 *   trivial  GET /api/bench/constant                                  a trivial Next route serving the
 *            bench bundle's own bytes (uploaded once, compressed once): the ceiling of one process
 *   rest     GET /api/story-nodes?where[story]…&locale=hi&depth=1      what an app does without bundles
 * each with the Accept-Encoding an app sends (none, gzip, br), so compressed scenarios compare like
 * with like. While each scenario runs, a sampler reads bodies with the same headers and checks them
 * (bench/bodyCheck.ts: decoded per Content-Encoding, parsed, `version` matches); a scenario with a
 * bad body fails, and the run exits 1. Then the audio (bench/audio.ts) and translation
 * (bench/translation.ts) benchmarks.
 *
 * stdout is machine-readable: one JSON object per line (`bench` names the kind); `npm run -s bench`
 * leaves out npm's own banner. Tables and progress go to stderr.
 *
 * Env: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (10), BENCH_STORIES (50), BENCH_SAMPLES
 * (bodies checked per scenario, default 20), BENCH_SKIP_BUILD=1 to reuse an existing .next build,
 * BENCH_ONLY=listener to run only the listener benchmark (bench/listener.ts; with BENCH_STORIES=1
 * the seeding is quick too), BENCH_ONLY=delivery to stop after the delivery scenarios and targets
 * (no listener, scale, audio or translation benchmarks: a quick before/after of the delivery path).
 */
import autocannon, { type Result } from 'autocannon'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import pg from 'pg'

import { freePort } from '../scripts/lib/ports'
import { runTypeScript, runWithServices } from '../scripts/lib/runTypeScript'
import { startThrowawayServices } from '../scripts/lib/throwawayServices'

import { buildApp, startApp, type RunningApp } from '../tests/support/e2eServer'

import { checkSample, type Expectation, rawGet, sampleWhile, type SampleReport } from './bodyCheck'
import { runListenerBench } from './listener'
import { runScaleBench } from './scale'
import { table } from './output'

const DURATION = Number(process.env.BENCH_DURATION || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const SAMPLES = Number(process.env.BENCH_SAMPLES || 20)
const root = process.cwd()
const log = (msg: string) => console.error(`[bench] ${msg}`)

/** The servers started so far (the scale run stops the single process first; the rest stop at the end). */
const running: RunningApp[] = []

/** `npm start`, the production entry point (tests/support/e2eServer: its own process group, log under test-results/). */
async function startServer(extraEnv: Record<string, string> = {}): Promise<string> {
  const app = await startApp({ port: await freePort(), env: { BENCH_ROUTES: '1', ...extraEnv } })
  running.push(app)
  return app.url
}

async function stopServers(): Promise<void> {
  for (const app of running.splice(0).reverse()) await app.stop()
}

type Line = {
  scenario: string
  accept_encoding: string | null
  rps: number
  p50_ms: number
  p99_ms: number
  non2xx: number
  errors: number
  bytes_per_req: number
  bodies_sampled: number
  bad_bodies: number
  first_bad_body: string | null
  content_encodings: Record<string, number>
  wire_body_bytes: number | null
  ok: boolean
}

type Scenario = { name: string; url: string; headers: Record<string, string>; expect: Expectation }

async function load(s: Scenario): Promise<Line> {
  // autocannon returns a thenable instance, not a Promise.
  const run: Promise<Result> = Promise.resolve(autocannon({ url: s.url, connections: CONNECTIONS, duration: DURATION, headers: s.headers }))
  const samples: SampleReport = await sampleWhile(run, s.url, s.headers, s.expect, (DURATION * 1000) / SAMPLES)
  const r: Result = await run
  const line: Line = {
    scenario: s.name,
    accept_encoding: s.headers['accept-encoding'] ?? null,
    rps: Math.round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    bytes_per_req: r.requests.total ? Math.round((r.throughput.average * r.duration) / r.requests.total) : 0,
    bodies_sampled: samples.sampled,
    bad_bodies: samples.bad,
    first_bad_body: samples.first_error,
    content_encodings: samples.encodings,
    wire_body_bytes: samples.wire_body_bytes,
    ok: samples.bad === 0 && r.non2xx === 0 && r.errors + r.timeouts === 0,
  }
  console.log(JSON.stringify({ bench: 'delivery', ...line }))
  if (!line.ok) log(`scenario ${s.name} FAILED: ${line.first_bad_body ?? `${line.non2xx} non-2xx, ${line.errors} errors`}`)
  return line
}

async function queriesPerRequest(base: string, slug: string): Promise<{ cold: number; warm: number }> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  await client.query(`SELECT pg_notify('bk_bundles', $1)`, [slug]) // evicts the server's cached copy
  await client.end()
  await new Promise((r) => setTimeout(r, 200))
  const url = `${base}/api/stories/${slug}/bundle?locale=hi`
  const cold = Number((await fetch(url)).headers.get('x-db-queries'))
  const warm = Number((await fetch(url)).headers.get('x-db-queries'))
  return { cold, warm }
}

/** Bytes the server sends for sample bundles, per encoding (each body checked), next to level-9 gzip/br. */
async function sampleSizes(base: string): Promise<void> {
  for (const slug of ['clever-crow', 'monkey-and-crocodile', 'bench-story-01']) {
    for (const locale of ['en', 'hi', 'ta', 'bn', 'hi-mixed']) {
      const url = `${base}/api/stories/${slug}/bundle?locale=${locale}`
      const identity = await rawGet(url, { 'accept-encoding': 'identity' })
      if (identity.status !== 200) continue
      const { version } = JSON.parse(identity.body.toString('utf8')) as { version: string }
      const expect: Expectation = { kind: 'bundle', version, slug, locale }
      const served: Record<string, number | string> = {}
      for (const coding of ['gzip', 'br']) {
        const headers = { 'accept-encoding': coding }
        const verdict = checkSample(expect, headers, await rawGet(url, headers))
        served[`served_${coding}_bytes`] = verdict.ok ? (verdict.encoding === coding ? verdict.wireBytes : `${verdict.encoding}:${verdict.wireBytes}`) : `bad: ${verdict.error}`
      }
      const raw = identity.body
      console.log(
        JSON.stringify({
          bench: 'bundle-size',
          slug,
          locale,
          raw_bytes: raw.length,
          ...served,
          gzip9_bytes: zlib.gzipSync(raw, { level: 9 }).length,
          br11_bytes: zlib.brotliCompressSync(raw).length,
        }),
      )
    }
  }
}

const ENCODINGS: { label: string; headers: Record<string, string> }[] = [
  { label: 'none', headers: {} },
  { label: 'gzip', headers: { 'accept-encoding': 'gzip' } },
  { label: 'br', headers: { 'accept-encoding': 'br' } },
]

async function main(servicesDir: string): Promise<void> {
  log('seeding 50 stories x 40 nodes x 4 locales…')
  const code = await runTypeScript('bench/seedBench.ts', [], { stdoutToStderr: true })
  if (code !== 0) throw new Error(`seeding failed (${code})`)
  if (!(process.env.BENCH_SKIP_BUILD === '1' && fs.existsSync(path.join(root, '.next', 'BUILD_ID')))) await buildApp()
  log('npm start…')
  const base = await startServer()
  if (process.env.BENCH_ONLY === 'listener') return runListenerBench(base, process.env.DATABASE_URL!)
  const slug = 'bench-story-01'
  const locale = 'hi'
  const story = (await (await fetch(`${base}/api/stories?where[slug][equals]=${slug}&depth=0&limit=1`)).json()) as { docs: { id: string }[] }
  const storyId = story.docs[0]!.id
  const bundleUrl = `${base}/api/stories/${slug}/bundle?locale=${locale}`
  const bundleRaw = Buffer.from(await (await fetch(bundleUrl, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer())
  const bundle = JSON.parse(bundleRaw.toString('utf8')) as { version: string; nodes: unknown[] }
  const put = await fetch(`${base}/api/bench/constant`, { method: 'PUT', body: bundleRaw })
  if (!put.ok) throw new Error(`PUT /api/bench/constant: ${put.status} (is BENCH_ROUTES=1 reaching the server?)`)
  const trivialUrl = `${base}/api/bench/constant`
  const restUrl = `${base}/api/story-nodes?where[story][equals]=${storyId}&locale=${locale}&depth=1&limit=100`
  const restTotal = ((await (await fetch(restUrl)).json()) as { totalDocs: number }).totalDocs

  const bundleExpect: Expectation = { kind: 'bundle', version: bundle.version, slug, locale }
  const scenarios: Scenario[] = []
  for (const { label, headers } of ENCODINGS) {
    scenarios.push({ name: `trivial_${label}`, url: trivialUrl, headers, expect: { kind: 'bytes', bytes: bundleRaw } })
    scenarios.push({ name: `bundle_${label}`, url: bundleUrl, headers, expect: bundleExpect })
  }
  scenarios.push({
    name: 'bundle_gzip_bogus_authorization',
    url: bundleUrl,
    headers: { 'accept-encoding': 'gzip', authorization: 'Bearer not-a-real-token' },
    expect: bundleExpect,
  })
  scenarios.push({ name: 'rest_nodes_depth1_gzip', url: restUrl, headers: { 'accept-encoding': 'gzip' }, expect: { kind: 'rest-docs', totalDocs: restTotal } })

  // Warm every path once (JIT, caches) before measuring anything.
  for (const url of [bundleUrl, trivialUrl, restUrl]) {
    await autocannon({ url, connections: CONNECTIONS, duration: 2, headers: { 'accept-encoding': 'gzip' } })
  }
  const lines = new Map<string, Line>()
  for (const scenario of scenarios) lines.set(scenario.name, await load(scenario))
  const q = await queriesPerRequest(base, slug)
  console.log(JSON.stringify({ bench: 'db-queries-per-bundle-request', cold: q.cold, cached: q.warm }))
  await sampleSizes(base)

  const get = (name: string) => lines.get(name)!
  const ratio = (a: string, b: string) => get(a).rps / Math.max(get(b).rps, 1)
  const targets = [
    ...ENCODINGS.map(({ label }) => ({
      target: `bundle_${label} >= 90% of trivial_${label} rps`,
      value: `${(ratio(`bundle_${label}`, `trivial_${label}`) * 100).toFixed(1)}%`,
      met: ratio(`bundle_${label}`, `trivial_${label}`) >= 0.9,
    })),
    { target: 'bundle_gzip >= 10x rest_nodes_depth1_gzip rps', value: `${ratio('bundle_gzip', 'rest_nodes_depth1_gzip').toFixed(1)}x`, met: ratio('bundle_gzip', 'rest_nodes_depth1_gzip') >= 10 },
    { target: 'bundle_gzip p99 < 50 ms', value: `${get('bundle_gzip').p99_ms} ms`, met: get('bundle_gzip').p99_ms < 50 },
    ...['gzip', 'br'].map((label) => ({
      target: `bundle_${label} body on the wire <= 2.5 KB (${bundle.nodes.length}-node story, ${locale})`,
      value: `${get(`bundle_${label}`).wire_body_bytes} B as ${Object.keys(get(`bundle_${label}`).content_encodings).join('/') || '?'}`,
      met: (get(`bundle_${label}`).content_encodings[label] ?? 0) > 0 && (get(`bundle_${label}`).wire_body_bytes ?? Infinity) <= 2560,
    })),
    { target: 'queries: 0 cached, <= 2 cold', value: `${q.warm} / ${q.cold}`, met: q.warm === 0 && q.cold <= 2 },
    {
      target: 'no auth work (bogus token same speed)',
      value: `${(ratio('bundle_gzip_bogus_authorization', 'bundle_gzip') * 100).toFixed(0)}%`,
      met: get('bundle_gzip_bogus_authorization').non2xx === 0 && ratio('bundle_gzip_bogus_authorization', 'bundle_gzip') >= 0.9,
    },
    ...scenarios.map((s) => ({ target: `${s.name}: every sampled body valid`, value: `${get(s.name).bad_bodies}/${get(s.name).bodies_sampled} bad`, met: get(s.name).ok })),
  ]
  const failed: string[] = scenarios.filter((s) => !get(s.name).ok).map((s) => s.name)
  console.log(JSON.stringify({ bench: 'targets', bundle_bytes: bundleRaw.length, bundle_nodes: bundle.nodes.length, failed_scenarios: failed, targets }))
  table([...lines.values()].map(({ first_bad_body: _f, content_encodings, ...l }) => ({ ...l, content_encodings: JSON.stringify(content_encodings) })))
  table(targets)
  if (process.env.BENCH_ONLY === 'delivery') {
    if (failed.length) process.exitCode = 1
    return
  }
  await runListenerBench(base, process.env.DATABASE_URL!)

  // Scale: the same build as WEB_CONCURRENCY=2 with a read replica, compared with the figures above.
  const catalogUrlOf = (b: string) => `${b}/api/stories/catalog?locale=${locale}`
  const catalogBody = (await (await fetch(catalogUrlOf(base))).json()) as { totalDocs: number }
  await stopServers() // one server at a time on this machine
  await runScaleBench({
    dataDir: servicesDir,
    startServer,
    single: { bundle_gzip: get('bundle_gzip'), rest: get('rest_nodes_depth1_gzip') },
    measure: async (name, b) => {
      const gzip = { 'accept-encoding': 'gzip' }
      const byName: Record<string, Scenario> = {
        bundle_gzip: { name: 'scale_bundle_gzip', url: bundleUrl.replace(base, b), headers: gzip, expect: bundleExpect },
        rest_nodes_depth1_gzip: { name: 'scale_rest_nodes_depth1_gzip', url: restUrl.replace(base, b), headers: gzip, expect: { kind: 'rest-docs', totalDocs: restTotal } },
        catalog_gzip: { name: 'scale_catalog_gzip', url: catalogUrlOf(b), headers: gzip, expect: { kind: 'catalog', totalDocs: catalogBody.totalDocs } },
      }
      const scenario = byName[name]!
      await autocannon({ url: scenario.url, connections: CONNECTIONS, duration: 2, headers: gzip }) // warm up
      const line = await load(scenario)
      if (!line.ok) failed.push(scenario.name)
      return { scenario: scenario.name, rps: line.rps, p50_ms: line.p50_ms, p99_ms: line.p99_ms, ok: line.ok }
    },
  })
  if (fs.existsSync(path.join(root, 'bench', 'audio.ts'))) {
    log('audio benchmark…')
    // Asynchronous on purpose: this process serves the throwaway S3 server the audio bench writes to.
    const audio = spawn(process.execPath, ['--import', 'tsx', 'bench/audio.ts'], { env: process.env, stdio: 'inherit' })
    const status = await new Promise<number | null>((resolve) => audio.on('exit', resolve))
    if (status !== 0) {
      log(`audio benchmark exited ${status}`)
      failed.push('audio')
    }
  }
  if (fs.existsSync(path.join(root, 'bench', 'translation.ts'))) {
    log('translation benchmark…')
    // Its own throwaway database (500 dashboard stories are written straight into it).
    const env: NodeJS.ProcessEnv = { ...process.env }
    for (const key of Object.keys(env)) if (key === 'DATABASE_URL' || key.startsWith('S3_')) delete env[key]
    const translation = spawn(process.execPath, ['--import', 'tsx', 'bench/translation.ts'], { env, stdio: 'inherit' })
    const status = await new Promise<number | null>((resolve) => translation.on('exit', resolve))
    if (status !== 0) {
      log(`translation benchmark exited ${status}`)
      failed.push('translation')
    }
  }
  if (failed.length) {
    log(`bad bodies, failed requests or failed benchmarks in: ${failed.join(', ')}`)
    process.exitCode = 1
  }
}

await runWithServices(await startThrowawayServices('bench'), async (services) => {
  try {
    await main(services.dir)
  } catch (err) {
    log(`failed: ${(err as Error).stack ?? err}`)
    process.exitCode = 1
  } finally {
    await stopServers()
  }
  return Number(process.exitCode ?? 0)
})
