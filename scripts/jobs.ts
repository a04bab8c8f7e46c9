/**
 * `npm run jobs [-- --concurrency N] [--queue default]`: a queue worker for production (and for
 * development with AUDIO_WORKER=off). Runs Payload jobs (audio generation, orphan sweeps, bundle
 * refreshes) AUDIO_CONCURRENCY at a time until SIGINT/SIGTERM, then finishes the jobs in hand and
 * exits. Any number of workers may run at once: each job is claimed by exactly one (see
 * src/audio/jobs/worker.ts). Sweeps orphan audio objects when idle, hourly.
 *
 * `--until-empty`: stop once no job is pending (delayed ones included) instead of polling forever,
 * without the hourly sweep: the launcher's start-up worker (scripts/lib/runNext.ts).
 *
 * Like the other scripts it starts the local database and S3 server when DATABASE_URL / S3_BUCKET
 * are not set, then works in a child process (see scripts/lib/runTypeScript.ts).
 */
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', short: 'c' },
    queue: { type: 'string', default: 'default' },
    'jobs-child': { type: 'boolean', default: false },
    'until-empty': { type: 'boolean', default: false },
  },
  strict: true,
})
if (values.concurrency !== undefined) process.env.AUDIO_CONCURRENCY = values.concurrency

if (!values['jobs-child']) {
  const { prepareLocalEnvironment } = await import('./lib/localEnv')
  const { runTypeScript, runWithServices } = await import('./lib/runTypeScript')
  await runWithServices(await prepareLocalEnvironment(), () => runTypeScript('scripts/jobs.ts', [...process.argv.slice(2), '--jobs-child']))
} else {
  const { reportImported } = await import('./lib/runTypeScript')
  const { startPayloadWhenDatabaseIsUp } = await import('@/db/startPayload')
  const { default: config } = await import('@payload-config')
  const { audioConcurrency, nextPendingAt, runWorker } = await import('@/audio/jobs/worker')
  const { refreshBundlesForVoices } = await import('@/audio/jobs/voicesAtStart')
  reportImported()
  // Started while Postgres is down (or restarting): wait for it rather than exit.
  const payload = await startPayloadWhenDatabaseIsUp(config, (msg) => console.warn(`[bhasha-kahani] jobs: ${msg}`))
  const controller = new AbortController()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (controller.signal.aborted) return
      payload.logger.info(`${signal}: finishing the jobs in hand, then stopping`)
      controller.abort()
    })
  }
  payload.logger.info(`Job worker started (queue ${values.queue}, ${audioConcurrency()} at a time${values['until-empty'] ? ', until the queue is empty' : ''})`)
  // Bundles compiled for other voices (the provider, model or narrator changed) are compiled again.
  await refreshBundlesForVoices(payload)
  let ran = 0
  if (values['until-empty']) {
    // Runnable jobs first; then wait for delayed ones (a coalesced bundle refresh) and run those too.
    while (!controller.signal.aborted) {
      ran += (await runWorker(payload, { queue: values.queue, signal: controller.signal, untilIdle: true })).ran
      const at = await nextPendingAt(payload, values.queue)
      if (!at) break
      await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(at.getTime() - Date.now(), 500), 5_000)))
    }
  } else ran = (await runWorker(payload, { queue: values.queue, signal: controller.signal, sweepEveryMs: 3600_000 })).ran
  payload.logger.info(`Job worker stopped after ${ran} job(s)`)
  await payload.destroy()
  process.exit(0)
}
