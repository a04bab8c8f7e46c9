import type { Cue } from '@/domain/audio/cues'
import type { CastModel, VoiceCastEntry } from '@/domain/audio/speakers'
/**
 * # Story graph: the model every other story module works on
 *
 * An interactive story is a directed graph of nodes connected by choices.
 *
 * - **Own nodes.** The story's nodes are those whose `storyId` is the story's id, ordered by
 *   `displayOrder` (ties broken by id). `nodes` may also hold nodes of other stories; they are
 *   only there so that a choice pointing at one can be reported. Choices belong to the story
 *   when they are attached to one of its own nodes; other choices are ignored.
 * - **Start.** Exactly one node has `isStart`. The player begins there.
 * - **Ends.** A node is an end when its type is `end` *or* `isEnd` is true. The story stops at an
 *   end, so an end has no choices. An end may still be narrated or spoken by a character.
 * - **Choice nodes** offer at least two choices with distinct keys (A, B, C…), exactly one of
 *   them `isDefault`: the one taken when the listener does not choose (auto-play).
 * - **Narration and dialogue nodes** go to the target of their default choice when they have
 *   one (the "continue" choice), else to the next own node by story order. A linear story
 *   therefore needs no choices at all. Such a node may carry at most one choice and it must be
 *   the default: a second choice, or a lone choice that is not the default, would never be
 *   offered to a listener and is an error (until fixed, the node follows its first default
 *   choice by key, else story order). Dialogue nodes name their speaking character, who must be
 *   one of the story's characters; narration and choice nodes may name one (the narrator).
 * - **Targets.** Every choice leads to an own node of the same story. A missing target, an id
 *   that is not in the graph, or a node of another story is an error.
 * - **Ways forward** of a node are the nodes the player can move to from it: the targets of a
 *   choice node's choices; the one successor of a narration or dialogue node; none for an end.
 * - **Text** is a node's or choice's own text per locale. A locale is complete for a story when
 *   every own node and every choice on one has non-blank text of its own in that locale; readers
 *   fall back along `fallbackChain()` (hi-mixed → hi → en, others → en).
 *
 * The rules are checked by `validate.ts`, compiled for players by `bundle.ts`, played by
 * `player.ts` and measured by `completion.ts`; each module documents its own decisions.
 */
import type { LocaleCode } from '@/locales'

/** What a node is: the story_nodes.node_type values. */
export const NODE_TYPES = ['narration', 'dialogue', 'choice', 'end'] as const
export type NodeType = (typeof NODE_TYPES)[number]

/** Text in the locales that have their *own* text; no fallback is applied here. */
export type LocalizedText = Partial<Record<LocaleCode, string>>

export type GraphNode = {
  id: string
  storyId: string
  type: NodeType
  characterId: string | null
  displayOrder: number
  isStart: boolean
  isEnd: boolean
  text: LocalizedText
  /** Audio URL per locale. */
  audio?: Partial<Record<LocaleCode, string>>
  /** Read-along cues of that audio, per locale. */
  cues?: Partial<Record<LocaleCode, Cue[]>>
  /** Review state of that audio, per locale (pending / approved / rejected). */
  audioReview?: Partial<Record<LocaleCode, AudioReviewStatus>>
  /** Id of that audio file, per locale (the review screen approves it). */
  audioFileId?: Partial<Record<LocaleCode, string>>
}

export type GraphChoice = {
  id: string
  nodeId: string
  key: string
  text: LocalizedText
  nextNodeId: string | null
  isDefault: boolean
  /** Spoken choice: URL of the option read aloud, per locale (only audio made from its current text). */
  audio?: Partial<Record<LocaleCode, string>>
  /** Review state of that audio, per locale. */
  audioReview?: Partial<Record<LocaleCode, AudioReviewStatus>>
  /** Id of that audio file, per locale. */
  audioFileId?: Partial<Record<LocaleCode, string>>
}

/** Review state of a voiced line (see src/domain/audio/review.ts). */
export type AudioReviewStatus = 'pending' | 'approved' | 'rejected'

export type GraphCharacter = {
  id: string
  slug: string
  name: LocalizedText
  voiceProfile: string
  bulbulSpeaker: string
  /** Per-locale speakers where the character sounds different (the voice cast). */
  voiceCast?: readonly VoiceCastEntry[] | null
  displayOrder: number
  avatarUrl?: string | null
}

export type StoryGraph = {
  id: string
  slug: string
  ageRange: string
  region: string
  durationMin: number | null
  coverUrl: string | null
  isActive: boolean
  /** The language the story is written in (translations are made from it); en when absent. */
  sourceLocale?: LocaleCode
  title: LocalizedText
  description: LocalizedText
  moral: LocalizedText
  characters: GraphCharacter[]
  nodes: GraphNode[]
  choices: GraphChoice[]
  /** Whose voices the story is voiced with (the voice cast may differ per model); local when absent. */
  castModel?: CastModel
}

/** Lookups over one graph, built once so that every rule runs in linear time. */
export type StoryIndex = {
  graph: StoryGraph
  /** The story's own nodes in story order. */
  nodes: GraphNode[]
  /** Every node in the graph, including nodes of other stories. */
  nodeById: ReadonlyMap<string, GraphNode>
  /** Choices of each own node, ordered by key. */
  choicesByNode: ReadonlyMap<string, GraphChoice[]>
  /** Position of each own node in story order. */
  positionById: ReadonlyMap<string, number>
}

function compareStrings(a: string, b: string): number {
  if (a === b) return 0
  return a < b ? -1 : 1
}

export function byStoryOrder(a: { displayOrder: number; id: string }, b: { displayOrder: number; id: string }): number {
  return a.displayOrder - b.displayOrder || compareStrings(a.id, b.id)
}

function byChoiceKey(a: GraphChoice, b: GraphChoice): number {
  return compareStrings(a.key, b.key) || compareStrings(a.id, b.id)
}

/** True when `text` has non-blank text of the locale's own. */
export function hasOwnText(text: LocalizedText, locale: LocaleCode): boolean {
  return (text[locale]?.trim() ?? '') !== ''
}

export function isEndNode(node: Pick<GraphNode, 'type' | 'isEnd'>): boolean {
  return node.type === 'end' || node.isEnd
}

export function indexStory(graph: StoryGraph): StoryIndex {
  const nodes = graph.nodes.filter((node) => node.storyId === graph.id).sort(byStoryOrder)
  const positionById = new Map(nodes.map((node, position) => [node.id, position]))
  const choicesByNode = new Map<string, GraphChoice[]>(nodes.map((node) => [node.id, []]))
  for (const choice of graph.choices) choicesByNode.get(choice.nodeId)?.push(choice)
  for (const choices of choicesByNode.values()) choices.sort(byChoiceKey)
  return {
    graph,
    nodes,
    nodeById: new Map(graph.nodes.map((node) => [node.id, node])),
    choicesByNode,
    positionById,
  }
}

export function isOwnNode(index: StoryIndex, nodeId: string): boolean {
  return index.positionById.has(nodeId)
}

export function choicesAt(index: StoryIndex, nodeId: string): GraphChoice[] {
  return index.choicesByNode.get(nodeId) ?? []
}

function defaultChoice(choices: GraphChoice[]): GraphChoice | undefined {
  return choices.find((choice) => choice.isDefault)
}

export function startNodes(index: StoryIndex): GraphNode[] {
  return index.nodes.filter((node) => node.isStart)
}

/** The own node after `node` in story order, or null for the last one. */
export function nextInStoryOrder(index: StoryIndex, node: GraphNode): GraphNode | null {
  const position = index.positionById.get(node.id)
  return position === undefined ? null : (index.nodes[position + 1] ?? null)
}

/**
 * Where a narration or dialogue node continues to: its default choice's target (which may be
 * missing or broken; validation reports that), else the next node in story order, else null.
 */
export function continueTarget(index: StoryIndex, node: GraphNode): string | null {
  const continueChoice = defaultChoice(choicesAt(index, node.id))
  if (continueChoice) return continueChoice.nextNodeId
  return nextInStoryOrder(index, node)?.id ?? null
}

/** Own nodes the player can move to from `node` (broken targets are left out). */
export function waysForward(index: StoryIndex, node: GraphNode): string[] {
  if (isEndNode(node)) return []
  const targets =
    node.type === 'choice'
      ? choicesAt(index, node.id).map((choice) => choice.nextNodeId)
      : [continueTarget(index, node)]
  return targets.filter((target): target is string => target !== null && isOwnNode(index, target))
}
