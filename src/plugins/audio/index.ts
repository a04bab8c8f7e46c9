import type { Field, Plugin } from 'payload'

import { AudioFiles } from '@collections/AudioFiles'
import { Pronunciations } from '@collections/Pronunciations'
import { hasRole } from '@/access/roles'
import { autoVoiceStoryTask } from '@/audio/jobs/autoVoiceTask'
import { generateAudioTask } from '@/audio/jobs/generateAudioTask'
import { refreshStoryAudioBundlesTask } from '@/audio/jobs/refreshStoryAudioBundlesTask'
import { sweepAudioObjectsTask } from '@/audio/jobs/sweepAudioObjectsTask'
import { generateStoryAudioEndpoint, storyAudioStatusEndpoint } from '@/endpoints/audioStory'
import { afterLexiconChange, autoVoiceAfterChange, withDeleteRelease, withHooks } from '@/plugins/audio/hooks'
import { serverWorkerEnabled, startServerWorker } from '@/plugins/audio/serverWorker'
import type { StoryContentCollections } from '@/plugins/stories'

/** The per-locale audio status table and "Generate audio" button in the story edit view. */
const storyAudioField: Field = {
  name: 'audioPanel',
  type: 'ui',
  admin: {
    components: { Field: '@/components/audio/StoryAudioPanel#StoryAudioPanel' },
  },
}

/** The voice cast table (characters x languages) in the story edit view. */
const voiceCastField: Field = {
  name: 'voiceCastPanel',
  type: 'ui',
  admin: {
    components: { Field: '@/components/audio/VoiceCastField#VoiceCastField' },
  },
}

const editorsOnly = ({ req }: { req: Parameters<typeof hasRole>[0] }) => hasRole(req, 'admin', 'editor')

/**
 * Voices: the audio files and pronunciation lexicon collections, narration audio generation as
 * Payload jobs (generateAudio, sweepAudioObjects, refreshStoryAudioBundles, autoVoiceStory), the
 * story audio endpoints and admin panels on the `voiced` collections, and cleanup of audio objects
 * when nodes, choices or stories are deleted (audio rows reference all of them but characters;
 * hooks.ts). The in-server worker is serverWorker.ts. The jobs table comes from a committed migration.
 */
export const audioPlugin = (voiced: StoryContentCollections): Plugin => (config) => ({
  ...config,
  admin: {
    ...config.admin,
    components: {
      ...config.admin?.components,
      views: {
        ...config.admin?.components?.views,
        // Per-line review: listen, approve or reject each voiced line of a story in one language.
        audioReview: { Component: '@/components/audio/AudioReviewView#AudioReviewView', path: '/audio-review/:storyId/:locale' },
      },
    },
  },
  jobs: {
    ...config.jobs,
    tasks: [...(config.jobs?.tasks ?? []), generateAudioTask, sweepAudioObjectsTask, refreshStoryAudioBundlesTask, autoVoiceStoryTask],
    // Completed jobs stay (their output says what was voiced, reused or skipped, for the CLI and
    // benchmark); the sweep prunes them after AUDIO_JOB_RETENTION_DAYS.
    deleteJobOnComplete: false,
    access: { run: editorsOnly, queue: editorsOnly, cancel: editorsOnly, ...config.jobs?.access },
    // Payload calls autoRun only where crons are wanted (the Next server, `getPayload({ cron: true })`).
    // No cron configs: Payload's own runner can hand one job to two workers (see src/audio/jobs/worker.ts),
    // so the server runs this project's claiming worker instead.
    autoRun: async (payload) => {
      if (serverWorkerEnabled()) startServerWorker(payload)
      return []
    },
  },
  collections: [
    ...(config.collections ?? []).map((collection) => {
      if (collection.slug === voiced.stories) {
        const withHooks = withDeleteRelease(collection, 'story_id')
        return {
          ...withHooks,
          fields: [...withHooks.fields, voiceCastField, storyAudioField],
          endpoints: [...(Array.isArray(withHooks.endpoints) ? withHooks.endpoints : []), generateStoryAudioEndpoint, storyAudioStatusEndpoint],
        }
      }
      if (collection.slug === voiced.nodes) return withHooks(withDeleteRelease(collection, 'node_id'), { change: autoVoiceAfterChange })
      if (collection.slug === voiced.characters) return withHooks(collection, { change: autoVoiceAfterChange })
      // Spoken choices: an option's text is voiced too (its audio rows cascade with the choice).
      if (collection.slug === voiced.choices) return withHooks(withDeleteRelease(collection, 'choice_id'), { change: autoVoiceAfterChange })
      return collection
    }),
    AudioFiles,
    withHooks(Pronunciations, {
      change: async ({ doc, previousDoc, req }) => (await afterLexiconChange({ req, terms: [doc?.term, previousDoc?.term] }), doc),
      delete: async ({ doc, req }) => (await afterLexiconChange({ req, terms: [doc?.term] }), doc),
    }),
  ],
})
