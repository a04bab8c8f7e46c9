import type { PayloadRequest } from 'payload'

import type { GraphNode, StoryGraph } from '@/domain/story/graph'
import {
  type AudioRule,
  type AudioState,
  describeBlockers,
  localeReport,
  type LocaleReport,
  type PublicationState,
  publishBlockers,
  type PublishBlocker,
  type UnitRow,
  type UnitStatus,
  unitRow,
  type UnitState,
} from '@/domain/translation/status'
import { bcp47Tag } from '@/domain/translation/tags'
import { translationUnits, UNIT_KIND_LABELS } from '@/domain/translation/units'
import { isLocale, type LocaleCode } from '@/locales'
import { SLUGS } from '@/slugs'
import { loadStoryGraph } from '@/services/storyGraph'
import { loadStates } from '@/translation/states'

/** The story's source locale as stored on the graph (default en). */
export function graphSource(graph: StoryGraph): LocaleCode {
  return isLocale(graph.sourceLocale) ? graph.sourceLocale : 'en'
}

/**
 * Audio state of each line in a locale, by node or choice id: none (no audio made from its current
 * text), generated, or approved (a reviewer approved that audio).
 */
export function audioOf(graph: StoryGraph, locale: LocaleCode): (docId: string) => AudioState {
  const byId = new Map<string, { audio?: Partial<Record<LocaleCode, string>>; audioReview?: GraphNode['audioReview'] }>([...graph.nodes, ...graph.choices].map((n) => [n.id, n]))
  return (docId) => {
    const line = byId.get(docId)
    if (!line?.audio?.[locale]) return 'none'
    return line.audioReview?.[locale] === 'approved' ? 'approved' : 'generated'
  }
}

/** Choices read aloud (spoken choices): the options of choice nodes that are not endings. */
export function spokenChoicesOf(graph: StoryGraph): (choiceId: string) => boolean {
  const shown = new Set(graph.nodes.filter((n) => n.type === 'choice' && !n.isEnd).map((n) => n.id))
  const spoken = new Set(graph.choices.filter((c) => shown.has(c.nodeId)).map((c) => c.id))
  return (choiceId) => spoken.has(choiceId)
}

/** Rows of every unit of the story in reading order for one locale. */
export function rowsFor(graph: StoryGraph, states: UnitState[], locale: LocaleCode): UnitRow[] {
  const mine = new Map(states.filter((s) => s.locale === locale).map((s) => [s.unitId, s]))
  return translationUnits(graph).map((unit) => unitRow(unit, locale, graphSource(graph), mine.get(unit.id) ?? null))
}

export function reportFor(graph: StoryGraph, states: UnitState[], locale: LocaleCode, audioRule: AudioRule = 'none'): LocaleReport {
  return localeReport(rowsFor(graph, states, locale), locale, audioOf(graph, locale), audioRule, spokenChoicesOf(graph))
}

export type StoryTranslation = { graph: StoryGraph; states: UnitState[]; rows: UnitRow[]; report: LocaleReport }

/** Everything the workspace and the status endpoint show for (story, locale); null for no story. */
export async function loadStoryTranslation(req: PayloadRequest, storyId: string, locale: LocaleCode, audioRule: AudioRule = 'none'): Promise<StoryTranslation | null> {
  const graph = await loadStoryGraph(req, storyId)
  if (!graph) return null
  // Only this locale's states: a unit's row never reads another locale's state.
  const states = await loadStates(req, storyId, [locale])
  const rows = rowsFor(graph, states, locale)
  return { graph, states, rows, report: localeReport(rows, locale, audioOf(graph, locale), audioRule, spokenChoicesOf(graph)) }
}

export class PublishRefused extends Error {
  constructor(
    readonly locale: string,
    readonly blockers: PublishBlocker[],
    audioRule: AudioRule = 'generated',
  ) {
    super(describeBlockers(locale, blockers, audioRule))
  }
}

export type Publication = { storyId: string; slug: string; locale: LocaleCode; state: PublicationState; previous: PublicationState }

/** The story_translations row of (story, locale) with its publication state. */
export async function translationRow(req: PayloadRequest, storyId: string, locale: LocaleCode) {
  const found = await req.payload.find({
    collection: SLUGS.storyTranslations,
    where: { and: [{ story: { equals: storyId } }, { languageCode: { equals: locale } }] },
    limit: 1,
    depth: 0,
    req,
    overrideAccess: true,
    select: { publicationState: true, storySlug: true, languageCode: true },
  })
  return found.docs[0] ?? null
}

export type StatusUnit = {
  id: string
  kind: string
  kindLabel: string
  collection: string
  docId: string
  field: string
  choiceKey: string | null
  speaker: string | null
  previousUnitId: string | null
  source: string
  target: string
  status: UnitStatus
  stale: boolean
  previousSource: string | null
  required: boolean
  audioUrl: string | null
  updatedAt: string | null
  updatedBy: string | null
}

export type StatusBody = {
  story: { id: string; slug: string; sourceLocale: string; title: string }
  locale: LocaleCode
  tag: string
  sourceLocale: LocaleCode | null
  publicationState: string
  settings: { requireApproval: boolean; requireAudio: AudioRule }
  /** Machine drafts are available (SARVAM_API_KEY is set). */
  machineTranslation: boolean
  counts: Record<'units' | 'missing' | 'machine' | 'stale' | 'translated' | 'approved' | 'nodes' | 'audioNodes', number>
  missing: string[]
  stale: string[]
  machine: string[]
  units: StatusUnit[]
  /** With `?source=xx`: every unit's own text in that locale (what the workspace shows as the source; display only). */
  shownSource?: { locale: LocaleCode; texts: Record<string, string> }
}

/** Every unit's own text in `locale` ('' when it has none), keyed by unit id. */
export function textsIn(t: StoryTranslation, locale: LocaleCode): Record<string, string> {
  return Object.fromEntries(t.rows.map((r) => [r.unit.id, r.unit.text[locale] ?? '']))
}

/** The translation-status answer (also the workspace's data): one object with every unit. */
export function statusBody(
  t: StoryTranslation,
  locale: LocaleCode,
  publicationState: string,
  settings: { requireApproval: boolean; requireAudio: AudioRule },
  machineTranslation = false,
): StatusBody {
  const source = t.report.sourceLocale
  const names = new Map(t.graph.characters.map((c) => [c.id, c.name]))
  const nodes = new Map(t.graph.nodes.map((n) => [n.id, n]))
  const title = t.graph.title
  return {
    story: { id: t.graph.id, slug: t.graph.slug, sourceLocale: graphSource(t.graph), title: title[locale] || title[graphSource(t.graph)] || title.en || t.graph.slug },
    locale,
    tag: bcp47Tag(locale),
    sourceLocale: source,
    publicationState: source === null ? 'source' : publicationState,
    settings,
    machineTranslation,
    counts: {
      units: t.report.total,
      missing: t.report.missing.length,
      machine: t.report.machine.length,
      stale: t.report.stale.length,
      translated: t.report.translated,
      approved: t.report.approved,
      nodes: t.report.nodes,
      audioNodes: t.report.audioNodes,
    },
    missing: t.report.missing,
    stale: t.report.stale,
    machine: t.report.machine,
    units: t.rows.map((r) => {
      const speaker = r.unit.speakerId ? names.get(r.unit.speakerId) : undefined
      return {
        id: r.unit.id,
        kind: r.unit.kind,
        kindLabel: UNIT_KIND_LABELS[r.unit.kind],
        collection: r.unit.collection,
        docId: r.unit.docId,
        field: r.unit.field,
        choiceKey: r.unit.choiceKey,
        speaker: speaker ? (speaker[locale] ?? speaker[source ?? 'en'] ?? speaker.en ?? null) : null,
        previousUnitId: r.unit.previousUnitId,
        source: r.source,
        target: r.target,
        status: r.status,
        stale: r.stale,
        previousSource: r.previousSource,
        required: r.required,
        audioUrl: r.unit.nodeId && r.unit.collection === 'story-nodes' ? (nodes.get(r.unit.nodeId)?.audio?.[locale] ?? null) : null,
        updatedAt: r.state?.updatedAt ?? null,
        updatedBy: r.state?.updatedBy ?? null,
      }
    }),
  }
}
