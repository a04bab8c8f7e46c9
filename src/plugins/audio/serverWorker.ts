import type { Payload } from 'payload'

import { refreshBundlesForVoices } from '@/audio/jobs/voicesAtStart'
import { audioConcurrency, runWorker } from '@/audio/jobs/worker'
import { primaryPool } from '@/db/postgres'
import { onShutdown } from '@/lifecycle/shutdown'
import { settings } from '@/settings'

/**
 * Where jobs run. `AUDIO_WORKER=server` runs the worker inside the Next server: the default under
 * `next dev` (NODE_ENV=development) and on the zero-install embedded database (`npm start` without
 * DATABASE_URL), so a fresh start voices stories without a second process; `off` (the default
 * otherwise: production against a real database, tests) leaves the queue to `npm run jobs`.
 */
export function serverWorkerEnabled(): boolean {
  return settings().audio.worker === 'server'
}

const WORKER = Symbol.for('bhasha-kahani.audioServerWorker')
/** How often the queue is checked while lines are being voiced (see `poll`). */
const READY_POLL_MS = 2_000

async function pendingLines(payload: Payload): Promise<number> {
  const { rows } = await primaryPool(payload).query<{ n: string }>(
    `SELECT count(*) AS n FROM payload_jobs WHERE task_slug = 'generateAudio' AND completed_at IS NULL AND has_error IS NOT TRUE`,
  )
  return Number(rows[0]?.n ?? 0)
}

/**
 * Starts one worker per process (Next's dev server re-initialises Payload on every config change).
 * Says when it starts voicing queued lines and when they are all done ("Audio ready").
 */
export function startServerWorker(payload: Payload): void {
  const g = globalThis as { [WORKER]?: AbortController }
  if (g[WORKER]) return
  const controller = new AbortController()
  g[WORKER] = controller
  payload.logger.info(`Audio worker running in this server (pid ${process.pid}, AUDIO_CONCURRENCY=${audioConcurrency()})`)
  // "Voicing N lines" when this worker finds lines queued, "Audio ready" when none are left. While
  // lines are being voiced the queue is also checked on a timer: the last line may be done by
  // another worker (the start-up worker of `npm run dev` / `npm start`, or `npm run jobs`), and
  // this one's own completions would then never see the queue empty. The sample stories queued at
  // start (settings().dev.startupVoicing) count from when they were queued, and are reported done
  // even when the start-up worker voiced them all before this worker started.
  const startup = settings().dev.startupVoicing
  let startupSeen = false
  let started = 0
  let first = 0
  let stopped = false
  let failing = false
  let poll: NodeJS.Timeout | undefined
  const ready = (lines: number, since: number) =>
    payload.logger.info(`Audio ready: every queued line is voiced (${lines} when voicing began, ${((Date.now() - since) / 1000).toFixed(0)} s)`)
  const check = async () => {
    if (stopped) return
    const pending = await pendingLines(payload)
    failing = false
    const atStart = startup && !startupSeen
    startupSeen = true
    if (!started && pending) {
      started = atStart ? startup.since : Date.now()
      first = atStart ? startup.lines : pending
      payload.logger.info(`Voicing ${pending} lines in the background…`)
      poll ??= setInterval(report, READY_POLL_MS).unref()
    } else if (started && pending === 0) {
      ready(first, started)
      started = 0
      clearInterval(poll)
      poll = undefined
    } else if (!started && pending === 0 && atStart) {
      ready(startup.lines, startup.since)
    }
  }
  // One check at a time, in order: a slow one must not report after a later one.
  let chain: Promise<void> = Promise.resolve()
  const report = () => {
    chain = chain.then(check).catch((err: unknown) => {
      if (!failing) payload.logger.warn({ err, msg: 'audio progress report failed; retrying' })
      failing = true
    })
  }
  report()
  // Bundles compiled for other voices (the provider, model or narrator changed) are compiled again.
  refreshBundlesForVoices(payload).catch((err: unknown) => payload.logger.warn({ err, msg: 'could not check the bundles against the configured voices' }))
  const done = runWorker(payload, {
    signal: controller.signal,
    sweepEveryMs: 3600_000,
    onJobDone: report,
  }).catch((error: unknown) => {
    payload.logger.error({ err: error, msg: 'The in-server audio worker stopped' })
    delete g[WORKER]
  })
  // SIGTERM: claim nothing new, let the running jobs finish (the server bounds the wait).
  onShutdown('in-server audio worker', async () => {
    stopped = true
    clearInterval(poll)
    controller.abort()
    await done
  })
}
