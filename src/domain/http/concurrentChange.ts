import { errorChain } from '@/domain/http/errorChain'

/**
 * Errors that mean "another transaction was changing the same rows at the same moment and this
 * one was stopped" (Postgres picked it as a deadlock's victim, a serialization failure, or a lock
 * wait that ran past its limit): its transaction was rolled back, so none of its rows were saved, and the same request a moment
 * later will normally succeed. The answer is 503 with a short Retry-After, not a 500: it is not a
 * bug in the request or in the server.
 */
const SQLSTATES = new Set([
  '40P01', // deadlock_detected
  '40001', // serialization_failure
  '55P03', // lock_not_available (lock_timeout)
])

/** Seconds a client should wait before sending the same change again. */
export const CONCURRENT_CHANGE_RETRY_AFTER_SEC = 1

export const CONCURRENT_CHANGE_MESSAGE = `Another change to the same content was being saved at the same moment, so this one was not saved: send it again (retry in ${CONCURRENT_CHANGE_RETRY_AFTER_SEC} s).`

/** True when `err` (or an error in its chain: `cause`, e.g. a driver error wrapped by drizzle, or a GraphQL error's `originalError`) is one of those. */
export function isConcurrentChangeConflict(err: unknown): boolean {
  for (const e of errorChain(err)) {
    const { code } = e as { code?: unknown }
    if (typeof code === 'string' && SQLSTATES.has(code)) return true
  }
  return false
}
