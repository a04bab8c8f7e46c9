import { describe, expect, it } from 'vitest'

import { nextReview, type ReviewedAudio } from '@/domain/audio/review'

const NOW = '2026-11-30T16:00:00.000Z'
const approved: ReviewedAudio = { contentKey: 'k1', r2Url: 'audio/a.opus', reviewStatus: 'approved', reviewNote: null, reviewedBy: 'ed-1', reviewedAt: '2026-11-30T10:00:00.000Z' }
const rejected: ReviewedAudio = { ...approved, reviewStatus: 'rejected', reviewNote: 'Crow is mispronounced' }

describe('per-line review rule', () => {
  it.each([
    ['new audio file starts pending', null, { contentKey: 'k1', r2Url: 'audio/a.opus' }, { reviewStatus: 'pending', reviewedBy: null, reviewedAt: null, reviewNote: null }],
    ['approving stamps who and when', { ...approved, reviewStatus: 'pending', reviewedBy: null, reviewedAt: null }, { reviewStatus: 'approved' }, { reviewStatus: 'approved', reviewedBy: 'rev-2', reviewedAt: NOW, reviewNote: null }],
    ['rejecting with a note keeps the note, trimmed', approved, { reviewStatus: 'rejected', reviewNote: '  too fast  ' }, { reviewStatus: 'rejected', reviewNote: 'too fast', reviewedBy: 'rev-2', reviewedAt: NOW }],
    ['new text (content key) resets an approval', approved, { contentKey: 'k2' }, { reviewStatus: 'pending', reviewedBy: null, reviewedAt: null, reviewNote: null }],
    ['a new object resets a rejection and its note', rejected, { r2Url: 'audio/b.opus', reviewStatus: 'rejected' }, { reviewStatus: 'pending', reviewNote: null }],
    ['the same key written again keeps the approval', approved, { contentKey: 'k1', r2Url: 'audio/a.opus' }, { reviewStatus: 'approved', reviewedBy: 'ed-1' }],
    ['a rejection keeps its note when other fields change', rejected, { reviewStatus: 'rejected' }, { reviewStatus: 'rejected', reviewNote: 'Crow is mispronounced', reviewedBy: 'ed-1' }],
    ['back to pending forgets who decided', approved, { reviewStatus: 'pending' }, { reviewStatus: 'pending', reviewedBy: null, reviewedAt: null }],
    ['approving a rejected line drops the old note', rejected, { reviewStatus: 'approved' }, { reviewStatus: 'approved', reviewNote: null, reviewedBy: 'rev-2' }],
  ] as const)('should apply: %s', (_name, previous, write, expected) => {
    const out = nextReview(previous as ReviewedAudio | null, write, 'rev-2', NOW)
    expect(out.ok).toBe(true)
    if (out.ok) expect(out.review).toMatchObject(expected)
  })

  it.each([
    ['no note', { reviewStatus: 'rejected' as const }],
    ['a blank note', { reviewStatus: 'rejected' as const, reviewNote: '   ' }],
  ])('should refuse a rejection with %s, naming reviewNote', (_name, write) => {
    const out = nextReview(approved, write, 'rev-2', NOW)
    expect(out).toMatchObject({ ok: false, path: 'reviewNote' })
  })
})
