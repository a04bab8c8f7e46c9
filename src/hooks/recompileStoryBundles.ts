import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { idOf } from '@/db/idOf'
import { recompileStoryBundles } from '@/services/storyBundles'

type Ref = string | { id: string } | null | undefined

/** The story a document belongs to (`story` field), or the document itself for stories. */
type StoryOf = (doc: Record<string, unknown>) => string | null
const storyField: StoryOf = (doc) => idOf(doc.story as Ref)

/** Recompiles the bundles of the story a changed document belongs to (and the one it left). */
export function recompileAfterChange(storyOf: StoryOf = storyField): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, req }) => {
    const now = storyOf(doc)
    const before = previousDoc ? storyOf(previousDoc) : null
    if (now) await recompileStoryBundles(req, now)
    if (before && before !== now) await recompileStoryBundles(req, before)
    return doc
  }
}

export function recompileAfterDelete(storyOf: StoryOf = storyField): CollectionAfterDeleteHook {
  return async ({ doc, req }) => {
    const story = storyOf(doc)
    if (story) await recompileStoryBundles(req, story)
    return doc
  }
}
