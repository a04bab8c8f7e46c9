import type { AfterErrorHook } from 'payload'

import { STORAGE_UNAVAILABLE_MESSAGE, isStorageUnavailable } from '@/domain/http/storageUnavailable'

/**
 * Payload's REST and GraphQL answer 503 with Retry-After (not 500, and not "database") when object
 * storage cannot be reached, e.g. a media upload while the bucket is down; the upload's row is
 * not kept (its transaction rolls back). Saves of story text do not need the bucket (bundles are
 * published after, see src/services/storyBundles.ts).
 */
export const storageUnavailableAs503: AfterErrorHook = ({ error, req }) => {
  if (!isStorageUnavailable(error)) return
  req?.payload?.logger.warn({ msg: `object storage unreachable: ${error.message}` })
  return {
    status: 503,
    response: { errors: [{ message: STORAGE_UNAVAILABLE_MESSAGE }] },
  }
}
