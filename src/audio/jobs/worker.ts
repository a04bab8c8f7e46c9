import type { Payload } from 'payload'

import { primaryPool } from '@/db/postgres'
import { GENERATE_AUDIO } from '@/audio/jobs/generateAudioTask'
import { SWEEP_AUDIO_OBJECTS } from '@/audio/jobs/sweepAudioObjectsTask'
import { settings } from '@/settings'

/**
 * A queue worker for Payload's jobs that several processes can run at once.
 *
 * Payload's own runner (`payload.jobs.run`, autoRun, `/api/payload-jobs/run`) picks jobs with a
 * SELECT and then marks them `processing` in a second statement: two workers polling together can
 * both pick the same job (db-postgres 3.90 `updateJobs`: find, then update by id). This worker
 * claims one job at a time with `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)`, so a job
 * goes to exactly one worker, then hands it to Payload (`runByID`), which runs the task, records
 * output or error and schedules retries as usual. A job left `processing` by a worker that died is
 * claimable again after `staleMs`.
 */
export type WorkerOptions = {
  /** Jobs run at once in this process (default AUDIO_CONCURRENCY, else 2). */
  concurrency?: number
  queue?: string
  /** Wait between polls of an empty queue (default 1 s). */
  pollMs?: number
  /** A job `processing` for longer than this is taken to be abandoned (default 15 min). */
  staleMs?: number
  /** Stop when the queue has nothing runnable (instead of polling forever). */
  untilIdle?: boolean
  /** Only jobs with these ids (a CLI waiting for its own jobs). */
  ids?: readonly string[]
  /** Run a full orphan sweep when idle, at most this often (default off). */
  sweepEveryMs?: number
  signal?: AbortSignal
  onJobDone?: (jobId: string) => void
}

/** Jobs one process runs at once (`AUDIO_CONCURRENCY`, 1-64, default 2). */
export function audioConcurrency(): number {
  return settings().audio.concurrency
}

/**
 * Atomically claims the next runnable job (or null): the oldest, except that every other task
 * (bundle refreshes, sweeps, AUTO_VOICE planning: each a few queries) goes before synthesis, so a
 * line's audio reaches its story's bundles while a long queue of lines is still being voiced.
 */
export async function claimJob(payload: Payload, opts: { queue?: string; staleMs?: number; ids?: readonly string[] } = {}): Promise<string | null> {
  const staleMs = opts.staleMs ?? 15 * 60_000
  const { rows } = await primaryPool(payload).query<{ id: string }>(
    `UPDATE payload_jobs SET processing = true, updated_at = now()
      WHERE id = (
        SELECT id FROM payload_jobs
         WHERE queue = $1
           AND completed_at IS NULL
           AND has_error IS NOT TRUE
           AND (processing IS NOT TRUE OR updated_at < now() - make_interval(secs => $2::double precision))
           AND (wait_until IS NULL OR wait_until <= now())
           AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))
         ORDER BY task_slug = '${GENERATE_AUDIO}', created_at, id
         LIMIT 1
         FOR UPDATE SKIP LOCKED)
      RETURNING id`,
    [opts.queue ?? 'default', staleMs / 1000, opts.ids ? [...opts.ids] : null],
  )
  return rows[0]?.id ?? null
}

/**
 * Runs jobs until aborted (or, with `untilIdle`, until nothing is runnable). Returns the number of
 * jobs run. Errors of a job are recorded on the job by Payload; errors of the worker itself (the
 * database went away) are logged and retried after a pause.
 */
export async function runWorker(payload: Payload, opts: WorkerOptions = {}): Promise<{ ran: number }> {
  const concurrency = opts.concurrency ?? audioConcurrency()
  const pollMs = opts.pollMs ?? 1_000
  let ran = 0
  let busy = 0
  let lastSweep = Date.now()
  // Idle lanes wake when another lane finishes a job (it may have queued more work), the poll
  // interval passes, or the worker is aborted.
  let wake: () => void = () => {}
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        opts.signal?.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      const previous = wake
      wake = () => {
        previous()
        done()
      }
      opts.signal?.addEventListener('abort', done, { once: true })
    })

  const lane = async () => {
    while (!opts.signal?.aborted) {
      let id: string | null
      try {
        id = await claimJob(payload, { queue: opts.queue, staleMs: opts.staleMs, ids: opts.ids })
      } catch (error) {
        payload.logger.error({ err: error, msg: 'Audio worker could not claim a job; retrying' })
        await sleep(Math.max(pollMs, 1_000))
        continue
      }
      if (!id) {
        if (opts.untilIdle && busy === 0) return
        if (!opts.untilIdle && opts.sweepEveryMs && busy === 0 && Date.now() - lastSweep >= opts.sweepEveryMs) {
          lastSweep = Date.now()
          await queueFullSweep(payload).catch((error: unknown) => payload.logger.error({ err: error, msg: 'Could not queue the audio sweep' }))
          continue
        }
        await sleep(pollMs)
        continue
      }
      busy++
      try {
        await payload.jobs.runByID({ id, silent: { info: true } })
      } catch (error) {
        payload.logger.error({ err: error, msg: `Audio worker: job ${id} could not be run` })
      } finally {
        busy--
        ran++
        opts.onJobDone?.(id)
        const wakeAll = wake
        wake = () => {}
        wakeAll()
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane))
  return { ran }
}

/** When the earliest pending (not failed, not done) job of the queue may run; null when none is pending. */
export async function nextPendingAt(payload: Payload, queue = 'default'): Promise<Date | null> {
  const { rows } = await primaryPool(payload).query<{ at: Date | null }>(
    `SELECT min(coalesce(wait_until, now())) AS at FROM payload_jobs WHERE queue = $1 AND completed_at IS NULL AND has_error IS NOT TRUE`,
    [queue],
  )
  return rows[0]?.at ? new Date(rows[0].at) : null
}

/** Queues a full orphan sweep unless one is already waiting. */
export async function queueFullSweep(payload: Payload): Promise<void> {
  const { rows } = await primaryPool(payload).query(
    `SELECT 1 FROM payload_jobs WHERE task_slug = $1 AND completed_at IS NULL AND has_error IS NOT TRUE
        AND (input->'keys' IS NULL OR input->'keys' = 'null'::jsonb) LIMIT 1`,
    [SWEEP_AUDIO_OBJECTS],
  )
  if (rows.length) return
  await payload.jobs.queue({ task: SWEEP_AUDIO_OBJECTS, input: {} })
}

export type JobProgress = { total: number; queued: number; running: number; done: number; failed: number; errors: { id: string; message: string }[] }

/** Where a set of jobs stands. A job missing from the table (deleted on completion) counts as done. */
export async function jobProgress(payload: Payload, ids: readonly string[]): Promise<JobProgress> {
  const { rows } = await primaryPool(payload).query<{ id: string; completed: boolean; has_error: boolean | null; processing: boolean | null; error: { message?: string } | null }>(
    'SELECT id, completed_at IS NOT NULL AS completed, has_error, processing, error FROM payload_jobs WHERE id = ANY($1::uuid[])',
    [[...ids]],
  )
  const progress: JobProgress = { total: ids.length, queued: 0, running: 0, done: ids.length - rows.length, failed: 0, errors: [] }
  for (const row of rows) {
    if (row.has_error) {
      progress.failed++
      progress.errors.push({ id: row.id, message: row.error?.message ?? 'failed' })
    } else if (row.completed) progress.done++
    else if (row.processing) progress.running++
    else progress.queued++
  }
  return progress
}
