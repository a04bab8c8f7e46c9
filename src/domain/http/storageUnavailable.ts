import { errorChain } from '@/domain/http/errorChain'

/**
 * Errors of the object storage client (the AWS SDK: its errors carry `$metadata`) that mean "the
 * bucket cannot be reached right now" (connection refused or reset, a timeout, a 5xx such as S3's
 * 503 SlowDown), not "this request is wrong": the answer is 503 with Retry-After.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED'])
const NETWORK_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException'])

/** Seconds an app (or editor) should wait before retrying while the bucket is away. */
export const STORAGE_RETRY_AFTER_SEC = 5

/** What the 503 says. */
export const STORAGE_UNAVAILABLE_MESSAGE = `Object storage (the bucket) cannot be reached right now. Retry in ${STORAGE_RETRY_AFTER_SEC} s.`

/** True when `err` (or an error in its chain, see errorChain) is the storage client failing to reach the bucket. */
export function isStorageUnavailable(err: unknown): boolean {
  for (const e of errorChain(err)) {
    const { $metadata, code, name } = e as { $metadata?: { httpStatusCode?: number }; code?: unknown; name?: unknown }
    if (!$metadata || typeof $metadata !== 'object') continue
    const status = $metadata.httpStatusCode
    if (typeof status === 'number' && status >= 500) return true
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true
    if (typeof name === 'string' && NETWORK_NAMES.has(name)) return true
  }
  return false
}
