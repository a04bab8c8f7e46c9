import type { AfterErrorHook } from 'payload'

import { STORAGE_RETRY_AFTER_SEC, STORAGE_UNAVAILABLE_MESSAGE, isStorageUnavailable } from '@/domain/http/storageUnavailable'
import { answer503 } from '@/hooks/answer503'

/**
 * Payload's REST and GraphQL answer 503 with Retry-After (not 500, and not "database") when object
 * storage cannot be reached, e.g. a media upload while the bucket is down; the upload's row is
 * not kept (its transaction rolls back). Saves of story text do not need the bucket (bundles are
 * published after, see src/services/storyBundles.ts).
 */
export const storageUnavailableAs503: AfterErrorHook = (args) => {
  if (!isStorageUnavailable(args.error)) return
  args.req?.payload?.logger.warn({ msg: `object storage unreachable: ${args.error.message}` })
  return answer503(args, STORAGE_UNAVAILABLE_MESSAGE, STORAGE_RETRY_AFTER_SEC)
}
