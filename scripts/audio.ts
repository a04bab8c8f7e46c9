/**
 * `npm run audio -- --story clever-crow [--locale hi,ta] [--dry-run] [--concurrency 4]`
 *   Voices a story: queues one generateAudio job per (node, locale) that is missing, outdated or
 *   failed, runs them here (other workers may help) and waits, printing a running count.
 *   --all instead of --story: every story (after a pronunciation entry changed, say).
 *   --dry-run prints, per locale, what is done and the characters still to voice with the
 *   estimated Bulbul cost (AUDIO_RUPEES_PER_10K_CHARS, default ₹30 per 10,000), and the lines
 *   to voice with the pronunciation entries each applies, and queues nothing. Without --story it
 *   looks at every story and prints those with lines to voice.
 * `npm run audio -- --sweep`  deletes audio objects no row references (and old finished jobs).
 *
 * Starts the local database and S3 server when DATABASE_URL / S3_BUCKET are not set (like the
 * other scripts), applies migrations, seeds the samples into an empty embedded database, then does
 * the work in a child process (see scripts/lib/runTypeScript.ts). Exits 1 when a line failed.
 */
import { parseArgs } from 'node:util'

const CHILD = '--audio-child'

const { values } = parseArgs({
  options: {
    story: { type: 'string', short: 's' },
    all: { type: 'boolean', default: false },
    locale: { type: 'string', short: 'l' },
    'dry-run': { type: 'boolean', default: false },
    sweep: { type: 'boolean', default: false },
    concurrency: { type: 'string', short: 'c' },
    help: { type: 'boolean', short: 'h', default: false },
    [CHILD.slice(2)]: { type: 'boolean', default: false },
  },
  strict: true,
})

const usage =
  'Usage: npm run audio -- --story <slug|id> | --all [--locale hi,ta] [--dry-run] [--concurrency N]\n       npm run audio -- --dry-run [--locale hi,ta]   (every story)\n       npm run audio -- --sweep'

if (values.help) {
  console.log(usage)
  process.exit(0)
}
if (values.story && values.all) {
  console.error(`--story and --all: give one.\n${usage}`)
  process.exit(2)
}
if (!values.sweep && !values.story && !values.all && !values['dry-run']) {
  console.error(`--story or --all is required.\n${usage}`)
  process.exit(2)
}
if (values.concurrency !== undefined) process.env.AUDIO_CONCURRENCY = values.concurrency

if (!values[CHILD.slice(2) as 'audio-child']) await parent()
else await child()

async function parent(): Promise<void> {
  const { prepareLocalEnvironment } = await import('./lib/localEnv')
  const { runTypeScript, runWithServices } = await import('./lib/runTypeScript')
  await runWithServices(await prepareLocalEnvironment(), async (env) => {
    const code = await runTypeScript('scripts/bootstrap.ts', [`--seed=${env.embeddedDatabase ? 'when-empty' : 'never'}`])
    return code === 0 ? runTypeScript('scripts/audio.ts', [...process.argv.slice(2), CHILD]) : code
  })
}

async function child(): Promise<void> {
  const { reportImported } = await import('./lib/runTypeScript')
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const { audioStore } = await import('@/storage/objectStore')
  const { sweepAudioObjects } = await import('@/audio/jobs/audioObjects')
  const { audioProvider } = await import('@/audio/providers/audioProvider')
  const { enqueueStoryAudio, loadStoryAudio, statusOf } = await import('@/audio/jobs/storyAudio')
  const { audioConcurrency, jobProgress, runWorker } = await import('@/audio/jobs/worker')
  const { describeLinesToVoice, parseLocales } = await import('@/domain/audio/variants')
  const { LOCALE_CODES } = await import('@/locales')
  reportImported()

  const payload = await getPayload({ config })
  let failed = false
  try {
    if (values.sweep) {
      const result = await sweepAudioObjects(payload, audioStore())
      console.log(result.skipped ? `Sweep skipped: ${result.skipped}` : `Checked ${result.checked} object(s), deleted ${result.deleted.length} orphan(s), pruned ${result.prunedJobs} finished job(s).`)
      return
    }
    const locales = parseLocales(values.locale, LOCALE_CODES)
    const storyIds = values.story ? [await findStory(payload, values.story)] : await allStories(payload)
    const provider = audioProvider()
    const rupees = (n: number) => `₹${n.toFixed(2)}`

    if (values['dry-run']) {
      let chars = 0
      let cost = 0
      let upToDate = 0
      for (const storyId of storyIds) {
        const audio = await loadStoryAudio(payload, storyId, { provider, locales })
        const status = statusOf(audio)
        chars += status.totals.charsToVoice
        cost += status.totals.estimatedCostInr
        const lines = describeLinesToVoice(audio.plan.items)
        // Every story: only those with something to voice (a whole library is mostly up to date).
        if (!values.story && lines.length === 0) {
          upToDate++
          continue
        }
        console.log(`Story ${status.story.slug}: voice ${provider.name} (${provider.model})`)
        console.table(
          status.locales.map((l) => ({
            locale: l.locale,
            'with text': l.nodes - l.noText,
            done: l.done,
            'to voice': l.missing + l.failed + l.queued,
            outdated: l.outdated,
            'chars to voice': l.charsToVoice,
            'est. Bulbul cost': rupees(l.estimatedCostInr),
          })),
        )
        if (lines.length) console.log(`Lines to voice (locale, node, state, text, pronunciation entries applied):\n${lines.join('\n')}`)
      }
      if (upToDate) console.log(`${upToDate} other ${upToDate === 1 ? 'story is' : 'stories are'} up to date.`)
      console.log(`Total: ${chars} characters to voice, estimated Bulbul cost ${rupees(cost)}. Nothing was queued (--dry-run).`)
      return
    }

    const t0 = Date.now()
    const ids: string[] = []
    for (const storyId of storyIds) {
      const queued = await enqueueStoryAudio(payload, storyId, { provider, locales })
      ids.push(...queued.jobIds)
      console.log(
        `Story ${queued.status.story.slug} (${provider.name} ${provider.model}, ${audioConcurrency()} at a time): ${queued.upToDate} up to date, ${queued.alreadyQueued} already queued, ${queued.noText} without text, ${queued.jobIds.length} to generate (${queued.status.totals.charsToVoice} characters).`,
      )
    }
    const tty = process.stdout.isTTY
    const show = async () => {
      const p = await jobProgress(payload, ids)
      const line = `  ${p.done + p.failed}/${p.total} finished (${p.done} done, ${p.failed} failed, ${p.running} running, ${p.queued} queued) ${((Date.now() - t0) / 1000).toFixed(1)} s`
      if (tty) process.stdout.write(`\r${line}`)
      else console.log(line)
      return p
    }
    let progress = await show()
    // Run the jobs here; if other workers took some, or retries wait for their backoff, wait for them.
    while (ids.length && progress.done + progress.failed < progress.total) {
      await runWorker(payload, { untilIdle: true, ids, onJobDone: () => void show() })
      progress = await show()
      if (progress.done + progress.failed < progress.total) await new Promise((r) => setTimeout(r, 1000))
    }
    if (tty) process.stdout.write('\n')
    const summary = await outputs(payload, ids)
    const swept = await sweepAudioObjects(payload, audioStore())
    console.log(
      `Finished in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${summary.created} created, ${summary.updated} replaced, ${summary.unchanged} unchanged, ${summary.reused} reused from identical lines, ${summary.skipped} skipped, ${progress.failed} failed; ${summary.calls} synthesis call(s), ${summary.chars} characters, ${(summary.bytes / 1024).toFixed(1)} KB for ${summary.seconds.toFixed(1)} s of speech.${swept.deleted.length ? ` Deleted ${swept.deleted.length} orphan object(s).` : ''}`,
    )
    for (const e of progress.errors) console.error(`  failed: ${e.message}`)
    failed = progress.failed > 0
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    failed = true
  } finally {
    await payload.destroy()
    // Here, not after the block: the sweep and --dry-run return early, and the encode threads and
    // connection pools would keep the process (and `npm run audio` waiting on it) alive.
    process.exit(failed ? 1 : 0)
  }
}

/** Every story's id, by slug (the order lines are listed and queued in). */
async function allStories(payload: import('payload').Payload): Promise<string[]> {
  const { docs } = await payload.find({ collection: 'stories', depth: 0, limit: 0, pagination: false, sort: 'slug', overrideAccess: true, select: { slug: true } })
  return docs.map((d) => d.id)
}

async function findStory(payload: import('payload').Payload, ref: string): Promise<string> {
  const { docs } = await payload.find({
    collection: 'stories',
    where: { or: [{ slug: { equals: ref } }, ...(/^[0-9a-f-]{36}$/i.test(ref) ? [{ id: { equals: ref } }] : [])] },
    depth: 0,
    limit: 1,
    overrideAccess: true,
    select: { slug: true },
  })
  if (!docs[0]) {
    const all = await payload.find({ collection: 'stories', depth: 0, limit: 20, overrideAccess: true, select: { slug: true } })
    throw new Error(`No story "${ref}". Stories: ${all.docs.map((d) => d.slug).join(', ') || '(none)'}`)
  }
  return docs[0].id
}

async function outputs(payload: import('payload').Payload, ids: readonly string[]) {
  const { primaryPool } = await import('@/db/postgres')
  const { rows } = await primaryPool(payload).query<{ output: Record<string, unknown> | null }>(
    `SELECT l.output FROM payload_jobs_log l WHERE l._parent_id = ANY($1::uuid[]) AND l.state = 'succeeded'`,
    [[...ids]],
  )
  const s = { created: 0, updated: 0, unchanged: 0, skipped: 0, reused: 0, calls: 0, chars: 0, bytes: 0, seconds: 0 }
  for (const { output } of rows) {
    const o = (output ?? {}) as { status?: string; reused?: boolean; calls?: number; chars?: number; bytes?: number; durationSec?: number }
    if (o.status === 'created' || o.status === 'updated' || o.status === 'unchanged' || o.status === 'skipped') s[o.status]++
    if (o.reused) s.reused++
    s.calls += o.calls ?? 0
    s.chars += o.chars ?? 0
    if (!o.reused) s.bytes += o.bytes ?? 0
    if (!o.reused) s.seconds += o.durationSec ?? 0
  }
  return s
}
