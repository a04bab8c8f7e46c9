import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeDeleteHook, CollectionConfig, PayloadRequest } from 'payload'

import { audioObjectKeysOf } from '@/audio/jobs/audioObjects'
import { requestAutoVoice } from '@/audio/jobs/autoVoiceTask'
import { SWEEP_AUDIO_OBJECTS } from '@/audio/jobs/sweepAudioObjectsTask'
import { storiesMentioning } from '@/audio/lexicon'
import { idOf } from '@/db/idOf'
import { changeOf, recompileCoalesced } from '@/hooks/recompileStoryBundles'

/* The hooks the audio feature adds to the collections it voices and to its pronunciation lexicon. */

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

export function withDeleteRelease(collection: CollectionConfig, column: 'node_id' | 'story_id' | 'choice_id'): CollectionConfig {
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

type Ref = string | { id: string } | null | undefined

/**
 * AUTO_VOICE: an edit of a node's text or a character's voice asks for the story to be voiced again
 * (debounced). A change no bundle reads (a card dragged in the Studio: node metadata) changes no
 * line, so it asks for nothing.
 */
export const autoVoiceAfterChange: CollectionAfterChangeHook = async ({ collection, data, doc, previousDoc, operation, req, context }) => {
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
export const afterLexiconChange = async ({ req, terms }: { req: PayloadRequest; terms: unknown[] }) => {
  const wanted = [...new Set(terms.filter((t): t is string => typeof t === 'string' && t.trim() !== ''))]
  for (const storyId of await storiesMentioning(req, wanted)) {
    // Coalesced: a bulk edit of entries runs this hook for all of them at once (see recompileCoalesced).
    await recompileCoalesced(req, storyId, { kind: 'structure' })
    await requestAutoVoice(req.payload, storyId, req)
  }
}

export function withHooks(collection: CollectionConfig, after: { change?: CollectionAfterChangeHook; delete?: CollectionAfterDeleteHook }): CollectionConfig {
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), ...(after.change ? [after.change] : [])],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), ...(after.delete ? [after.delete] : [])],
    },
  }
}
