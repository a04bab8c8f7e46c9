import type { Payload, PayloadRequest } from 'payload'

import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import type { Pool } from 'pg'

type Adapter = { drizzle: NodePgDatabase; pool: Pool; sessions: Record<string, { db: NodePgDatabase }> }

/** The drizzle handle of the request's transaction (same as Payload's own writes), or the pool's. */
export async function dbFor(req: Pick<PayloadRequest, 'payload' | 'transactionID'>): Promise<NodePgDatabase> {
  const adapter = req.payload.db as unknown as Adapter
  const id = req.transactionID ? await req.transactionID : undefined
  return (id !== undefined && adapter.sessions[String(id)]?.db) || adapter.drizzle
}

/** The adapter's pg pool, for reads outside any transaction (delivery endpoints). */
export function poolOf(payload: Payload): Pool {
  return (payload.db as unknown as Adapter).pool
}
