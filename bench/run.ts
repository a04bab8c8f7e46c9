/**
 * `npm run bench`: delivery benchmarks against a production build (next start), in one run:
 *   (a) GET /api/stories/:slug/bundle?locale=hi            the compiled bundle
 *   (b) GET /api/story-nodes?where[story]…&locale=hi&depth=1 what an app does without it
 *   (c) GET /api/bench/constant?bytes=<bundle size>         a trivial Next route, the ceiling
 * on 50 generated stories x 40 nodes x 4 locales (plus the samples). Prints one JSON line per
 * scenario, then a table, the targets, and the raw/gzip size of each sample bundle. Then runs the
 * audio benchmark (bench/audio.ts) when present.
 *
 * Env: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (10), BENCH_STORIES (50),
 * BENCH_SKIP_BUILD=1 to reuse an existing .next build.
 */
import autocannon, { type Result } from 'autocannon'
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import pg from 'pg'

import { freePort } from '@/infra/ports'
import { runTypeScript } from '@/infra/runTypeScript'
import { startThrowawayServices } from '@/infra/throwawayServices'

import { runListenerBench } from './listener'

const DURATION = Number(process.env.BENCH_DURATION || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const root = process.cwd()
const stops: (() => Promise<void>)[] = []
const log = (msg: string) => console.error(`[bench] ${msg}`)

async function services(): Promise<void> {
  const throwaway = await startThrowawayServices('bench')
  stops.push(throwaway.stop)
}

function build(): void {
  if (process.env.BENCH_SKIP_BUILD === '1' && fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) return
  log('next build…')
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (run.status !== 0) throw new Error(`next build failed (${run.status})`)
}

async function startServer(): Promise<string> {
  const port = await freePort()
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    env: { ...process.env, NODE_ENV: 'production', BENCH_ROUTES: '1', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  stops.unshift(async () => {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM')
  })
  const url = `http://localhost:${port}`
  for (let i = 0; i < 240; i++) {
    const res = await fetch(`${url}/api/stories?limit=1`).catch(() => null) // refused until it listens
    if (res?.ok) return url
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('next start did not become ready in 120 s')
}

type Line = {
  scenario: string
  rps: number
  p50_ms: number
  p99_ms: number
  non2xx: number
  errors: number
  bytes_per_req: number
}

async function load(scenario: string, url: string, headers: Record<string, string> = {}): Promise<Line> {
  const r: Result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers })
  const line: Line = {
    scenario,
    rps: Math.round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    bytes_per_req: r.requests.total ? Math.round((r.throughput.average * r.duration) / r.requests.total) : 0,
  }
  console.log(JSON.stringify({ bench: 'delivery', ...line }))
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

async function sampleSizes(base: string): Promise<void> {
  for (const slug of ['clever-crow', 'monkey-and-crocodile', 'bench-story-01']) {
    for (const locale of ['en', 'hi', 'ta', 'bn', 'hi-mixed']) {
      const res = await fetch(`${base}/api/stories/${slug}/bundle?locale=${locale}`, { headers: { 'accept-encoding': 'identity' } })
      if (!res.ok) continue
      const raw = Buffer.from(await res.arrayBuffer())
      const gzip = zlib.gzipSync(raw, { level: 9 }).length
      const br = zlib.brotliCompressSync(raw).length
      console.log(JSON.stringify({ bench: 'bundle-size', slug, locale, raw_bytes: raw.length, gzip_bytes: gzip, br_bytes: br }))
    }
  }
}

async function main(): Promise<void> {
  await services()
  log('seeding 50 stories x 40 nodes x 4 locales…')
  const code = await runTypeScript('bench/seedBench.ts')
  if (code !== 0) throw new Error(`seeding failed (${code})`)
  build()
  log('next start…')
  const base = await startServer()
  const slug = 'bench-story-01'
  const story = (await (await fetch(`${base}/api/stories?where[slug][equals]=${slug}&depth=0&limit=1`)).json()) as { docs: { id: string }[] }
  const storyId = story.docs[0]!.id
  const bundleUrl = `${base}/api/stories/${slug}/bundle?locale=hi`
  const bundleBytes = (await (await fetch(bundleUrl, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()).byteLength
  // Warm every path once (JIT, caches) before measuring anything.
  for (const url of [bundleUrl, `${base}/api/bench/constant?bytes=${bundleBytes}`, `${base}/api/story-nodes?where[story][equals]=${storyId}&locale=hi&depth=1&limit=100`]) {
    await autocannon({ url, connections: CONNECTIONS, duration: 2 })
  }

  const c = await load('c_next_constant', `${base}/api/bench/constant?bytes=${bundleBytes}`)
  const a = await load('a_bundle', bundleUrl)
  const b = await load('b_rest_nodes_depth1', `${base}/api/story-nodes?where[story][equals]=${storyId}&locale=hi&depth=1&limit=100`)
  const aGzip = await load('a_bundle_gzip', bundleUrl, { 'accept-encoding': 'gzip' })
  const aAuth = await load('a_bundle_with_bogus_authorization', bundleUrl, { authorization: 'Bearer not-a-real-token' })
  const q = await queriesPerRequest(base, slug)
  console.log(JSON.stringify({ bench: 'db-queries-per-bundle-request', cold: q.cold, cached: q.warm }))
  await sampleSizes(base)

  const ratioC = a.rps / c.rps
  const ratioB = a.rps / b.rps
  const targets = [
    { target: '(a) >= 90% of (c) rps', value: `${(ratioC * 100).toFixed(1)}%`, met: ratioC >= 0.9 },
    { target: '(a) >= 10x (b) rps', value: `${ratioB.toFixed(1)}x`, met: ratioB >= 10 },
    { target: '(a) p99 < 50 ms', value: `${a.p99_ms} ms`, met: a.p99_ms < 50 },
    { target: 'queries: 0 cached, <= 2 cold', value: `${q.warm} / ${q.cold}`, met: q.warm === 0 && q.cold <= 2 },
    { target: 'no auth work (bogus token same speed)', value: `${((aAuth.rps / a.rps) * 100).toFixed(0)}%`, met: aAuth.non2xx === 0 },
  ]
  console.log(JSON.stringify({ bench: 'targets', bundle_bytes: bundleBytes, targets }))
  console.table([c, a, b, aGzip, aAuth])
  console.table(targets)
  await runListenerBench(base, process.env.DATABASE_URL!)
  if (fs.existsSync(path.join(root, 'bench', 'audio.ts'))) {
    log('audio benchmark…')
    // Asynchronous on purpose: this process serves the throwaway S3 server the audio bench writes to.
    const audio = spawn(process.execPath, ['--import', 'tsx', 'bench/audio.ts'], { env: process.env, stdio: 'inherit' })
    const status = await new Promise<number | null>((resolve) => audio.on('exit', resolve))
    if (status !== 0) log(`audio benchmark exited ${status}`)
  }
}

try {
  await main()
} finally {
  for (const stop of stops) await stop()
}
process.exit(0)
