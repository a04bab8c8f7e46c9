import type { AfterErrorHook } from 'payload'

import { DATABASE_RETRY_AFTER_SEC, isDatabaseUnavailable } from '@/domain/http/databaseUnavailable'

/**
 * Payload's REST and GraphQL answer 503 (not 500) while the database cannot be reached: a restart
 * or failover is a moment to retry, not a bug. The app server adds `Retry-After` to every 503.
 */
export const databaseUnavailableAs503: AfterErrorHook = ({ error, req }) => {
  if (!isDatabaseUnavailable(error)) return
  req?.payload?.logger.warn({ msg: `database unreachable: ${error.message}` })
  return { status: 503, response: { errors: [{ message: `The database cannot be reached right now. Retry in ${DATABASE_RETRY_AFTER_SEC} s.` }] } }
}
