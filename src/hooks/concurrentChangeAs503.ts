import type { AfterErrorHook } from 'payload'

import { CONCURRENT_CHANGE_MESSAGE, CONCURRENT_CHANGE_RETRY_AFTER_SEC, isConcurrentChangeConflict } from '@/domain/http/concurrentChange'
import { answer503 } from '@/hooks/answer503'

/**
 * Payload's REST (503 with `Retry-After: 1`) and GraphQL (`extensions.statusCode` 503) answer a
 * request whose transaction Postgres stopped because another one was changing the same rows (a
 * deadlock's victim, a serialization failure, a lock wait past its limit) as "send it again", not
 * as a 500. The transaction was rolled back: none of the request's rows were saved.
 */
export const concurrentChangeAs503: AfterErrorHook = (args) => {
  if (!isConcurrentChangeConflict(args.error)) return
  args.req?.payload?.logger.warn({ msg: `concurrent change: ${args.error.message}` })
  return answer503(args, CONCURRENT_CHANGE_MESSAGE, CONCURRENT_CHANGE_RETRY_AFTER_SEC)
}
