import type { Endpoint, PayloadRequest } from 'payload'

import { staffUser } from '@/access/roles'
import { audioProvider } from '@/audio/providers/audioProvider'
import { loadStoryAudio } from '@/audio/jobs/storyAudio'
import { compileBundle } from '@/domain/story/bundle'
import type { StoryGraph } from '@/domain/story/graph'
import { positionFromMetadata, type StudioPosition } from '@/domain/story/studioMap'
import { validateStory, type ValidationReport } from '@/domain/story/validate'
import { isLocale, LOCALE_CODES, type LocaleCode } from '@/locales'
import { loadStoryGraph } from '@/services/storyGraph'
import { SLUGS } from '@/slugs'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const error = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/** Audio of one node in one locale, as the map shows it. */
export type StudioAudioState = 'done' | 'outdated' | 'missing' | 'failed' | 'queued'

export type StudioData = {
  graph: StoryGraph
  report: ValidationReport
  /** Per own node: `updatedAt` (for optimistic concurrency), metadata and the saved card position. */
  nodes: Record<string, { updatedAt: string; metadata: Record<string, unknown>; position: StudioPosition | null }>
  choices: Record<string, { updatedAt: string }>
  /** Per own node and locale with own text: its audio state (nodes without own text are absent). */
  audio: Record<string, Partial<Record<LocaleCode, StudioAudioState>>>
  /** Audio rows per node (what a delete removes). */
  audioRows: Record<string, number>
  user: { role: string; assignedLocales: string[] }
}

function storyIdOf(req: PayloadRequest): string | null {
  const id = String(req.routeParams?.id ?? '')
  return UUID.test(id) ? id : null
}

async function loadStudio(req: PayloadRequest, id: string): Promise<StudioData | null> {
  const graph = await loadStoryGraph(req, id)
  if (!graph) return null
  const common = { req, overrideAccess: true, depth: 0, limit: 0, pagination: false as const, where: { story: { equals: id } } }
  const nodes = await req.payload.find({ collection: SLUGS.storyNodes, ...common, joins: false, select: { metadata: true, updatedAt: true } })
  const choices = await req.payload.find({ collection: SLUGS.storyChoices, ...common, select: { updatedAt: true } })
  const audioRows = await req.payload.find({ collection: SLUGS.audioFiles, ...common, select: { node: true } })
  const plan = (await loadStoryAudio(req.payload, id, { provider: audioProvider() })).plan
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
    graph,
    report: validateStory(graph, { locales: LOCALE_CODES }),
    nodes: Object.fromEntries(
      nodes.docs.map((n) => {
        const metadata = (n.metadata && typeof n.metadata === 'object' && !Array.isArray(n.metadata) ? n.metadata : {}) as Record<string, unknown>
        return [n.id, { updatedAt: n.updatedAt, metadata, position: positionFromMetadata(metadata) }]
      }),
    ),
    choices: Object.fromEntries(choices.docs.map((c) => [c.id, { updatedAt: c.updatedAt }])),
    audio,
    audioRows: rowsPerNode,
    user: { role: user.role, assignedLocales: user.assignedLocales ?? [] },
  }
}

/**
 * `GET /api/stories/:id/studio` (staff): everything the Studio draws, in one request: the story
 * graph in every locale, its validation report, node metadata and versions, audio states.
 */
export const storyStudioEndpoint: Endpoint = {
  path: '/:id/studio',
  method: 'get',
  handler: async (req) => {
    if (!staffUser(req)) return error(req.user ? 403 : 401, 'You are not allowed to perform this action.')
    const id = storyIdOf(req)
    const data = id ? await loadStudio(req, id) : null
    if (!data) return error(404, 'Not Found')
    return Response.json(data, { headers: { 'Cache-Control': 'no-store' } })
  },
}

/**
 * `GET /api/stories/:id/draft-bundle?locale=hi` (staff): the story compiled in memory with the
 * bundle compiler, active or not; nothing is stored or published. The Studio's play-test plays it.
 */
export const storyDraftBundleEndpoint: Endpoint = {
  path: '/:id/draft-bundle',
  method: 'get',
  handler: async (req) => {
    if (!staffUser(req)) return error(req.user ? 403 : 401, 'You are not allowed to perform this action.')
    const id = storyIdOf(req)
    const locale = String(req.searchParams.get('locale') ?? 'en')
    if (!isLocale(locale)) return error(400, `locale: unknown locale "${locale}"; valid: ${LOCALE_CODES.join(', ')}`)
    const graph = id ? await loadStoryGraph(req, id) : null
    if (!graph) return error(404, 'Not Found')
    return Response.json(compileBundle(graph, locale), { headers: { 'Cache-Control': 'no-store' } })
  },
}
