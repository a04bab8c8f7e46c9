import type { CollectionAfterChangeHook } from 'payload'

import { syncStoryTranslations } from '@/services/syncStoryTranslations'

/** Re-derives the story's story-translations rows after any change to the story itself. */
export const syncTranslationsAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (!req.context?.skipTranslationSync) await syncStoryTranslations(req, doc.id)
  return doc
}
