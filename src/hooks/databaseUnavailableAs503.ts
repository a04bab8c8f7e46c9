import type { AfterErrorHook } from 'payload'

import { DATABASE_RETRY_AFTER_SEC, isDatabaseUnavailable } from '@/domain/http/databaseUnavailable'
import { answer503 } from '@/hooks/answer503'

/**
 * Payload's REST and GraphQL answer 503 (not 500) while the database cannot be reached: a restart
 * or failover is a moment to retry, not a bug (GraphQL: the error's `extensions.statusCode`).
 */
export const databaseUnavailableAs503: AfterErrorHook = (args) => {
  if (!isDatabaseUnavailable(args.error)) return
  args.req?.payload?.logger.warn({ msg: `database unreachable: ${args.error.message}` })
  return answer503(args, `The database cannot be reached right now. Retry in ${DATABASE_RETRY_AFTER_SEC} s.`, DATABASE_RETRY_AFTER_SEC)
}
