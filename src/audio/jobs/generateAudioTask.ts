import type { TaskConfig } from 'payload'

import { JobCancelledError } from 'payload'

import { audioStore } from '@/storage/objectStore'
import { TtsError } from '@/domain/audio/ttsError'
import { generateAudio, type GenerateAudioInput, type GenerateAudioOutput } from '@/audio/jobs/generateAudio'
import { audioProvider } from '@/audio/providers/audioProvider'
import { requestBundleRefresh } from '@/audio/jobs/refreshStoryAudioBundlesTask'
import { settings } from '@/settings'

export const GENERATE_AUDIO = 'generateAudio'

/** Retries for failures outside TTS (storage, database): Payload re-runs the task with backoff. */
function infraRetries(): number {
  return settings().audio.jobRetries
}

/**
 * One job per (node, locale, voice variant): see generateAudio. A TTS failure that would fail (and
 * bill) the same way again (empty text, a language or speaker the provider lacks, text over
 * limits, malformed audio, a request the provider rejects) ends the job at once with the
 * provider's message on `job.error.message`. A provider that is down, slow or rate-limiting past
 * its own retries (`REQUEST_FAILED`: 5xx, timeouts, network errors, 429s), and other failures
 * (storage, database), are retried by Payload with exponential backoff (5 s, 10 s, 20 s, ...;
 * AUDIO_JOB_RETRIES times), each failed attempt's error in the job's log; a 429 whose Retry-After
 * was too long to wait for in the call is retried no sooner than that.
 */
export const generateAudioTask: TaskConfig<{ input: GenerateAudioInput; output: GenerateAudioOutput }> = {
  slug: GENERATE_AUDIO,
  label: 'Generate audio',
  retries: { attempts: infraRetries(), backoff: { type: 'exponential', delay: 5_000 } },
  inputSchema: [
    { name: 'node', type: 'text', required: true },
    { name: 'choice', type: 'text' },
    { name: 'locale', type: 'text', required: true },
    { name: 'speaker', type: 'text' },
    { name: 'story', type: 'text' },
    { name: 'retakeOf', type: 'text' },
    { name: 'pace', type: 'number' },
  ],
  outputSchema: [
    { name: 'status', type: 'text', required: true },
    { name: 'reason', type: 'text' },
    { name: 'audioFile', type: 'text' },
    { name: 'contentKey', type: 'text' },
    { name: 'objectKey', type: 'text' },
    { name: 'calls', type: 'number', required: true },
    { name: 'chars', type: 'number', required: true },
    { name: 'bytes', type: 'number', required: true },
    { name: 'durationSec', type: 'number', required: true },
    { name: 'reused', type: 'checkbox', required: true },
    { name: 'deletedObjects', type: 'number', required: true },
  ],
  handler: async ({ input, job, req }) => {
    let output: GenerateAudioOutput
    try {
      output = await generateAudio(req.payload, input, { provider: audioProvider(), store: audioStore() })
    } catch (error) {
      if (error instanceof TtsError) {
        req.payload.logger.error({ msg: `generateAudio node ${input.node} (${input.locale}) failed: ${error.message}`, code: error.code })
        // The provider is away for now and a later attempt may succeed. No audio arrived, so there is
        // nothing to keep (a timed-out request may still have been billed: the price of a retry).
        if (error.code === 'REQUEST_FAILED') {
          // Rate-limited for longer than the provider call waits (a quota): not before its Retry-After
          // (Payload keeps the later of this and its own backoff).
          if (error.retryAfterMs !== undefined) job.waitUntil = new Date(Date.now() + error.retryAfterMs).toISOString()
          throw new Error(`${error.code}: ${error.message}`, { cause: error })
        }
        throw new JobCancelledError(`${error.code}: ${error.message}`)
      }
      throw error
    }
    if ((output.status === 'created' || output.status === 'updated') && input.story) await requestBundleRefresh(req.payload, input.story)
    return { output }
  },
}
