/**
 * Helper process for tests/faults/poolExhaustion: queues the audio of two story fixtures and runs
 * the jobs worker until they are done, with the pool size and concurrency of its environment
 * (DATABASE_POOL_MAX, AUDIO_CONCURRENCY). Prints `WORKER {json}`.
 */
import { createProvider } from '@/audio/providers/createProvider'
import { enqueueStoryAudio } from '@/audio/jobs/storyAudio'
import { audioConcurrency, runWorker } from '@/audio/jobs/worker'
import { primaryPool } from '@/db/postgres'
import { settings } from '@/settings'

import { createStory } from './fixtures'
import { testPayload } from './payload'

const payload = await testPayload()
const stories = [await createStory(payload), await createStory(payload), await createStory(payload)]
const provider = createProvider()
const ids: string[] = []
for (const s of stories) ids.push(...(await enqueueStoryAudio(payload, s.storyId, { provider, locales: ['en', 'hi'] })).jobIds)
const t0 = Date.now()
const { ran } = await runWorker(payload, { untilIdle: true, concurrency: audioConcurrency(), ids, pollMs: 20 })
const { rows } = await primaryPool(payload).query<{ done: string; failed: string }>(
  `SELECT count(*) FILTER (WHERE completed_at IS NOT NULL AND has_error IS NOT TRUE) AS done, count(*) FILTER (WHERE has_error) AS failed FROM payload_jobs WHERE id = ANY($1::text[]::uuid[])`,
  [ids],
)
const result = { jobs: ids.length, ran, done: Number(rows[0]!.done), failed: Number(rows[0]!.failed), ms: Date.now() - t0, poolMax: settings().database.poolMax, concurrency: audioConcurrency() }
for (const s of stories) await s.cleanup()
console.log(`WORKER ${JSON.stringify(result)}`)
process.exit(0)
