import type { PayloadRequest } from 'payload'

import { GENERATE_AUDIO } from '@/audio/jobs/generateAudioTask'
import { primaryPool } from '@/db/postgres'
import type { ReviewStatus } from '@/domain/audio/review'
import { lineVoiceOfRow } from '@/domain/audio/variants'
import { translationUnits, UNIT_KIND_LABELS } from '@/domain/translation/units'
import type { LocaleCode } from '@/locales'
import { loadStoryGraph } from '@/services/storyGraph'
import { SLUGS } from '@/slugs'
import { graphSource, spokenChoicesOf } from '@/translation/service'

/** One voiced line of a story in one locale, as the review screen shows it. */
export type ReviewLine = {
  unitId: string
  kind: string
  speaker: string | null
  text: string
  /** The audio made from the line's current text (null: not voiced yet, or its audio is outdated). */
  audio: {
    id: string
    url: string
    status: ReviewStatus
    note: string | null
    reviewedBy: string | null
    reviewedAt: string | null
    /** Who voices it now. */
    speaker: string
    /** Its own voice from a regeneration (null: the voice cast's, normal pace). */
    lineVoice: { speaker: string | null; pace: number | null; take: number } | null
    /** A regeneration of this line is queued or running. */
    regenerating: boolean
  } | null
}

export type AudioReview = { story: { id: string; slug: string; title: string }; locale: LocaleCode; lines: ReviewLine[] }

/**
 * Every line a listener hears in `locale` (node texts and spoken choice options, in reading order)
 * with its current audio and review state, in a fixed number of queries (the story graph, the
 * review fields of its audio in that locale, the reviewers' names). Null for no such story.
 */
export async function loadAudioReview(req: PayloadRequest, storyId: string, locale: LocaleCode): Promise<AudioReview | null> {
  const graph = await loadStoryGraph(req, storyId)
  if (!graph) return null
  const spoken = spokenChoicesOf(graph)
  const lines = translationUnits(graph).filter(
    (u) => (u.collection === 'story-nodes' || (u.collection === 'story-choices' && spoken(u.docId))) && (u.text[locale] ?? '').trim() !== '',
  )
  const byDoc = new Map<string, { audio?: Partial<Record<LocaleCode, string>>; audioFileId?: Partial<Record<LocaleCode, string>> }>(
    [...graph.nodes, ...graph.choices].map((d) => [d.id, d]),
  )
  const fileIds = lines.map((u) => byDoc.get(u.docId)?.audioFileId?.[locale]).filter((id): id is string => !!id)
  const files = fileIds.length
    ? await req.payload.find({
        collection: SLUGS.audioFiles,
        where: { id: { in: fileIds } },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        req,
        select: { reviewStatus: true, reviewNote: true, reviewedBy: true, reviewedAt: true, speakerId: true, lineVoice: true },
      })
    : { docs: [] }
  const regenerating = new Set(
    fileIds.length
      ? (
          await primaryPool(req.payload).query<{ id: string }>(
            `SELECT DISTINCT input->>'retakeOf' AS id FROM payload_jobs WHERE task_slug = $1 AND completed_at IS NULL AND has_error IS NOT TRUE AND input->>'retakeOf' = ANY($2::text[])`,
            [GENERATE_AUDIO, fileIds],
          )
        ).rows.map((r) => r.id)
      : [],
  )
  const fileById = new Map(files.docs.map((f) => [f.id, f]))
  const reviewerIds = [...new Set(files.docs.map((f) => (typeof f.reviewedBy === 'object' ? f.reviewedBy?.id : f.reviewedBy)).filter((id): id is string => !!id))]
  const reviewers = reviewerIds.length
    ? await req.payload.find({ collection: SLUGS.editors, where: { id: { in: reviewerIds } }, depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: { name: true, email: true } })
    : { docs: [] }
  const reviewerName = new Map(reviewers.docs.map((e) => [e.id, (e as { name?: string | null }).name || e.email]))
  const names = new Map(graph.characters.map((c) => [c.id, c.name]))
  const source = graphSource(graph)
  return {
    story: { id: graph.id, slug: graph.slug, title: graph.title[locale] || graph.title[source] || graph.slug },
    locale,
    lines: lines.map((u) => {
      const doc = byDoc.get(u.docId)
      const id = doc?.audioFileId?.[locale]
      const url = doc?.audio?.[locale]
      const file = id ? fileById.get(id) : undefined
      const by = file ? (typeof file.reviewedBy === 'object' ? file.reviewedBy?.id : file.reviewedBy) : null
      const name = u.speakerId ? names.get(u.speakerId) : undefined
      return {
        unitId: u.id,
        kind: UNIT_KIND_LABELS[u.kind],
        speaker: name ? (name[locale] ?? name[source] ?? null) : null,
        text: u.text[locale]!,
        audio:
          id && url && file
            ? {
                id,
                url,
                status: (file.reviewStatus ?? 'pending') as ReviewStatus,
                note: file.reviewNote ?? null,
                reviewedBy: by ? (reviewerName.get(by) ?? null) : null,
                reviewedAt: file.reviewedAt ?? null,
                speaker: file.speakerId ?? '',
                lineVoice: lineVoiceOfRow(file),
                regenerating: regenerating.has(id),
              }
            : null,
      }
    }),
  }
}
