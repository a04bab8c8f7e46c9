import type { Payload } from 'payload'

import { autoVoiceEnabled, requestAutoVoice } from '@/audio/jobs/autoVoiceTask'
import { requestBundleRefresh } from '@/audio/jobs/refreshStoryAudioBundlesTask'
import { audioProvider } from '@/audio/providers/audioProvider'
import { primaryPool } from '@/db/postgres'
import { voicesFingerprint } from '@/domain/audio/voices'
import { settings } from '@/settings'

/**
 * A worker starting with other voices than the bundles were compiled for (TTS_PROVIDER,
 * SARVAM_MODEL, AUDIO_NARRATOR_SPEAKER changed) would leave bundles naming the old speakers and
 * carrying audio whose content key no longer matches. Queues a bundle refresh for each such story
 * (one pending per story, so workers starting together queue it once) and, with AUTO_VOICE, its
 * voicing in the new voices. Called where jobs run: the in-server worker and `npm run jobs`.
 */
export async function refreshBundlesForVoices(payload: Payload): Promise<{ voices: string; stories: string[]; autoVoice: boolean }> {
  const voices = voicesFingerprint(audioProvider(), settings().audio.narratorSpeaker)
  const { rows } = await primaryPool(payload).query<{ id: string; was: string | null }>(
    `SELECT story_id::text AS id, min(voices) AS was FROM story_translations
      WHERE voices IS DISTINCT FROM $1 GROUP BY story_id ORDER BY story_id`,
    [voices],
  )
  const autoVoice = autoVoiceEnabled()
  for (const { id } of rows) {
    await requestBundleRefresh(payload, id)
    if (autoVoice) await requestAutoVoice(payload, id)
  }
  if (rows.length) {
    const was = [...new Set(rows.map((r) => r.was ?? 'not recorded'))].join('; ')
    payload.logger.info(
      `Voices are now "${voices}" (bundles compiled for: ${was}): recompiling the bundles of ${rows.length} stories` +
        (autoVoice ? ' and voicing their lines again (AUTO_VOICE)' : '; their lines need audio in these voices (npm run audio, or AUTO_VOICE=on)'),
    )
  }
  return { voices, stories: rows.map((r) => r.id), autoVoice }
}
