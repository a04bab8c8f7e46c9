import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { primaryPool } from '@/db/postgres'
import { enqueueStoryAudio } from '@/audio/jobs/storyAudio'
import { audioProvider } from '@/audio/providers/audioProvider'
import type { TtsProvider } from '@/audio/providers/types'
import { settings } from '@/settings'

export const AUTO_VOICE_STORY = 'autoVoiceStory'

/**
 * AUTO_VOICE: regenerate audio by itself after text, speaker or lexicon edits. `on`/`off`; unset
 * means on for the offline local provider (free) and off for paid ones (Sarvam bills each line).
 */
export function autoVoiceEnabled(provider: Pick<TtsProvider, 'name'> = audioProvider()): boolean {
  return settings().audio.autoVoice ?? provider.name === 'local'
}

/** Quiet time after the last edit of a story before its audio is regenerated (AUTO_VOICE_DEBOUNCE_MS, default 5 s). */
export function autoVoiceDebounceMs(): number {
  return settings().audio.autoVoiceDebounceMs
}

/**
 * Debounced: one pending autoVoiceStory job per story. Each edit pushes that job's start to
 * `debounce` after now, so a burst of edits (typing, an import, a seed) voices the story once,
 * after the burst. Runs in the edit's transaction when given its `req` (nothing is queued for an
 * edit that rolls back).
 */
export async function requestAutoVoice(payload: Payload, storyId: string, req?: PayloadRequest): Promise<void> {
  if (!autoVoiceEnabled()) return
  // Many edits in one transaction (an import, a bulk update) ask once: the job queued in it is not
  // yet visible to the query below.
  if (req) {
    const asked = (req.context.autoVoiceRequested ??= new Set<string>()) as Set<string>
    if (asked.has(storyId)) return
    asked.add(storyId)
  }
  const waitUntil = new Date(Date.now() + autoVoiceDebounceMs())
  const { rows } = await primaryPool(payload).query<{ id: string }>(
    `UPDATE payload_jobs SET wait_until = $3, updated_at = now()
      WHERE task_slug = $1 AND input->>'story' = $2 AND completed_at IS NULL
        AND has_error IS NOT TRUE AND processing IS NOT TRUE
      RETURNING id`,
    [AUTO_VOICE_STORY, storyId, waitUntil],
  )
  if (rows.length) return
  await payload.jobs.queue({ task: AUTO_VOICE_STORY, input: { story: storyId }, waitUntil, ...(req ? { req } : {}) })
}

export const autoVoiceStoryTask: TaskConfig<{ input: { story: string }; output: { enqueued: number } }> = {
  slug: AUTO_VOICE_STORY,
  label: 'Regenerate a story\'s outdated audio (AUTO_VOICE)',
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 } },
  inputSchema: [{ name: 'story', type: 'text', required: true }],
  outputSchema: [{ name: 'enqueued', type: 'number', required: true }],
  handler: async ({ input, req }) => {
    const exists = await req.payload.findByID({ collection: 'stories', id: input.story, depth: 0, joins: false, overrideAccess: true, disableErrors: true, select: { slug: true } })
    if (!exists) return { output: { enqueued: 0 } }
    const result = await enqueueStoryAudio(req.payload, input.story, { provider: audioProvider() })
    return { output: { enqueued: result.enqueued } }
  },
}
