import { CONCURRENT_CHANGE_MESSAGE, CONCURRENT_CHANGE_RETRY_AFTER_SEC, isConcurrentChangeConflict } from '@/domain/http/concurrentChange'
import { DATABASE_RETRY_AFTER_SEC, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/domain/http/databaseUnavailable'
import { isStorageUnavailable, STORAGE_RETRY_AFTER_SEC, STORAGE_UNAVAILABLE_MESSAGE } from '@/domain/http/storageUnavailable'

/** A failure that is a moment's, not the request's or a bug: the answer is 503 with Retry-After. */
export type TransientFailure = {
  /** What happened, for the log line. */
  what: string
  /** What the 503 says. */
  message: string
  retryAfterSec: number
}

const KINDS: readonly (TransientFailure & { matches: (err: unknown) => boolean })[] = [
  { matches: isStorageUnavailable, what: 'object storage cannot be reached', message: STORAGE_UNAVAILABLE_MESSAGE, retryAfterSec: STORAGE_RETRY_AFTER_SEC },
  { matches: isDatabaseUnavailable, what: 'the database cannot be reached', message: DATABASE_UNAVAILABLE_MESSAGE, retryAfterSec: DATABASE_RETRY_AFTER_SEC },
  { matches: isConcurrentChangeConflict, what: 'a concurrent change stopped it', message: CONCURRENT_CHANGE_MESSAGE, retryAfterSec: CONCURRENT_CHANGE_RETRY_AFTER_SEC },
]

/**
 * Which transient failure `err` is (the bucket away, the database away, a concurrent change), or
 * undefined for any other error. The one list Payload's afterError hook and our endpoints'
 * `serverError` both answer from.
 */
export function transientFailureOf(err: unknown): TransientFailure | undefined {
  const kind = KINDS.find((k) => k.matches(err))
  return kind && { what: kind.what, message: kind.message, retryAfterSec: kind.retryAfterSec }
}
