import { LOCALE_CODES, type LocaleCode } from '@/locales'

import {
  choicesAt,
  type GraphChoice,
  type GraphNode,
  hasOwnText,
  indexStory,
  type LocalizedText,
  type StoryGraph,
  type StoryIndex,
} from '@/domain/story/graph'

/** A node, or a choice on a node, without its own text in some locale. */
export type MissingText = { node: GraphNode; choice?: GraphChoice }

/** Every own node and every choice on one, in story order, that has no own text in `locale`. */
export function missingTexts(index: StoryIndex, locale: LocaleCode): MissingText[] {
  return index.nodes.flatMap((node) => [
    ...(hasOwnText(node.text, locale) ? [] : [{ node }]),
    ...choicesAt(index, node.id)
      .filter((choice) => !hasOwnText(choice.text, locale))
      .map((choice) => ({ node, choice })),
  ])
}

/** True when every node and every choice of the story has its own non-empty text in `locale`. */
export function isComplete(graph: StoryGraph, locale: LocaleCode): boolean {
  return missingTexts(indexStory(graph), locale).length === 0
}

/** The locales with text anywhere in the story (title, description, moral, names, nodes, choices). */
export function localesInGraph(index: StoryIndex): LocaleCode[] {
  const { graph } = index
  const texts: LocalizedText[] = [
    graph.title,
    graph.description,
    graph.moral,
    ...graph.characters.map((character) => character.name),
    ...index.nodes.map((node) => node.text),
    ...[...index.choicesByNode.values()].flat().map((choice) => choice.text),
  ]
  return LOCALE_CODES.filter((locale) => texts.some((text) => hasOwnText(text, locale)))
}
