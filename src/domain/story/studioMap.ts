/**
 * What the Studio draws for a story graph, as plain data: the edges of the map (every choice, and
 * the implicit "continues to" of narration and dialogue), each node's text status in a locale
 * (its own text, a fallback and from which locale, or missing), the validation issues attached to
 * the nodes and choices they concern, a locale's completeness, and the next free choice key.
 *
 * Pure and free of Node built-ins: the Studio runs it in the browser.
 */
import { fallbackChain, type LocaleCode } from '@/locales'

import {
  choicesAt,
  continueTarget,
  type GraphChoice,
  hasOwnText,
  indexStory,
  isEndNode,
  isOwnNode,
  type LocalizedText,
  type StoryGraph,
} from '@/domain/story/graph'
import type { Issue, ValidationReport } from '@/domain/story/validate'

/** Key of a node's `metadata` where the Studio keeps the position the editor gave its card. */
export const STUDIO_METADATA_KEY = 'studio'

export type StudioPosition = { x: number; y: number }

/** The card position stored in a node's metadata (`metadata.studio.position`), if valid. */
export function positionFromMetadata(metadata: unknown): StudioPosition | null {
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) return null
  const studio = (metadata as Record<string, unknown>)[STUDIO_METADATA_KEY]
  if (!studio || typeof studio !== 'object') return null
  const position = (studio as Record<string, unknown>).position as Record<string, unknown> | undefined
  if (!position || typeof position.x !== 'number' || typeof position.y !== 'number') return null
  if (!Number.isFinite(position.x) || !Number.isFinite(position.y)) return null
  return { x: position.x, y: position.y }
}

/** `metadata` with the card position set, every other key kept. */
export function metadataWithPosition(metadata: unknown, position: StudioPosition): Record<string, unknown> {
  const base = metadata && typeof metadata === 'object' && !Array.isArray(metadata) ? (metadata as Record<string, unknown>) : {}
  const studio = base[STUDIO_METADATA_KEY] && typeof base[STUDIO_METADATA_KEY] === 'object' ? (base[STUDIO_METADATA_KEY] as Record<string, unknown>) : {}
  return { ...base, [STUDIO_METADATA_KEY]: { ...studio, position: { x: Math.round(position.x), y: Math.round(position.y) } } }
}

export type TextState = 'own' | 'fallback' | 'missing'

export type TextStatus = {
  state: TextState
  /** The locale the reader gets the text from (null when missing). */
  from: LocaleCode | null
  text: string
}

/** How a text reads in `locale`: its own, fallen back along the locale's chain, or missing. */
export function textStatus(text: LocalizedText, locale: LocaleCode): TextStatus {
  const from = fallbackChain(locale).find((candidate) => hasOwnText(text, candidate)) ?? null
  if (from === null) return { state: 'missing', from: null, text: '' }
  return { state: from === locale ? 'own' : 'fallback', from, text: text[from] ?? '' }
}

export type MapEdge = {
  id: string
  source: string
  target: string
  /** A choice (labelled, editable) or the implicit next-by-order of narration/dialogue. */
  kind: 'choice' | 'continue'
  choiceId?: string
  key?: string
  isDefault?: boolean
}

/**
 * The edges of the map: every choice of an own node whose target is an own node, and for each
 * narration/dialogue node without a default "continue" choice, a `continue` edge to the next node
 * in story order. Ends have no continue edge.
 */
export function mapEdges(graph: StoryGraph): MapEdge[] {
  const index = indexStory(graph)
  const edges: MapEdge[] = []
  for (const node of index.nodes) {
    const choices = choicesAt(index, node.id)
    for (const choice of choices) {
      if (choice.nextNodeId === null || !isOwnNode(index, choice.nextNodeId)) continue
      edges.push({ id: `c:${choice.id}`, source: node.id, target: choice.nextNodeId, kind: 'choice', choiceId: choice.id, key: choice.key, isDefault: choice.isDefault })
    }
    if (isEndNode(node) || node.type === 'choice' || choices.some((choice) => choice.isDefault)) continue
    const next = continueTarget(index, node)
    if (next !== null && isOwnNode(index, next)) edges.push({ id: `n:${node.id}`, source: node.id, target: next, kind: 'continue' })
  }
  return edges
}

export type IssuesAt = {
  nodes: Map<string, { errors: Issue[]; warnings: Issue[] }>
  choices: Map<string, { errors: Issue[]; warnings: Issue[] }>
  /** Issues that concern no node (e.g. the story has no start). */
  story: Issue[]
}

/**
 * Validation issues grouped by the node and choice they concern. Warnings are kept only for
 * `locale` (missing text in other locales is not this map's business).
 */
export function issuesAt(report: ValidationReport, locale: LocaleCode | null): IssuesAt {
  const nodes: IssuesAt['nodes'] = new Map()
  const choices: IssuesAt['choices'] = new Map()
  const story: Issue[] = []
  const add = (issue: Issue, kind: 'errors' | 'warnings') => {
    if (issue.choiceId) {
      const at = choices.get(issue.choiceId) ?? { errors: [], warnings: [] }
      at[kind].push(issue)
      choices.set(issue.choiceId, at)
    }
    if (issue.nodeId) {
      const at = nodes.get(issue.nodeId) ?? { errors: [], warnings: [] }
      at[kind].push(issue)
      nodes.set(issue.nodeId, at)
    }
    if (!issue.nodeId && !issue.choiceId) story.push(issue)
  }
  for (const issue of report.errors) add(issue, 'errors')
  for (const issue of report.warnings) if (locale === null || !issue.locale || issue.locale === locale) add(issue, 'warnings')
  return { nodes, choices, story }
}

/** Keys A…Z, then AA, AB…: the first one not taken on the node. */
export function nextFreeKey(taken: readonly string[]): string {
  const used = new Set(taken.map((key) => key.trim().toUpperCase()))
  for (let n = 0; n < 26 * 27; n++) {
    const key = n < 26 ? String.fromCharCode(65 + n) : String.fromCharCode(64 + Math.floor(n / 26)) + String.fromCharCode(65 + (n % 26))
    if (!used.has(key)) return key
  }
  throw new RangeError('No free choice key left on this node')
}

export type LocaleCompleteness = {
  locale: LocaleCode
  /** Texts of own nodes and their choices. */
  texts: number
  own: number
  fallback: number
  missing: number
  /** Share of texts that are the locale's own, 0-100, rounded down. */
  percent: number
}

/** How much of the story (node and choice texts) `locale` has of its own. */
export function localeCompleteness(graph: StoryGraph, locale: LocaleCode): LocaleCompleteness {
  const index = indexStory(graph)
  const texts: LocalizedText[] = index.nodes.flatMap((node) => [node.text, ...choicesAt(index, node.id).map((choice: GraphChoice) => choice.text)])
  const counts = { own: 0, fallback: 0, missing: 0 }
  for (const text of texts) counts[textStatus(text, locale).state]++
  return { locale, texts: texts.length, ...counts, percent: texts.length ? Math.floor((counts.own * 100) / texts.length) : 100 }
}
