import type { Access, Where } from 'payload'

import { listenerUser } from '@/access/listenerUser'

/** A listener, on its own rows only (`ownerPath` is the field holding the listener's id). */
export function owningListener(ownerPath: string): Access {
  return ({ req }) => {
    const listener = listenerUser(req)
    if (!listener) return false
    const where: Where = { [ownerPath]: { equals: listener.id } }
    return where
  }
}
