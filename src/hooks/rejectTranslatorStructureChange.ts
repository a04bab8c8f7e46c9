import type { CollectionBeforeValidateHook, Field } from 'payload'

import { Forbidden } from 'payload'

import { staffUser } from '@/access/roles'

function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown =>
    v && typeof v === 'object' && 'id' in (v as Record<string, unknown>) ? (v as { id: unknown }).id : v ?? null
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b))
}

/**
 * Translators change words, not structure: any attempt to change a non-localized field
 * (story, type, order, flags, next node, speaker…) is refused with 403 and nothing is written.
 * Unchanged values (the admin form sends every field) pass.
 */
export function rejectTranslatorStructureChange(fields: Field[]): CollectionBeforeValidateHook {
  const structural = fields
    .filter((f): f is Field & { name: string } => 'name' in f && !('localized' in f && f.localized))
    .filter((f) => f.type !== 'join' && f.type !== 'ui')
    .map((f) => f.name)
  return ({ data, originalDoc, operation, req }) => {
    const user = staffUser(req)
    if (!user || user.role !== 'translator' || !data) return data
    if (req.context?.skipTranslatorGuard) return data
    if (operation === 'create') throw new Forbidden(req.t)
    const changed = structural.filter(
      (name) => name in data && !sameValue((data as Record<string, unknown>)[name], originalDoc?.[name]),
    )
    if (changed.length > 0) {
      req.payload.logger.warn(`translator ${user.id} tried to change structural fields: ${changed.join(', ')}`)
      throw new Forbidden(req.t)
    }
    return data
  }
}
