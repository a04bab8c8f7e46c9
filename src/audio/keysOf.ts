import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'

type Adapter = { drizzle: NodePgDatabase; sessions: Record<string, { db: NodePgDatabase }> }

/** Object keys of the audio rows of a node or a story, read in the request's transaction. */
export async function dbKeysOf(req: PayloadRequest, column: 'node_id' | 'story_id', id: string): Promise<string[]> {
  const adapter = req.payload.db as unknown as Adapter
  const tx = req.transactionID ? await req.transactionID : undefined
  const db = (tx !== undefined && adapter.sessions[String(tx)]?.db) || adapter.drizzle
  const { rows } = await db.execute<{ key: string }>(
    sql`SELECT DISTINCT r2_url AS key FROM audio_files WHERE ${sql.identifier(column)} = ${id}::uuid AND r2_url IS NOT NULL`,
  )
  return rows.map((r) => r.key)
}
