import type { PayloadRequest } from 'payload'

/** Staff roles (the editors collection's `role`). */
export const ROLES = ['admin', 'editor', 'translator'] as const
export type Role = (typeof ROLES)[number]

/** The signed-in editor (admin auth collection), or null for the public and for listeners. */
export type StaffUser = { id: string; collection: 'editors'; role: Role; assignedLocales?: string[] | null; reviewer?: boolean | null }

export function staffUser(req: Pick<PayloadRequest, 'user'>): StaffUser | null {
  const user = req.user as unknown as StaffUser | null | undefined
  return user && user.collection === 'editors' ? user : null
}

export function hasRole(req: Pick<PayloadRequest, 'user'>, ...roles: Role[]): boolean {
  const user = staffUser(req)
  return !!user && roles.includes(user.role)
}
