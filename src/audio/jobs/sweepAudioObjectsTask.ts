import type { TaskConfig } from 'payload'

import { audioStore } from '@/storage/objectStore'
import { sweepAudioObjects } from '@/audio/jobs/audioObjects'
import { sweepBundles } from '@/services/bundleSweep'

export const SWEEP_AUDIO_OBJECTS = 'sweepAudioObjects'

type Input = { keys?: string[] | null }
type Output = { checked: number; deleted: number; prunedJobs: number }

/**
 * Deletes audio objects no row references: the given keys (queued by deletes, in their
 * transaction) or, without keys, every object under `audio/` (run by workers when idle, hourly),
 * together with bundle versions past their grace period that nothing points at.
 */
export const sweepAudioObjectsTask: TaskConfig<{ input: Input; output: Output }> = {
  slug: SWEEP_AUDIO_OBJECTS,
  label: 'Delete orphan audio objects',
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [{ name: 'keys', type: 'json' }],
  outputSchema: [
    { name: 'checked', type: 'number', required: true },
    { name: 'deleted', type: 'number', required: true },
    { name: 'prunedJobs', type: 'number', required: true },
  ],
  handler: async ({ input, req }) => {
    const keys = Array.isArray(input?.keys) ? input.keys.filter((k): k is string => typeof k === 'string') : undefined
    const result = await sweepAudioObjects(req.payload, audioStore(), { keys })
    // The periodic full sweep also retires bundle versions no story-translations row points at.
    if (!keys) await sweepBundles(req.payload)
    return { output: { checked: result.checked, deleted: result.deleted.length, prunedJobs: result.prunedJobs } }
  },
}
