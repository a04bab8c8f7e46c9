import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type Field, type PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { staffUser } from '@/access/roles'
import { drizzleFor } from '@/db/postgres'
import { notInBundle } from '@/hooks/recompileStoryBundles'

/**
 * Optimistic concurrency for the Studio (and any client that wants it): a write that sends
 * `X-Expected-Updated-At: <updatedAt it read>` is refused with 409 when the document changed since,
 * naming who changed it and when, so two editors never silently overwrite each other. Writes
 * without the header behave as before.
 *
 * The check reads the row `FOR UPDATE` in the write's own transaction: of several writes naming
 * the same version at once, the first holds the row until it commits and the others then see its
 * newer version (a plain read would let every one of them through, each overwriting the last).
 */
export const EXPECTED_UPDATED_AT_HEADER = 'x-expected-updated-at'

/** Who last saved the document (set on every save from the signed-in staff member). */
export const editedByField: Field = {
  name: 'editedBy',
  type: 'text',
  maxLength: 200,
  custom: notInBundle,
  admin: { readOnly: true, position: 'sidebar', description: 'Who saved this last (set automatically).' },
}

function expectedOf(req: PayloadRequest): string | null {
  const value = req.headers?.get(EXPECTED_UPDATED_AT_HEADER)
  return value && value.trim() !== '' ? value.trim() : null
}

function staleError(what: string, current: { updatedAt?: unknown; editedBy?: unknown }): APIError {
  const who = typeof current.editedBy === 'string' && current.editedBy ? current.editedBy : 'someone else'
  const when = typeof current.updatedAt === 'string' ? new Date(current.updatedAt).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : 'meanwhile'
  return new APIError(`This ${what} was changed by ${who} at ${when}, after you opened it. Nothing was saved: reload to see their version.`, 409, { editedBy: who, updatedAt: current.updatedAt }, true)
}

function sameInstant(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false
  return new Date(a).getTime() === new Date(b).getTime()
}

/** The row's current version, locked until the write's transaction ends (null: no such row). */
async function lockedVersion(req: PayloadRequest, table: string, id: string | number): Promise<{ updatedAt: string; editedBy: string | null } | null> {
  const db = await drizzleFor(req)
  const { rows } = (await db.execute(sql`SELECT updated_at, edited_by FROM ${sql.identifier(table)} WHERE id = ${String(id)} FOR UPDATE`)) as unknown as {
    rows: { updated_at: Date | string; edited_by: string | null }[]
  }
  const row = rows[0]
  return row ? { updatedAt: new Date(row.updated_at).toISOString(), editedBy: row.edited_by } : null
}

/** beforeChange: refuses an update over a newer version; records who saved. `table`: the collection's table. */
export function refuseStaleUpdate(what: string, table: string): CollectionBeforeChangeHook {
  return async ({ data, originalDoc, operation, req }) => {
    const expected = expectedOf(req)
    if (operation === 'update' && expected && originalDoc?.id !== undefined) {
      const current = await lockedVersion(req, table, originalDoc.id as string)
      if (current && !sameInstant(current.updatedAt, expected)) throw staleError(what, current)
    }
    const user = staffUser(req) as ({ name?: string | null; email?: string } & object) | null
    if (user) data.editedBy = user.name || user.email || null
    return data
  }
}

/** beforeDelete: refuses to delete a version newer than the one the client saw. */
export function refuseStaleDelete(what: string, table: string): CollectionBeforeDeleteHook {
  return async ({ id, req }) => {
    const expected = expectedOf(req)
    if (!expected) return
    const current = await lockedVersion(req, table, id)
    if (current && !sameInstant(current.updatedAt, expected)) throw staleError(what, current)
  }
}
