import type { Access, FieldAccess, Where } from 'payload'

import { staffUser } from '@/access/roles'

/**
 * Who may review a voiced line (approve or reject an audio file): editors and admins any line, and
 * the translators assigned to its locale, who know how it should sound. Unlike a translation's
 * approval (`mayReview` in translationAccess.ts, the `reviewer` flag: four eyes on what a
 * translator wrote), nobody on the team wrote the audio, so no flag is needed. For update this is
 * a query, so a translator's bulk edits only ever reach lines of their own locales. What a
 * translator may change is limited to the review fields (`generatedFieldUpdate` below).
 */
export const editorOrAudioReviewer: Access = ({ req }) => {
  const user = staffUser(req)
  if (!user) return false
  if (user.role === 'admin' || user.role === 'editor') return true
  const locales = user.assignedLocales ?? []
  if (user.role !== 'translator' || locales.length === 0) return false
  return { languageCode: { in: locales } } satisfies Where
}

/** True for the one locale check the review screen needs before it offers approve/reject. */
export function mayReviewAudio(user: ReturnType<typeof staffUser>, locale: string): boolean {
  if (!user) return false
  if (user.role === 'admin' || user.role === 'editor') return true
  return user.role === 'translator' && (user.assignedLocales ?? []).includes(locale)
}

/** Field-level update access of every field that is not a review field: editors and admins only. */
export const generatedFieldUpdate: FieldAccess = ({ req }) => {
  const user = staffUser(req)
  return !!user && (user.role === 'admin' || user.role === 'editor')
}

/** Review fields are internal: staff read them, listeners and the public do not. */
export const staffFieldRead: FieldAccess = ({ req }) => !!staffUser(req)
