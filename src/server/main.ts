/**
 * Entry point of the app process (`npm start` and `npm run dev` run it as their child).
 *
 * - One process by default. With `WEB_CONCURRENCY=N` (production only) this process becomes a
 *   Node cluster primary that forks N workers sharing PORT; each runs the custom server
 *   (src/server/httpServer.ts). Only worker 1 may run the in-server audio worker (AUDIO_WORKER),
 *   so jobs are never run once per web worker. A worker that dies is replaced.
 * - SIGTERM/SIGINT: stop accepting, let in-flight requests finish (bounded by
 *   SHUTDOWN_TIMEOUT_MS), close pools and listeners, exit 0. The primary forwards the signal to
 *   its workers and exits when they have.
 */
import cluster from 'node:cluster'

import { serveClusterMetrics, serveWorkerRegistry } from '@/observability/clusterMetrics'
import { startAppServer } from '@/server/httpServer'
import { settings, SettingsError } from '@/settings'

const dev = process.argv.includes('--dev')
const env = (() => {
  try {
    return settings()
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err
    console.error(err.message)
    process.exit(2)
  }
})()
const port = env.server.port
const shutdownMs = env.server.shutdownTimeoutMs
const concurrency = dev ? 1 : env.server.concurrency

if (concurrency > 1 && cluster.isPrimary) await runPrimary(concurrency)
else await runWorker()

async function runWorker(): Promise<void> {
  if (cluster.isWorker) serveWorkerRegistry()
  const app = await startAppServer({ dev, port })
  const who = cluster.isWorker ? ` (worker ${env.dev.workerIndex} of ${concurrency}, pid ${process.pid})` : ''
  console.log(`[server] ${dev ? 'development' : 'production'} server listening on ${app.url}${who}`)
  // Warm-up: the first API request initialises Payload with its crons (every route asks for them:
  // `cron: true`, so whichever request comes first starts them), which starts the in-server
  // audio worker where it is on (dev, the embedded default), so stories queued at seed are voiced
  // now, not when someone first opens the admin.
  void fetch(`${app.url}/api/stories?limit=1&depth=0`).then(
    (res) => res.body?.cancel(),
    (err: unknown) => console.error('[server] warm-up request failed', err),
  )
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    setTimeout(() => {
      console.error(`[server] in-flight work did not finish within ${shutdownMs} ms; exiting`)
      process.exit(0)
    }, shutdownMs).unref()
    app.close().then(
      () => {
        console.log(`[server] stopped cleanly (pid ${process.pid}): requests finished, pools and listeners closed`)
        process.exit(0)
      },
      (err: unknown) => {
        console.error('[server] shutdown failed', err)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  // A cluster worker is told to stop by its primary through this message (signals may not reach it).
  process.on('message', (msg) => {
    if (msg === 'shutdown') stop()
  })
}

async function runPrimary(n: number): Promise<void> {
  // The configured value, not its default: each worker derives the default itself.
  const audio = env.audio.configuredWorker
  const indexOf = new Map<number, number>()
  let stopping = false
  const fork = (index: number) => {
    // Worker 1 keeps the configured AUDIO_WORKER; the others never run jobs.
    const worker = cluster.fork({ BK_WORKER_INDEX: String(index), AUDIO_WORKER: index === 1 ? (audio ?? '') : 'off' })
    indexOf.set(worker.id, index)
  }
  serveClusterMetrics()
  console.log(`[server] cluster primary ${process.pid}: starting ${n} workers on port ${port}`)
  // New connections go round-robin only to workers that listen already, so until every worker
  // does, one may answer everything: say when the whole cluster takes requests (and again after a
  // replaced worker is back).
  const listening = new Set<number>()
  cluster.on('listening', (worker, address) => {
    if (address.port !== port) return
    listening.add(worker.id)
    if (listening.size === n) console.log(`[server] cluster ready: ${n} of ${n} workers listening on port ${port}`)
  })
  for (let i = 1; i <= n; i++) fork(i)
  cluster.on('exit', (worker, code, signal) => {
    const index = indexOf.get(worker.id) ?? 0
    indexOf.delete(worker.id)
    listening.delete(worker.id)
    if (stopping) {
      if (indexOf.size === 0) process.exit(0)
      return
    }
    console.error(`[server] worker ${index} (pid ${worker.process.pid}) exited (${signal ?? code}); starting a new one`)
    setTimeout(() => fork(index), 1_000)
  })
  const stop = () => {
    if (stopping) return
    stopping = true
    for (const worker of Object.values(cluster.workers ?? {})) worker?.send('shutdown')
    setTimeout(() => process.exit(0), shutdownMs + 2_000).unref()
    if (indexOf.size === 0) process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
