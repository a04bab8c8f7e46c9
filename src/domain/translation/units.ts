/**
 * # Translation units: what a translator translates, in the order a listener hears it
 *
 * A unit is one localized text of a story: the story's title, description and moral, each
 * character's name, each node's text and each choice's text. Its id is stable and readable,
 * `<kind of document>/<document id>/<field>` (e.g. `node/<uuid>/text_content`), and is what
 * translation states, XLIFF and CSV files key on.
 *
 * Reading order: title, description, moral, character names (by display order), then the nodes
 * in graph order from the start node, depth first (a branch is read to its end before the next
 * one, options by key), each node followed by its choices; nodes no path reaches come last in
 * story order. A unit's `previousUnitId` is the line the listener heard just before it: a node's
 * predecessor on that walk, or for a choice its node.
 *
 * A unit is *required* in a locale only when its source has text (an empty moral needs no
 * translation).
 */
import { fallbackChain, getLocale, type LocaleCode } from '@/locales'

import { choicesAt, type GraphNode, hasOwnText, indexStory, isEndNode, type LocalizedText, type StoryGraph, waysForward } from '@/domain/story/graph'

export type UnitKind =
  | 'title'
  | 'description'
  | 'moral'
  | 'character-name'
  | 'narration'
  | 'dialogue'
  | 'choice-prompt'
  | 'ending'
  | 'choice-option'

export type UnitCollection = 'stories' | 'characters' | 'story-nodes' | 'story-choices'
export type UnitField = 'title' | 'description' | 'moral' | 'name' | 'textContent'

export type TranslationUnit = {
  id: string
  kind: UnitKind
  collection: UnitCollection
  docId: string
  field: UnitField
  /** Character speaking the line (nodes), or null. */
  speakerId: string | null
  /** The line heard just before this one, or null. */
  previousUnitId: string | null
  /** Node the unit belongs to (its own node, or a choice's node); null for story/character units. */
  nodeId: string | null
  choiceKey: string | null
  text: LocalizedText
}

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  title: 'Title',
  description: 'Description',
  moral: 'Moral',
  'character-name': 'Character name',
  narration: 'Narration',
  dialogue: 'Dialogue line',
  'choice-prompt': 'Choice question',
  ending: 'Ending',
  'choice-option': 'Choice option',
}

const PREFIX: Record<UnitCollection, string> = { stories: 'story', characters: 'character', 'story-nodes': 'node', 'story-choices': 'choice' }
const COLUMN: Record<UnitField, string> = { title: 'title', description: 'description', moral: 'moral', name: 'name', textContent: 'text_content' }

export function unitId(collection: UnitCollection, docId: string, field: UnitField): string {
  return `${PREFIX[collection]}/${docId}/${COLUMN[field]}`
}

/** Parses a unit id back into its document and field; null when it is not one. */
export function parseUnitId(id: string): { collection: UnitCollection; docId: string; field: UnitField } | null {
  const m = /^(story|character|node|choice)\/([0-9a-f-]{36})\/(title|description|moral|name|text_content)$/.exec(id)
  if (!m) return null
  const collection = (Object.entries(PREFIX).find(([, p]) => p === m[1])![0]) as UnitCollection
  const field = (Object.entries(COLUMN).find(([, c]) => c === m[3])![0]) as UnitField
  const allowed: Record<UnitCollection, UnitField[]> = {
    stories: ['title', 'description', 'moral'],
    characters: ['name'],
    'story-nodes': ['textContent'],
    'story-choices': ['textContent'],
  }
  return allowed[collection].includes(field) ? { collection, docId: m[2]!, field } : null
}

/** The localized fields of each collection that are translation units. */
export const TRANSLATABLE_FIELDS: Record<UnitCollection, UnitField[]> = {
  stories: ['title', 'description', 'moral'],
  characters: ['name'],
  'story-nodes': ['textContent'],
  'story-choices': ['textContent'],
}

function nodeKind(node: GraphNode): UnitKind {
  if (isEndNode(node)) return 'ending'
  if (node.type === 'choice') return 'choice-prompt'
  return node.type === 'dialogue' ? 'dialogue' : 'narration'
}

/** Own nodes in reading order (depth first from the start, then unreached nodes) with who came before. */
export function readingOrder(graph: StoryGraph): { node: GraphNode; previous: GraphNode | null }[] {
  const index = indexStory(graph)
  const out: { node: GraphNode; previous: GraphNode | null }[] = []
  const seen = new Set<string>()
  const start = index.nodes.find((n) => n.isStart)
  const stack: { id: string; previous: GraphNode | null }[] = start ? [{ id: start.id, previous: null }] : []
  while (stack.length) {
    const { id, previous } = stack.pop()!
    if (seen.has(id)) continue
    const node = index.nodeById.get(id)
    if (!node) continue
    seen.add(id)
    out.push({ node, previous })
    const next = waysForward(index, node).filter((t) => !seen.has(t))
    for (let i = next.length - 1; i >= 0; i--) stack.push({ id: next[i]!, previous: node })
  }
  for (const node of index.nodes) {
    if (!seen.has(node.id)) {
      seen.add(node.id)
      out.push({ node, previous: null })
    }
  }
  return out
}

/** Every translation unit of the story in reading order. */
export function translationUnits(graph: StoryGraph): TranslationUnit[] {
  const index = indexStory(graph)
  const base = { speakerId: null, previousUnitId: null, nodeId: null, choiceKey: null }
  const units: TranslationUnit[] = [
    { ...base, id: unitId('stories', graph.id, 'title'), kind: 'title', collection: 'stories', docId: graph.id, field: 'title', text: graph.title },
    { ...base, id: unitId('stories', graph.id, 'description'), kind: 'description', collection: 'stories', docId: graph.id, field: 'description', text: graph.description },
    { ...base, id: unitId('stories', graph.id, 'moral'), kind: 'moral', collection: 'stories', docId: graph.id, field: 'moral', text: graph.moral },
  ]
  const characters = [...graph.characters].sort((a, b) => a.displayOrder - b.displayOrder || (a.id < b.id ? -1 : 1))
  for (const c of characters) {
    units.push({ ...base, id: unitId('characters', c.id, 'name'), kind: 'character-name', collection: 'characters', docId: c.id, field: 'name', text: c.name })
  }
  for (const { node, previous } of readingOrder(graph)) {
    const nodeUnit = unitId('story-nodes', node.id, 'textContent')
    units.push({
      id: nodeUnit,
      kind: nodeKind(node),
      collection: 'story-nodes',
      docId: node.id,
      field: 'textContent',
      speakerId: node.characterId,
      previousUnitId: previous ? unitId('story-nodes', previous.id, 'textContent') : null,
      nodeId: node.id,
      choiceKey: null,
      text: node.text,
    })
    for (const choice of choicesAt(index, node.id)) {
      units.push({
        id: unitId('story-choices', choice.id, 'textContent'),
        kind: 'choice-option',
        collection: 'story-choices',
        docId: choice.id,
        field: 'textContent',
        speakerId: null,
        previousUnitId: nodeUnit,
        nodeId: node.id,
        choiceKey: choice.key,
        text: choice.text,
      })
    }
  }
  return units
}

/**
 * The locale a translation into `locale` is made from: its fallback parent when it has one (`hi`
 * for `hi-mixed`), else the story's source locale. null when `locale` is the story's source.
 */
export function sourceLocaleOf(locale: LocaleCode, storySource: LocaleCode): LocaleCode | null {
  const parent = getLocale(locale).fallback as LocaleCode | undefined
  if (parent && parent !== locale) return parent
  return locale === storySource ? null : storySource
}

/** The source text a translation of `text` into `locale` is made from ('' when there is none). */
export function sourceText(text: LocalizedText, source: LocaleCode): string {
  const from = fallbackChain(source).find((l) => hasOwnText(text, l))
  return from ? text[from]! : ''
}
