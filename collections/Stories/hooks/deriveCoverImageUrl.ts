import type { CollectionBeforeChangeHook } from 'payload'

import { mediaUrl } from '@/services/mediaUrl'

/** Keeps the spec's `cover_image` URL column in step with the uploaded cover. */
export const deriveCoverImageUrl: CollectionBeforeChangeHook = async ({ data, req }) => {
  if (data && 'cover' in data) data.coverImage = await mediaUrl(req, data.cover)
  return data
}
