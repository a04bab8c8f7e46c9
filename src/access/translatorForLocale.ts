import type { Access, PayloadRequest } from 'payload'

import { staffUser } from '@/access/roles'

/** True when the request's locale is one the translator is assigned. */
export function translatorMayWrite(req: PayloadRequest): boolean {
  const user = staffUser(req)
  if (!user || user.role !== 'translator') return false
  const locale = req.locale
  return typeof locale === 'string' && (user.assignedLocales ?? []).includes(locale)
}

/**
 * Update access for translatable content: editors always; translators only in a locale
 * assigned to them (a `ta` translator saving `?locale=hi` gets 403 and nothing changes).
 */
export const editorOrTranslatorForLocale: Access = ({ req }) => {
  const user = staffUser(req)
  if (!user) return false
  if (user.role === 'admin' || user.role === 'editor') return true
  return translatorMayWrite(req)
}
