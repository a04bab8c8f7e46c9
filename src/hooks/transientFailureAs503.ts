import type { AfterErrorHook } from 'payload'

import { transientFailureOf } from '@/domain/http/transientFailure'

/**
 * Payload's REST and GraphQL answer 503 (not 500) for a moment's failure: the bucket or the
 * database cannot be reached (a media upload while the bucket is down keeps no row: its
 * transaction rolls back), or Postgres stopped the request's transaction because another one was
 * changing the same rows (a deadlock's victim, a serialization failure, a lock wait past its
 * limit; rolled back, so none of its rows were saved). REST: status 503, `{ errors: [{ message }] }`
 * and `Retry-After`. GraphQL answers HTTP 200 with the error in the body (graphql-http), and
 * Payload's GraphQL handler ignores `status`: there the error's `extensions.statusCode` (503),
 * `retryAfter` and message change, which is what GraphQL clients read.
 */
export const transientFailureAs503: AfterErrorHook = ({ error, req, graphqlResult }) => {
  const failure = transientFailureOf(error)
  if (!failure) return
  req?.payload?.logger.warn({ msg: `${failure.what}: ${error.message}` })
  if (graphqlResult) {
    const extensions = (graphqlResult as { extensions?: Record<string, unknown> }).extensions ?? {}
    return { graphqlResult: { ...graphqlResult, message: failure.message, extensions: { ...extensions, statusCode: 503, retryAfter: failure.retryAfterSec } } }
  }
  if (req) {
    const headers = new Headers(req.responseHeaders)
    headers.set('retry-after', String(failure.retryAfterSec))
    req.responseHeaders = headers
  }
  return { status: 503, response: { errors: [{ message: failure.message }] } }
}
