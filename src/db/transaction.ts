import type { Payload, PayloadRequest, RequestContext } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { drizzleFor, type Sql } from '@/db/postgres'

/**
 * Runs `fn` in one database transaction with a request that joins it (Local API calls given this
 * `req` write in the same transaction; hooks see `context`), through Payload's own
 * `initTransaction` / `commitTransaction` / `killTransaction`. `db` is the same transaction's
 * drizzle handle, for SQL Payload cannot express. Commits when `fn` resolves, rolls back and
 * rethrows when it throws.
 */
export async function withTransaction<T>(
  payload: Payload,
  fn: (req: PayloadRequest, db: Sql) => Promise<T>,
  context: RequestContext = {},
): Promise<T> {
  const req = await createLocalReq({ context }, payload)
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
