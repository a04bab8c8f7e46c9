import type { Payload, PayloadRequest, RequestContext } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { drizzleFor, type Sql } from '@/db/postgres'

/** A request has the `payload` it belongs to; the Payload instance has its collections instead. */
const isRequest = (from: Payload | PayloadRequest): from is PayloadRequest => !('collections' in from) && 'payload' in from

/**
 * Runs `fn` in one database transaction with a request that joins it (Local API calls given this
 * `req` write in the same transaction; hooks see `context`), through Payload's own
 * `initTransaction` / `commitTransaction` / `killTransaction`. `db` is the same transaction's
 * drizzle handle, for SQL Payload cannot express. Commits when `fn` resolves, rolls back and
 * rethrows when it throws.
 *
 * Given the incoming request instead of `payload`, the transaction's request carries that request's
 * user (and its i18n and context, `context` merged over it), so access functions run with
 * `overrideAccess: false` and hooks see who is acting; the incoming request itself is left as is.
 */
export async function withTransaction<T>(
  from: Payload | PayloadRequest,
  fn: (req: PayloadRequest, db: Sql) => Promise<T>,
  context: RequestContext = {},
): Promise<T> {
  const req = isRequest(from)
    ? await createLocalReq({ context: { ...from.context, ...context }, user: from.user ?? undefined, req: { i18n: from.i18n } }, from.payload)
    : await createLocalReq({ context }, from)
  if (!(await initTransaction(req))) throw new Error('The database adapter did not start a transaction')
  try {
    const result = await fn(req, await drizzleFor(req))
    await commitTransaction(req)
    return result
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
