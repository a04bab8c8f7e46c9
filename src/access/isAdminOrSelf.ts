import type { Access } from 'payload'

import { staffUser } from '@/access/roles'

/** Admins manage every editor account; everyone else reads and updates only their own. */
export const isAdminOrSelf: Access = ({ req }) => {
  const user = staffUser(req)
  if (!user) return false
  if (user.role === 'admin') return true
  return { id: { equals: user.id } }
}
