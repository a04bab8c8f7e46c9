import type { CollectionBeforeValidateHook, Where } from 'payload'

import { ValidationError } from 'payload'

import { idOf } from '@/db/idOf'

/**
 * Reports a compound unique key clash (e.g. a second choice "A" on the same node) as a 400 naming
 * the field, before the database's unique index would. The index stays the guarantee under races;
 * Payload turns its violation into a 400 as well. `absent`: the key of a partial unique index that
 * holds only where these fields are empty (e.g. node audio: WHERE choice IS NULL).
 */
export function uniqueTogether(collection: string, fields: string[], opts: { absent?: string[] } = {}): CollectionBeforeValidateHook {
  const absent = opts.absent ?? []
  return async ({ data, originalDoc, req, operation }) => {
    if (!data) return data
    const merged = { ...originalDoc, ...data } as Record<string, unknown>
    const touched = operation === 'create' || [...fields, ...absent].some((f) => f in data)
    if (!touched || fields.some((f) => merged[f] === undefined || merged[f] === null)) return data
    if (absent.some((f) => merged[f] !== undefined && merged[f] !== null)) return data
    const where: Where = { and: [...fields.map((f) => ({ [f]: { equals: idOf(merged[f]) } })), ...absent.map((f) => ({ [f]: { exists: false } }))] }
    if (originalDoc?.id) (where.and as Where[]).push({ id: { not_equals: originalDoc.id } })
    const { totalDocs } = await req.payload.count({ collection: collection as never, where, req, overrideAccess: true })
    if (totalDocs > 0) {
      const field = fields[fields.length - 1]!
      throw new ValidationError({
        collection,
        errors: [{ path: field, message: `Must be unique together with ${fields.slice(0, -1).join(', ')}: this value is already taken.` }],
        req,
      })
    }
    return data
  }
}
