import { errorChain } from '@/domain/http/errorChain'

/**
 * Errors that mean "the database cannot be reached right now" (stopped, restarting, failing over,
 * the pool out of connections past its wait), not "this request is wrong": the answer is 503 with
 * Retry-After, so apps retry later instead of treating it as a bug.
 */
const SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '53300', // too_many_connections
])
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /Cannot use a pool after calling end on the pool/i,
]

/** Seconds an app should wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SEC = 5

/** What the 503 says. */
export const DATABASE_UNAVAILABLE_MESSAGE = `The database cannot be reached right now. Retry in ${DATABASE_RETRY_AFTER_SEC} s.`

/** True when `err` (or an error in its chain, see errorChain: a driver error wrapped by drizzle, a GraphQL error's original) is one of those. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of errorChain(err)) {
    // The object storage client's errors (they carry `$metadata`) are not the database's.
    if ('$metadata' in e) return false
    const { code, message } = e as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && (SQLSTATES.has(code) || NODE_CODES.has(code))) return true
    if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true
    // AggregateError (e.g. ECONNREFUSED on both ::1 and 127.0.0.1)
    const errors = (e as { errors?: unknown }).errors
    if (Array.isArray(errors) && errors.some((x) => isDatabaseUnavailable(x))) return true
  }
  return false
}
