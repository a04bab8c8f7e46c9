import type { Payload, TaskConfig } from 'payload'

import { primaryPool } from '@/db/postgres'
import { withTransaction } from '@/db/transaction'
import { recompileStoryBundles } from '@/services/storyBundles'

export const REFRESH_STORY_AUDIO_BUNDLES = 'refreshStoryAudioBundles'

/** How long a refresh waits for more audio of the same story before recompiling once. */
const COALESCE_MS = 2_000

/**
 * Bundles carry audio URLs, so new audio means recompiling the story's bundles. Generating a story
 * writes one row per (node, locale): instead of recompiling after each (hundreds of times), every
 * write asks for a refresh, and one pending refresh per story serves all the writes before it runs.
 * A save while object storage is down asks for one too (its bundles are published, or retracted,
 * by the refresh once the bucket is back).
 */
export async function requestBundleRefresh(payload: Payload, storyId: string): Promise<void> {
  const { rows } = await primaryPool(payload).query(
    `SELECT 1 FROM payload_jobs
      WHERE task_slug = $1 AND input->>'story' = $2 AND completed_at IS NULL
        AND has_error IS NOT TRUE AND processing IS NOT TRUE
      LIMIT 1`,
    [REFRESH_STORY_AUDIO_BUNDLES, storyId],
  )
  if (rows.length) return
  await payload.jobs.queue({ task: REFRESH_STORY_AUDIO_BUNDLES, input: { story: storyId }, waitUntil: new Date(Date.now() + COALESCE_MS) })
}

export const refreshStoryAudioBundlesTask: TaskConfig<{ input: { story: string }; output: object }> = {
  slug: REFRESH_STORY_AUDIO_BUNDLES,
  label: 'Recompile story bundles after new audio',
  // Also what publishes bundles a save could not (the bucket was down): retried for about an hour
  // (5 s, 10 s, 20 s, ... doubling, 10 times) before it gives up until the next edit.
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 5_000 } },
  inputSchema: [{ name: 'story', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    await withTransaction(req.payload, (txReq) => recompileStoryBundles(txReq, input.story), { requireBucket: true })
    return { output: {} }
  },
}
