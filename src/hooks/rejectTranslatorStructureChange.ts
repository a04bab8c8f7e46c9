import type { CollectionBeforeOperationHook, CollectionSlug, Field } from 'payload'

import { flattenTopLevelFields, Forbidden } from 'payload'

import { idOf } from '@/db/idOf'
import { staffUser } from '@/access/roles'

const same = (a: unknown, b: unknown) => JSON.stringify(idOf(a) ?? null) === JSON.stringify(idOf(b) ?? null)

/**
 * Translators change words, not structure: an update from a translator that would change any
 * non-localized field (story, type, order, flags, next node, speaker…) is refused with 403 before
 * anything is written. Unchanged values pass (the admin form sends every field back).
 * Runs as beforeOperation because field-level access would otherwise drop such values silently.
 */
export function rejectTranslatorStructureChange<S extends CollectionSlug>(fields: Field[]): CollectionBeforeOperationHook<S> {
  const structural = flattenTopLevelFields(fields)
    .filter((f) => 'name' in f && !('localized' in f && f.localized) && f.type !== 'join' && f.type !== 'ui')
    .map((f) => (f as { name: string }).name)
  return (async ({ args, collection, operation, req }: Parameters<CollectionBeforeOperationHook>[0]) => {
    const user = staffUser(req)
    if (!user || user.role !== 'translator' || operation !== 'update') return args
    const data = (args as { data?: Record<string, unknown> }).data ?? {}
    const present = structural.filter((name) => name in data)
    if (!present.length) return args
    const id = (args as { id?: string }).id
    const original = id
      ? await req.payload.findByID({ collection: collection.slug as never, id, depth: 0, joins: false, req, overrideAccess: true, disableErrors: true })
      : null
    const changed = present.filter((name) => !original || !same(data[name], (original as Record<string, unknown>)[name]))
    if (changed.length) {
      req.payload.logger.warn(`translator ${user.id} tried to change ${collection.slug} ${changed.join(', ')}: refused`)
      throw new Forbidden(req.t)
    }
    return args
  }) as CollectionBeforeOperationHook<S>
}
