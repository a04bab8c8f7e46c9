import type { PayloadRequest } from 'payload'

import { syncStoryTranslations } from '@/services/syncStoryTranslations'

/**
 * Recompiles every locale's bundle of a story (story-translations rows) after anything it contains
 * changed: the story, a character, a node, a choice or an audio file. Call it from afterChange /
 * afterDelete hooks with the same `req` (same transaction).
 */
export async function recompileStoryBundles(req: PayloadRequest, storyId: string): Promise<void> {
  if (req.context?.skipBundleCompile) return
  await syncStoryTranslations(req, storyId)
}
