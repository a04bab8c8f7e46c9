import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import { staffUser } from '@/access/roles'
import { nextReview, type ReviewedAudio, type ReviewWrite } from '@/domain/audio/review'
import { SLUGS } from '@/slugs'

/**
 * Keeps an audio file's review state honest (rules in src/domain/audio/review.ts): new audio starts
 * pending, a decision records who and when, a rejection without a note is a 400 on `reviewNote`.
 */
export const trackAudioReview: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  const previous = operation === 'update' ? ((originalDoc ?? {}) as ReviewedAudio) : null
  const write = data as ReviewWrite
  const outcome = nextReview(previous, write, staffUser(req)?.id ?? null, new Date().toISOString())
  if (!outcome.ok) {
    throw new ValidationError({ collection: SLUGS.audioFiles, id: originalDoc?.id, errors: [{ path: outcome.path, message: outcome.message }], req })
  }
  Object.assign(data, outcome.review)
  return data
}
