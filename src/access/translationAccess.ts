import type { Access, PayloadRequest, Where } from 'payload'

import { staffUser } from '@/access/roles'

/** Editors and admins see every locale's translation records; a translator those of their locales. */
export const readOwnLocalesTranslation: Access = ({ req }) => {
  const user = staffUser(req)
  if (!user) return false
  if (user.role === 'admin' || user.role === 'editor') return true
  const where: Where = { locale: { in: user.assignedLocales ?? [] } }
  return where
}

/** True when the signed-in staff member may work on `locale` (editors: all; translators: theirs). */
export function mayTranslate(req: Pick<PayloadRequest, 'user'>, locale: string): boolean {
  const user = staffUser(req)
  if (!user) return false
  if (user.role === 'admin' || user.role === 'editor') return true
  return (user.assignedLocales ?? []).includes(locale)
}

/**
 * Who approves translations: editors and admins, and translators of that locale whose account has
 * the `reviewer` flag (set by an admin). A translator never approves another language.
 */
export function mayReview(req: Pick<PayloadRequest, 'user'>, locale: string): boolean {
  const user = staffUser(req)
  if (!user) return false
  if (user.role === 'admin' || user.role === 'editor') return true
  return !!user.reviewer && (user.assignedLocales ?? []).includes(locale)
}

/** Publishing and unpublishing a locale: editors and admins. */
export function mayPublish(req: Pick<PayloadRequest, 'user'>): boolean {
  const user = staffUser(req)
  return !!user && (user.role === 'admin' || user.role === 'editor')
}
