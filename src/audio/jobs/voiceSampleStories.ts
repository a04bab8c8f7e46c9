import type { Payload } from 'payload'

import { autoVoiceEnabled } from '@/audio/jobs/autoVoiceTask'
import { enqueueStoriesAudio } from '@/audio/jobs/storyAudio'
import { audioProvider } from '@/audio/providers/audioProvider'
import { SLUGS } from '@/slugs'

/**
 * Right after the sample stories are seeded: queue their audio in every language so the server's
 * worker voices them in the background (offline with the local provider; with Sarvam only when
 * AUTO_VOICE is on, since every line is billed). Lines are voiced locale by locale, stories in the
 * order they were seeded: every story's default-locale lines first, so the bundles a new user opens
 * first carry audio soonest. Returns the lines queued.
 */
export async function voiceSampleStories(payload: Payload, log: (msg: string) => void = console.log): Promise<number> {
  const provider = audioProvider()
  if (provider.name !== 'local' && !autoVoiceEnabled(provider)) {
    log(`sample stories not voiced: the ${provider.name} provider bills every line and AUTO_VOICE is off (npm run audio -- --story <slug> voices one)`)
    return 0
  }
  const { docs } = await payload.find({ collection: SLUGS.stories, depth: 0, limit: 0, pagination: false, overrideAccess: true, select: { slug: true }, sort: 'createdAt' })
  const lines = (await enqueueStoriesAudio(payload, docs.map((d) => d.id), { provider })).length
  if (lines) log(`voicing ${lines} lines of ${docs.length} sample stories in the background (${provider.name}, ${provider.model}), English first; the server logs "Audio ready" when done`)
  return lines
}
