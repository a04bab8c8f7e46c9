import type { Access, Where } from 'payload'

import { staffUser } from '@/access/roles'

/** The lexicon value for "every locale" (a select cannot hold null). */
export const ALL_LOCALES = 'all'

/**
 * Pronunciation entries: editors (and admins) maintain every entry; a translator the entries of
 * the locales assigned to them (not the all-locale ones, which change every language's audio).
 * For update and delete this is a query, so a translator's list and bulk operations only ever
 * reach their own locales' rows.
 */
export const editorOrTranslatorOfEntryLocale: Access = ({ req }) => {
  const user = staffUser(req)
  if (!user) return false
  if (user.role === 'admin' || user.role === 'editor') return true
  const locales = user.assignedLocales ?? []
  if (user.role !== 'translator' || locales.length === 0) return false
  return { locale: { in: locales } } satisfies Where
}

/** Create: editors any entry; translators only for a locale assigned to them. */
export const createPronunciation: Access = ({ req, data }) => {
  const user = staffUser(req)
  if (!user) return false
  if (user.role === 'admin' || user.role === 'editor') return true
  const locale = (data as { locale?: unknown } | undefined)?.locale
  return user.role === 'translator' && typeof locale === 'string' && (user.assignedLocales ?? []).includes(locale)
}
