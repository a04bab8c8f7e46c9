/**
 * Compiles a story graph into one immutable JSON document per locale: everything a player needs
 * to tell the story, with text already resolved through the locale's fallback chain.
 *
 * - Each text names the locale it came from (`textLocale`) and whether that is a fallback. When no
 *   locale in the chain has text, `text` is '' and `textLocale` is null.
 * - A node's audio is the audio of the locale its text came from, so words and voice agree; the
 *   graph only holds audio made from the current text (see currentAudio), and a node with text but
 *   no such audio says `needsAudio`. Its read-along `cues` come with that audio. A choice's option
 *   carries its spoken audio the same way (`audioUrl`, spoken choices for children who cannot read).
 * - Nodes that are ends get type `end`, whatever type they were edited as.
 * - `startNodeId` is the start node (the first by story order if a broken story has several), or
 *   null when there is none; a player cannot start such a bundle.
 * - Narration and dialogue nodes carry their successor in `next` (their "continue" choice is folded
 *   into it) and no choices; choice nodes carry their options, ordered by key; ends carry neither.
 *   Targets that are not nodes of this story are null.
 * - `version` is `contentHash` of the rest of the bundle: equal content gives an equal version, and
 *   any change to what a listener of this locale would get gives a new one.
 * - `formatVersion` is the version of this document's shape (`format` is its older name, kept).
 *   Within a format version changes are additive only: new optional fields, never a removed,
 *   renamed or retyped one; a breaking change is a new format version. The shape is published as
 *   the `StoryBundle` schema of `/api/openapi.json` (src/domain/story/bundleSchema.ts).
 */
import { fallbackChain, type LocaleCode } from '@/locales'

import type { Cue } from '@/domain/audio/cues'
import { castSpeaker } from '@/domain/audio/speakers'

import { contentHash } from '@/domain/story/canonicalJson'
import {
  byStoryOrder,
  choicesAt,
  continueTarget,
  type GraphChoice,
  type GraphNode,
  hasOwnText,
  indexStory,
  isEndNode,
  isOwnNode,
  type LocalizedText,
  type NodeType,
  startNodes,
  type StoryGraph,
  type StoryIndex,
} from '@/domain/story/graph'
import { isComplete } from '@/domain/story/translation'

export const BUNDLE_FORMAT = 1

export type ResolvedText = {
  text: string
  /** The locale the text came from; null when no locale of the fallback chain has text. */
  textLocale: LocaleCode | null
  /** True when the text is not the bundle locale's own. */
  fallback: boolean
}

export type BundleChoice = ResolvedText & {
  key: string
  target: string | null
  isDefault: boolean
  /** The option read aloud (spoken choices), in the locale its text came from; null until voiced. */
  audioUrl: string | null
  /** It has text but no audio made from it (edited since, or never voiced). */
  needsAudio: boolean
}

export type BundleNode = ResolvedText & {
  id: string
  type: NodeType
  characterId: string | null
  audioUrl: string | null
  /** The line has text but no audio made from that text (yet): regeneration is pending. */
  needsAudio: boolean
  /** Read-along cues of `audioUrl`, per sentence in the text's script (empty without audio). */
  cues: Cue[]
  /** Successor of a narration or dialogue node; null for choices and ends. */
  next: string | null
  choices: BundleChoice[]
}

export type BundleCharacter = {
  id: string
  slug: string
  name: string
  voiceProfile: string
  speaker: string
  avatarUrl: string | null
}

export type BundleStory = {
  id: string
  slug: string
  title: string
  description: string
  moral: string
  ageRange: string
  region: string
  durationMin: number | null
  coverUrl: string | null
}

export type StoryBundle = {
  /** Same as `formatVersion`; kept for clients of the first bundles. */
  format: typeof BUNDLE_FORMAT
  formatVersion: typeof BUNDLE_FORMAT
  version: string
  locale: LocaleCode
  story: BundleStory
  characters: BundleCharacter[]
  /** In story order. */
  nodes: BundleNode[]
  startNodeId: string | null
  /** True when every node and choice has its own text in this locale. */
  complete: boolean
}

export function compileBundle(graph: StoryGraph, locale: LocaleCode): StoryBundle {
  const index = indexStory(graph)
  const content: Omit<StoryBundle, 'version'> = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT,
    locale,
    story: compileStory(graph, locale),
    characters: [...graph.characters].sort(byStoryOrder).map((character) => ({
      id: character.id,
      slug: character.slug,
      name: resolveText(character.name, locale).text,
      voiceProfile: character.voiceProfile,
      // The character's speaker for this locale with the configured voices: the cast's, else the default.
      speaker: castSpeaker(character, locale, character.bulbulSpeaker, graph.castModel ?? 'local'),
      avatarUrl: character.avatarUrl ?? null,
    })),
    nodes: index.nodes.map((node) => compileNode(index, node, locale)),
    startNodeId: startNodes(index)[0]?.id ?? null,
    complete: isComplete(graph, locale),
  }
  const { format, formatVersion, ...rest } = content
  return { format, formatVersion, version: contentHash(content), ...rest }
}

/** The text of the first locale in `locale`'s fallback chain that has its own text. */
export function resolveText(text: LocalizedText, locale: LocaleCode): ResolvedText {
  const textLocale = fallbackChain(locale).find((candidate) => hasOwnText(text, candidate)) ?? null
  return {
    text: textLocale ? (text[textLocale] ?? '') : '',
    textLocale,
    fallback: textLocale !== locale,
  }
}

function compileStory(graph: StoryGraph, locale: LocaleCode): BundleStory {
  return {
    id: graph.id,
    slug: graph.slug,
    title: resolveText(graph.title, locale).text,
    description: resolveText(graph.description, locale).text,
    moral: resolveText(graph.moral, locale).text,
    ageRange: graph.ageRange,
    region: graph.region,
    durationMin: graph.durationMin,
    coverUrl: graph.coverUrl,
  }
}

function compileNode(index: StoryIndex, node: GraphNode, locale: LocaleCode): BundleNode {
  const text = resolveText(node.text, locale)
  const isEnd = isEndNode(node)
  const isChoice = !isEnd && node.type === 'choice'
  const moves = !isEnd && !isChoice
  return {
    id: node.id,
    type: isEnd ? 'end' : node.type,
    characterId: node.characterId,
    ...text,
    audioUrl: audioUrl(node, text.textLocale),
    needsAudio: text.textLocale !== null && audioUrl(node, text.textLocale) === null,
    cues: (audioUrl(node, text.textLocale) && text.textLocale && node.cues?.[text.textLocale]) || [],
    next: moves ? ownTarget(index, continueTarget(index, node)) : null,
    choices: isChoice ? choicesAt(index, node.id).map((choice) => compileChoice(index, choice, locale)) : [],
  }
}

function compileChoice(index: StoryIndex, choice: GraphChoice, locale: LocaleCode): BundleChoice {
  const text = resolveText(choice.text, locale)
  return {
    key: choice.key,
    ...text,
    target: ownTarget(index, choice.nextNodeId),
    isDefault: choice.isDefault,
    audioUrl: (text.textLocale && choice.audio?.[text.textLocale]) || null,
    needsAudio: text.textLocale !== null && !choice.audio?.[text.textLocale],
  }
}

function audioUrl(node: GraphNode, locale: LocaleCode | null): string | null {
  return (locale && node.audio?.[locale]) || null
}

function ownTarget(index: StoryIndex, nodeId: string | null): string | null {
  return nodeId !== null && isOwnNode(index, nodeId) ? nodeId : null
}
