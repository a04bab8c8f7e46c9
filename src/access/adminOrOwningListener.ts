import type { Access } from 'payload'

import { hasRole } from '@/access/roles'
import { owningListener } from '@/access/owningListener'

/** Admins on every row; a listener on its own rows only (a Where on `ownerPath`). */
export function adminOrOwningListener(ownerPath: string): Access {
  const own = owningListener(ownerPath)
  return (args) => (hasRole(args.req, 'admin') ? true : own(args))
}
