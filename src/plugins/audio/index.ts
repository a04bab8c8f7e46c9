import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeDeleteHook, CollectionConfig, Field, Payload, PayloadRequest, Plugin } from 'payload'

import { AudioFiles } from '@collections/AudioFiles'
import { Pronunciations } from '@collections/Pronunciations'
import { hasRole } from '@/access/roles'
import { audioObjectKeysOf } from '@/audio/jobs/audioObjects'
import { autoVoiceStoryTask, requestAutoVoice } from '@/audio/jobs/autoVoiceTask'
import { generateAudioTask } from '@/audio/jobs/generateAudioTask'
import { refreshStoryAudioBundlesTask } from '@/audio/jobs/refreshStoryAudioBundlesTask'
import { SWEEP_AUDIO_OBJECTS, sweepAudioObjectsTask } from '@/audio/jobs/sweepAudioObjectsTask'
import { onShutdown } from '@/lifecycle/shutdown'
import { audioConcurrency, runWorker } from '@/audio/jobs/worker'
import { storiesMentioning } from '@/audio/lexicon'
import { idOf } from '@/db/idOf'
import type { StoryContentCollections } from '@/plugins/stories'
import { primaryPool } from '@/db/postgres'
import { generateStoryAudioEndpoint, storyAudioStatusEndpoint } from '@/endpoints/audioStory'
import { changeOf } from '@/hooks/recompileStoryBundles'
import { recompileStoryBundles } from '@/services/storyBundles'
import { settings } from '@/settings'

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
    components: { Field: '@/components/audio/VoiceCastPanel#VoiceCastPanel' },
  },
}

/**
 * Deleting a node or story removes its audio rows by ON DELETE CASCADE, which runs no Payload hook:
 * note the objects they reference before the delete, and queue a sweep of exactly those in the
 * delete's transaction (it runs only if the delete commits, and keeps objects other rows share).
 */
function releaseAudioOnDelete(column: 'node_id' | 'story_id' | 'choice_id'): { before: CollectionBeforeDeleteHook; after: CollectionAfterDeleteHook } {
  const slot = (id: string | number) => `audioKeys:${column}:${id}`
  return {
    before: async ({ id, req }) => {
      const keys = await audioObjectKeysOf(req, column, String(id))
      if (keys.length) req.context[slot(id)] = keys
    },
    after: async ({ id, doc, req }) => {
      const keys = req.context[slot(id)] as string[] | undefined
      if (keys?.length) await req.payload.jobs.queue({ task: SWEEP_AUDIO_OBJECTS, input: { keys }, req })
      return doc
    },
  }
}

function withDeleteRelease(collection: CollectionConfig, column: 'node_id' | 'story_id' | 'choice_id'): CollectionConfig {
  const { before, after } = releaseAudioOnDelete(column)
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeDelete: [...(collection.hooks?.beforeDelete ?? []), before],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), after],
    },
  }
}

/**
 * Where jobs run. `AUDIO_WORKER=server` runs the worker inside the Next server: the default under
 * `next dev` (NODE_ENV=development) and on the zero-install embedded database (`npm start` without
 * DATABASE_URL), so a fresh start voices stories without a second process; `off` (the default
 * otherwise: production against a real database, tests) leaves the queue to `npm run jobs`.
 */
function serverWorkerEnabled(): boolean {
  return settings().audio.worker === 'server'
}

const WORKER = Symbol.for('bhasha-kahani.audioServerWorker')

async function pendingLines(payload: Payload): Promise<number> {
  const { rows } = await primaryPool(payload).query<{ n: string }>(
    `SELECT count(*) AS n FROM payload_jobs WHERE task_slug = 'generateAudio' AND completed_at IS NULL AND has_error IS NOT TRUE`,
  )
  return Number(rows[0]?.n ?? 0)
}

/**
 * Starts one worker per process (Next's dev server re-initialises Payload on every config change).
 * Says when it starts voicing queued lines and when they are all done ("Audio ready").
 */
function startServerWorker(payload: Payload): void {
  const g = globalThis as { [WORKER]?: AbortController }
  if (g[WORKER]) return
  const controller = new AbortController()
  g[WORKER] = controller
  payload.logger.info(`Audio worker running in this server (pid ${process.pid}, AUDIO_CONCURRENCY=${audioConcurrency()})`)
  let started = 0
  let first = 0
  const report = async () => {
    const pending = await pendingLines(payload)
    if (!started && pending) {
      started = Date.now()
      first = pending
      payload.logger.info(`Voicing ${pending} lines in the background…`)
    } else if (started && pending === 0) {
      payload.logger.info(`Audio ready: every queued line is voiced (${first} when voicing began, ${((Date.now() - started) / 1000).toFixed(0)} s)`)
      started = 0
    }
  }
  void report().catch(() => undefined)
  const done = runWorker(payload, {
    signal: controller.signal,
    sweepEveryMs: 3600_000,
    onJobDone: () => {
      void report().catch((err: unknown) => payload.logger.error({ err, msg: 'audio progress report failed' }))
    },
  }).catch((error: unknown) => {
    payload.logger.error({ err: error, msg: 'The in-server audio worker stopped' })
    delete g[WORKER]
  })
  // SIGTERM: claim nothing new, let the running jobs finish (the server bounds the wait).
  onShutdown('in-server audio worker', async () => {
    controller.abort()
    await done
  })
}

type Ref = string | { id: string } | null | undefined

/**
 * AUTO_VOICE: an edit of a node's text or a character's voice asks for the story to be voiced again
 * (debounced). A change no bundle reads (a card dragged in the Studio: node metadata) changes no
 * line, so it asks for nothing.
 */
const autoVoiceAfterChange: CollectionAfterChangeHook = async ({ collection, data, doc, previousDoc, operation, req, context }) => {
  const story = idOf(doc.story as Ref)
  if (!story || context?.skipAutoVoice) return doc
  if (operation === 'update' && changeOf({ fields: collection.flattenedFields, data, doc, previousDoc, req, resaveIsText: false }).kind === 'none') return doc
  await requestAutoVoice(req.payload, story, req)
  return doc
}

/**
 * A pronunciation entry changes the content key of every line containing its term (its old term
 * too, when the term was edited): the stories with such a line get their bundles recompiled at
 * once (they drop that audio) and AUTO_VOICE regenerates exactly those lines (the plan finds them
 * by content key). Stories without the term are left alone.
 */
const afterLexiconChange = async ({ req, terms }: { req: PayloadRequest; terms: unknown[] }) => {
  const wanted = [...new Set(terms.filter((t): t is string => typeof t === 'string' && t.trim() !== ''))]
  for (const storyId of await storiesMentioning(req, wanted)) {
    await recompileStoryBundles(req, storyId)
    await requestAutoVoice(req.payload, storyId, req)
  }
}

function withHooks(collection: CollectionConfig, after: { change?: CollectionAfterChangeHook; delete?: CollectionAfterDeleteHook }): CollectionConfig {
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), ...(after.change ? [after.change] : [])],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), ...(after.delete ? [after.delete] : [])],
    },
  }
}

const editorsOnly = ({ req }: { req: Parameters<typeof hasRole>[0] }) => hasRole(req, 'admin', 'editor')

/**
 * Voices: the audio files and pronunciation lexicon collections, narration audio generation as
 * Payload jobs (generateAudio, sweepAudioObjects, refreshStoryAudioBundles, autoVoiceStory), the
 * story audio endpoints and admin panels on the `voiced` collections, and cleanup of audio objects
 * when nodes, choices or stories are deleted (audio rows reference all of them but characters). The jobs table comes from a committed migration.
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
