/**
 * Scale benchmark, run by bench/run.ts after the single-process scenarios: the same production
 * build started again as `WEB_CONCURRENCY=2 npm start` with a streaming standby of the bench
 * database as its read replica. Measures the bundle (gzip) and REST scenarios on 2 processes,
 * compares them with the single-process figures of the same run, reads primary vs replica query
 * counts from /api/metrics, then runs the listener benchmark against the 2-process server.
 */
import path from 'node:path'

import { startEmbeddedStandby } from '../scripts/lib/embeddedStandby'

import { runListenerBench } from './listener'
import { table } from './output'

export type ScaleLine = { scenario: string; rps: number; p50_ms: number; p99_ms: number; ok: boolean }

const METRICS_TOKEN = 'bench-metrics-token-0123456789'
const log = (msg: string) => console.error(`[bench:scale] ${msg}`)

/** Sum of `bk_db_queries_total` per target (primary/replica), optionally for routes matching `route`. */
async function queryCounts(base: string, route?: RegExp): Promise<{ primary: number; replica: number }> {
  const text = await (await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text()
  const out = { primary: 0, replica: 0 }
  for (const line of text.split('\n')) {
    const m = line.match(/^bk_db_queries_total\{route="([^"]*)",target="(primary|replica)"\} ([\d.e+]+)$/)
    if (!m || (route && !route.test(m[1]!))) continue
    out[m[2] as 'primary' | 'replica'] += Number(m[3])
  }
  return out
}

export async function runScaleBench(opts: {
  dataDir: string
  startServer: (env: Record<string, string>) => Promise<string>
  measure: (name: string, base: string) => Promise<ScaleLine>
  single: { bundle_gzip: ScaleLine; rest: ScaleLine }
}): Promise<void> {
  log('starting a streaming standby of the bench database (read replica)…')
  const standby = await startEmbeddedStandby({
    primaryUrl: process.env.DATABASE_URL!,
    primaryDataDir: path.join(opts.dataDir, 'pg'),
    dataDir: path.join(opts.dataDir, 'standby'),
    fast: true,
    log,
  })
  try {
    log('WEB_CONCURRENCY=2 npm start (replica configured)…')
    const base = await opts.startServer({ WEB_CONCURRENCY: '2', DATABASE_REPLICA_URLS: standby.url, METRICS_TOKEN })
    const before = await queryCounts(base)
    const bundle = await opts.measure('bundle_gzip', base)
    const rest = await opts.measure('rest_nodes_depth1_gzip', base)
    const catalog = await opts.measure('catalog_gzip', base)
    const after = await queryCounts(base)
    const restRoutes = await queryCounts(base, /^\/api\/story-nodes/)
    const deliveryRoutes = await queryCounts(base, /^\/api\/stories\/(:id\/bundle|catalog)$/)
    const counts = {
      bench: 'scale-queries',
      during_run: { primary: after.primary - before.primary, replica: after.replica - before.replica },
      rest_routes_total: restRoutes,
      bundle_and_catalog_routes_total: deliveryRoutes,
    }
    console.log(JSON.stringify(counts))
    const lines = [bundle, rest, catalog].map((l) => ({ ...l, processes: 2 }))
    for (const l of lines) console.log(JSON.stringify({ bench: 'scale', ...l }))
    const speedup = bundle.rps / Math.max(opts.single.bundle_gzip.rps, 1)
    const targets = [
      { target: 'bundle_gzip: 2 processes >= 1.6x the rps of 1', value: `${speedup.toFixed(2)}x (${opts.single.bundle_gzip.rps} -> ${bundle.rps})`, met: speedup >= 1.6 },
      { target: 'bundle_gzip p99 < 50 ms with 2 processes', value: `${bundle.p99_ms} ms`, met: bundle.p99_ms < 50 },
      { target: 'bundle_gzip >= 10x rest with 2 processes', value: `${(bundle.rps / Math.max(rest.rps, 1)).toFixed(1)}x`, met: bundle.rps >= 10 * rest.rps },
      { target: 'public REST reads served by the replica', value: `${restRoutes.replica} replica / ${restRoutes.primary} primary`, met: restRoutes.replica > 0 },
    ]
    console.log(JSON.stringify({ bench: 'scale-targets', targets }))
    table(lines)
    table(targets)
    log('listener benchmark against 2 processes…')
    await runListenerBench(base, process.env.DATABASE_URL!)
  } finally {
    await standby.stop()
  }
}
