import type { CollectionAfterDeleteHook } from 'payload'

import { notifyBundlesChanged } from '@/services/bundleCache'
import { retractPublishedBundles } from '@/services/storyBundles'

/**
 * Deleting a story removes its bundle rows by cascade (no hooks run there): every process's
 * cache is told (inside the transaction, so at commit) and the published bundle objects are
 * removed from the bucket at once.
 */
export const retractBundlesAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const slug = (doc as { slug?: string }).slug
  if (!slug) return doc
  await notifyBundlesChanged(req, slug)
  await retractPublishedBundles(slug)
  return doc
}
