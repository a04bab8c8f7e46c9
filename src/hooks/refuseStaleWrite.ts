import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type Field, type PayloadRequest } from 'payload'

import { staffUser } from '@/access/roles'
import { notInBundle } from '@/hooks/recompileStoryBundles'

/**
 * Optimistic concurrency for the Studio (and any client that wants it): a write that sends
 * `X-Expected-Updated-At: <updatedAt it read>` is refused with 409 when the document changed since,
 * naming who changed it and when, so two editors never silently overwrite each other. Writes
 * without the header behave as before.
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

/** beforeChange: refuses an update over a newer version; records who saved. */
export function refuseStaleUpdate(what: string): CollectionBeforeChangeHook {
  return ({ data, originalDoc, operation, req }) => {
    const expected = expectedOf(req)
    if (operation === 'update' && expected && originalDoc && !sameInstant(originalDoc.updatedAt, expected)) throw staleError(what, originalDoc)
    const user = staffUser(req) as ({ name?: string | null; email?: string } & object) | null
    if (user) data.editedBy = user.name || user.email || null
    return data
  }
}

/** beforeDelete: refuses to delete a version newer than the one the client saw. */
export function refuseStaleDelete(what: string): CollectionBeforeDeleteHook {
  return async ({ collection, id, req }) => {
    const expected = expectedOf(req)
    if (!expected) return
    const current = await req.payload.findByID({ collection: collection.slug as 'story-nodes', id, depth: 0, req, overrideAccess: true, disableErrors: true, select: { updatedAt: true, editedBy: true } as never })
    const doc = current as { updatedAt?: unknown; editedBy?: unknown } | null
    if (doc && !sameInstant(doc.updatedAt, expected)) throw staleError(what, doc)
  }
}
