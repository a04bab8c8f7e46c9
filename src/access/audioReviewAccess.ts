import type { Access, FieldAccess, Where } from 'payload'

import { staffUser } from '@/access/roles'

/**
 * Who may review a voiced line (approve or reject an audio file): editors and admins any line, and
 * the translators of its locale whose account has the `reviewer` flag, as for translations
 * (`mayReview` in translationAccess.ts). For update this is a query, so a reviewer's bulk edits
 * only ever reach lines of their own locales. What a reviewer may change is limited to the review
 * fields by `reviewFieldsOnly` below.
 */
export const editorOrAudioReviewer: Access = ({ req }) => {
  const user = staffUser(req)
  if (!user) return false
  if (user.role === 'admin' || user.role === 'editor') return true
  const locales = user.assignedLocales ?? []
  if (user.role !== 'translator' || !user.reviewer || locales.length === 0) return false
  return { languageCode: { in: locales } } satisfies Where
}

/** True for the one locale check the review screen needs before it offers approve/reject. */
export function mayReviewAudio(user: ReturnType<typeof staffUser>, locale: string): boolean {
  if (!user) return false
  if (user.role === 'admin' || user.role === 'editor') return true
  return user.role === 'translator' && !!user.reviewer && (user.assignedLocales ?? []).includes(locale)
}

/** Field-level update access of every field that is not a review field: editors and admins only. */
export const generatedFieldUpdate: FieldAccess = ({ req }) => {
  const user = staffUser(req)
  return !!user && (user.role === 'admin' || user.role === 'editor')
}

/** Review fields are internal: staff read them, listeners and the public do not. */
export const staffFieldRead: FieldAccess = ({ req }) => !!staffUser(req)
