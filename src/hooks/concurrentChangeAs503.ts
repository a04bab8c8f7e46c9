import type { AfterErrorHook } from 'payload'

import { CONCURRENT_CHANGE_MESSAGE, CONCURRENT_CHANGE_RETRY_AFTER_SEC, isConcurrentChangeConflict } from '@/domain/http/concurrentChange'

/**
 * Payload's REST and GraphQL answer 503 with `Retry-After: 1` (not 500) when Postgres stopped the
 * request's transaction because another one was changing the same rows (a deadlock's victim, a
 * serialization failure, a lock wait past its limit). The transaction was rolled back: nothing of
 * the request was saved, and sending it again is the remedy.
 */
export const concurrentChangeAs503: AfterErrorHook = ({ error, req }) => {
  if (!isConcurrentChangeConflict(error)) return
  req?.payload?.logger.warn({ msg: `concurrent change: ${error.message}` })
  if (req) {
    const headers = new Headers(req.responseHeaders)
    headers.set('retry-after', String(CONCURRENT_CHANGE_RETRY_AFTER_SEC))
    req.responseHeaders = headers
  }
  return { status: 503, response: { errors: [{ message: CONCURRENT_CHANGE_MESSAGE }] } }
}
