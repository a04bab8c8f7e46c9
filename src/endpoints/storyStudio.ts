import type { Endpoint, PayloadRequest } from 'payload'

import { staffUser } from '@/access/roles'
import { audioProvider } from '@/audio/providers/audioProvider'
import { loadStoryAudio } from '@/audio/jobs/storyAudio'
import type { ReviewCounts } from '@/domain/audio/variants'
import { compileBundle } from '@/domain/story/bundle'
import type { StoryGraph } from '@/domain/story/graph'
import { positionFromMetadata, type StudioPosition } from '@/domain/story/studioMap'
import { validateStory, type ValidationReport } from '@/domain/story/validate'
import { DEFAULT_LOCALE, isLocale, LOCALE_CODES, type LocaleCode } from '@/locales'
import { loadStoryGraph } from '@/services/storyGraph'
import { SLUGS } from '@/slugs'
import { isUuid } from '@/domain/http/uuid'

import { requireRole } from '@/http/requireRole'
import { answeringEndpoint, error, json } from '@/http/response'

/** Audio of one node in one locale, as the map shows it. */
export type StudioAudioState = 'done' | 'outdated' | 'missing' | 'failed' | 'queued'

export type StudioData = {
  /** The locale this answer's warnings and audio states are for (`?locale=`, default en). */
  locale: LocaleCode
  graph: StoryGraph
  /** Errors of the story, and the missing-text warnings of `locale` only. */
  report: ValidationReport
  /** Per own node: `updatedAt` (for optimistic concurrency), metadata and the saved card position. */
  nodes: Record<string, { updatedAt: string; metadata: Record<string, unknown>; position: StudioPosition | null }>
  choices: Record<string, { updatedAt: string }>
  /** Per own node with own text in `locale`: its audio state there (nodes without it are absent). */
  audio: Record<string, Partial<Record<LocaleCode, StudioAudioState>>>
  /** Audio rows per node (what a delete removes). */
  audioRows: Record<string, number>
  /** Review states of `locale`'s current audio (the review screen's counts). */
  audioReview: ReviewCounts
  user: { role: string; assignedLocales: string[] }
}

function storyIdOf(req: PayloadRequest): string | null {
  const id = String(req.routeParams?.id ?? '')
  return isUuid(id) ? id : null
}

async function loadStudio(req: PayloadRequest, id: string, locale: LocaleCode): Promise<StudioData | null> {
  const graph = await loadStoryGraph(req, id)
  if (!graph) return null
  const common = { req, overrideAccess: true, depth: 0, limit: 0, pagination: false as const, where: { story: { equals: id } } }
  const nodes = await req.payload.find({ collection: SLUGS.storyNodes, ...common, joins: false, select: { metadata: true, updatedAt: true } })
  const choices = await req.payload.find({ collection: SLUGS.storyChoices, ...common, select: { updatedAt: true } })
  const audioRows = await req.payload.find({ collection: SLUGS.audioFiles, ...common, select: { node: true } })
  const plan = (await loadStoryAudio(req.payload, id, { provider: audioProvider(), locales: [locale] })).plan
  const audio: StudioData['audio'] = {}
  for (const item of plan.items) {
    const state: StudioAudioState = item.state === 'done' ? 'done' : item.outdated && item.state === 'missing' ? 'outdated' : item.state
    audio[item.node] = { ...audio[item.node], [item.locale]: state }
  }
  const rowsPerNode: Record<string, number> = {}
  for (const row of audioRows.docs) {
    const node = typeof row.node === 'object' && row.node ? row.node.id : (row.node as string)
    rowsPerNode[node] = (rowsPerNode[node] ?? 0) + 1
  }
  const user = staffUser(req)!
  return {
    locale,
    graph,
    report: validateStory(graph, { locales: [locale] }),
    nodes: Object.fromEntries(
      nodes.docs.map((n) => {
        const metadata = (n.metadata && typeof n.metadata === 'object' && !Array.isArray(n.metadata) ? n.metadata : {}) as Record<string, unknown>
        return [n.id, { updatedAt: n.updatedAt, metadata, position: positionFromMetadata(metadata) }]
      }),
    ),
    choices: Object.fromEntries(choices.docs.map((c) => [c.id, { updatedAt: c.updatedAt }])),
    audio,
    audioRows: rowsPerNode,
    audioReview: plan.locales[0]?.review ?? { pending: 0, approved: 0, rejected: 0 },
    user: { role: user.role, assignedLocales: user.assignedLocales ?? [] },
  }
}

/** `?locale=` of a request: a known locale, the default when absent, or a 400 naming the parameter. */
function localeParam(req: PayloadRequest): LocaleCode | Response {
  const locale = req.searchParams.get('locale') ?? DEFAULT_LOCALE
  return isLocale(locale) ? locale : error(400, `locale: unknown locale "${locale}"; valid: ${LOCALE_CODES.join(', ')}`, { field: 'locale' })
}

/**
 * A staff GET on one story for one locale: answers `answer(id, locale)` as uncached JSON, or 401/403
 * (not staff), 400 (unknown `?locale=`, default en) or 404 (no such story, or `answer` gives
 * null); an unexpected error is the logged 500.
 */
function staffStoryGet<T>(path: string, answer: (req: PayloadRequest, id: string, locale: LocaleCode) => Promise<T | null>): Endpoint {
  return answeringEndpoint({
    path,
    method: 'get',
    handler: async (req) => {
      const denied = requireRole(req, ['admin', 'editor', 'translator'])
      if (denied) return denied
      const locale = localeParam(req)
      if (locale instanceof Response) return locale
      const id = storyIdOf(req)
      const body = id ? await answer(req, id, locale) : null
      if (!body) return error(404, 'Not Found')
      return json(200, body)
    },
  })
}

/**
 * `GET /api/stories/:id/studio?locale=hi` (staff): everything the Studio draws for one locale, in
 * one request: the story graph (its texts in every locale, for fallbacks and undo), its errors and
 * that locale's missing-text warnings, node metadata and versions, that locale's audio states.
 * The Studio asks again when the editor switches locale.
 */
export const storyStudioEndpoint = staffStoryGet('/:id/studio', loadStudio)

/**
 * `GET /api/stories/:id/draft-bundle?locale=hi` (staff): the story compiled in memory with the
 * bundle compiler, active or not; nothing is stored or published. The Studio's play-test plays it.
 */
export const storyDraftBundleEndpoint = staffStoryGet('/:id/draft-bundle', async (req, id, locale) => {
  const graph = await loadStoryGraph(req, id)
  return graph ? compileBundle(graph, locale) : null
})
