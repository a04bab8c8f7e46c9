/**
 * # Per-line audio review
 *
 * Every generated audio file has a review state: **pending** (nobody listened yet), **approved**,
 * or **rejected** with a note saying what is wrong. Who changed it last and when are kept. New audio
 * (a new object or content key: the line's text, voice or pronunciation changed and it was voiced
 * again) starts pending, whatever the file's previous state: an approval is of the sound a reviewer
 * heard, never of words they did not hear.
 */

export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export type ReviewFields = {
  reviewStatus: ReviewStatus
  reviewNote: string | null
  reviewedBy: string | null
  reviewedAt: string | null
}

/** What a stored audio file is, as far as its review goes. */
export type ReviewedAudio = Partial<ReviewFields> & { contentKey?: string | null; r2Url?: string | null }

/** The fields a write sets (undefined: not part of the write). */
export type ReviewWrite = {
  contentKey?: string | null
  r2Url?: string | null
  reviewStatus?: ReviewStatus | null
  reviewNote?: string | null
}

export type ReviewOutcome = { ok: true; review: ReviewFields } | { ok: false; path: 'reviewNote'; message: string }

const clean = (note: string | null | undefined) => (typeof note === 'string' && note.trim() !== '' ? note.trim() : null)

/**
 * The review fields after a write. `previous` is the stored file (null on create), `who` the staff
 * member writing (null for a job), `now` an ISO date. A rejection needs a note; a status change
 * records who and when; new audio resets everything to pending.
 */
export function nextReview(previous: ReviewedAudio | null, write: ReviewWrite, who: string | null, now: string): ReviewOutcome {
  const newAudio =
    previous !== null &&
    ((write.contentKey !== undefined && (write.contentKey ?? null) !== (previous.contentKey ?? null)) ||
      (write.r2Url !== undefined && (write.r2Url ?? null) !== (previous.r2Url ?? null)))
  if (newAudio) return { ok: true, review: { reviewStatus: 'pending', reviewNote: null, reviewedBy: null, reviewedAt: null } }
  const before: ReviewFields = {
    reviewStatus: previous?.reviewStatus ?? 'pending',
    reviewNote: previous?.reviewNote ?? null,
    reviewedBy: previous?.reviewedBy ?? null,
    reviewedAt: previous?.reviewedAt ?? null,
  }
  const status = write.reviewStatus ?? before.reviewStatus
  const changed = status !== before.reviewStatus
  // A new decision starts from its own note; an unchanged one keeps the stored note unless the write names one.
  const note = write.reviewNote !== undefined ? clean(write.reviewNote) : changed ? null : before.reviewNote
  if (status === 'rejected' && !note) {
    return { ok: false, path: 'reviewNote', message: 'A rejected line needs a note saying what is wrong (it tells whoever voices it again).' }
  }
  if (!changed) return { ok: true, review: { ...before, reviewNote: note } }
  if (status === 'pending') return { ok: true, review: { reviewStatus: 'pending', reviewNote: note, reviewedBy: null, reviewedAt: null } }
  return { ok: true, review: { reviewStatus: status, reviewNote: note, reviewedBy: who, reviewedAt: now } }
}
