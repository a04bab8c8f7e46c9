/**
 * Checks a story graph against the semantics in `graph.ts` and explains every problem in words an
 * editor understands. Errors make a story unplayable or wrong; warnings are missing translations.
 * Whether an invalid story may be saved (e.g. while inactive) is the caller's decision.
 *
 * Reachability, unreachable nodes and loops are only judged when the story has a start; with
 * several starts, a node counts as reachable from any of them. A node with no way forward is
 * reported where the problem is: as a dead end, a choice node with too few options, or a broken
 * choice target. Nodes that can reach such a node are not reported again. What remains are closed
 * loops: groups of reachable nodes that lead only to each other; each loop is reported once.
 */
import type { LocaleCode } from '@/locales'

import { capitalize, choiceRef, listRefs, localeName, nodeRef } from '@/domain/story/describe'
import {
  choicesAt,
  type GraphChoice,
  type GraphNode,
  indexStory,
  isEndNode,
  isOwnNode,
  nextInStoryOrder,
  startNodes,
  type StoryGraph,
  type StoryIndex,
} from '@/domain/story/graph'
import { closedLoops, forwardEdges, reachableFrom, reverseEdges } from '@/domain/story/reachability'
import { localesInGraph, missingTexts } from '@/domain/story/translation'

export type IssueCode =
  | 'start-missing'
  | 'start-multiple'
  | 'node-unreachable'
  | 'dead-end'
  | 'trap-loop'
  | 'choice-target-missing'
  | 'choice-target-foreign'
  | 'choice-too-few'
  | 'choice-no-default'
  | 'choice-several-defaults'
  | 'choice-duplicate-key'
  | 'continue-choice-several'
  | 'continue-choice-not-default'
  | 'end-has-choices'
  | 'dialogue-without-character'
  | 'character-unknown'
  | 'translation-missing'

export type Issue = {
  code: IssueCode
  message: string
  nodeId?: string
  choiceId?: string
  locale?: LocaleCode
}

export type ValidationReport = { errors: Issue[]; warnings: Issue[] }

export type ValidateOptions = {
  /** Locales to check for missing text; default: every locale with text anywhere in the story. */
  locales?: LocaleCode[]
}

export function validateStory(graph: StoryGraph, options: ValidateOptions = {}): ValidationReport {
  const index = indexStory(graph)
  const locales = options.locales ?? localesInGraph(index)
  return {
    errors: [
      ...checkStart(index),
      ...index.nodes.flatMap((node) => checkNode(index, node)),
      ...checkReachability(index),
    ],
    warnings: locales.flatMap((locale) => checkTranslation(index, locale)),
  }
}

function checkStart(index: StoryIndex): Issue[] {
  const starts = startNodes(index)
  if (starts.length === 0) {
    return [
      {
        code: 'start-missing',
        message: 'The story has no start node. Mark the node where the story begins as the start.',
      },
    ]
  }
  if (starts.length > 1) {
    return [
      {
        code: 'start-multiple',
        message: `The story has ${starts.length} start nodes (${listRefs(starts.map(nodeRef))}). Only one node can be the start.`,
      },
    ]
  }
  return []
}

function checkNode(index: StoryIndex, node: GraphNode): Issue[] {
  const choices = choicesAt(index, node.id)
  return [
    ...checkCharacter(index, node),
    ...choices.flatMap((choice) => checkTarget(index, node, choice)),
    ...(isEndNode(node) ? checkEnd(node, choices) : []),
    ...(!isEndNode(node) && node.type === 'choice' ? checkChoiceNode(node, choices) : []),
    ...(!isEndNode(node) && node.type !== 'choice' ? checkContinue(index, node, choices) : []),
  ]
}

function checkCharacter(index: StoryIndex, node: GraphNode): Issue[] {
  if (node.characterId === null) {
    if (node.type !== 'dialogue') return []
    return [
      {
        code: 'dialogue-without-character',
        nodeId: node.id,
        message: `${capitalize(nodeRef(node))} is dialogue, but nobody says it. Pick the character who speaks.`,
      },
    ]
  }
  const known = index.graph.characters.some((character) => character.id === node.characterId)
  if (known) return []
  return [
    {
      code: 'character-unknown',
      nodeId: node.id,
      message: `${capitalize(nodeRef(node))} is spoken by a character who is not in this story. Pick one of the story's characters.`,
    },
  ]
}

function checkTarget(index: StoryIndex, node: GraphNode, choice: GraphChoice): Issue[] {
  const at = { nodeId: node.id, choiceId: choice.id }
  const choiceName = capitalize(choiceRef(choice, node))
  if (choice.nextNodeId === null) {
    return [
      {
        code: 'choice-target-missing',
        ...at,
        message: `${choiceName} does not lead anywhere. Pick the node it leads to.`,
      },
    ]
  }
  if (isOwnNode(index, choice.nextNodeId)) return []
  const target = index.nodeById.get(choice.nextNodeId)
  if (!target) {
    return [
      {
        code: 'choice-target-missing',
        ...at,
        message: `${choiceName} leads to a node that does not exist (id “${choice.nextNodeId}”). Pick the node it leads to.`,
      },
    ]
  }
  return [
    {
      code: 'choice-target-foreign',
      ...at,
      message: `${choiceName} leads to ${nodeRef(target)} of another story. A choice can only lead to a node of this story.`,
    },
  ]
}

function checkEnd(node: GraphNode, choices: GraphChoice[]): Issue[] {
  if (choices.length === 0) return []
  return [
    {
      code: 'end-has-choices',
      nodeId: node.id,
      message: `${capitalize(nodeRef(node))} is an ending, so the story stops there, but it has ${choices.length} ${choices.length === 1 ? 'choice' : 'choices'}. Remove them or unmark it as an ending.`,
    },
  ]
}

function checkChoiceNode(node: GraphNode, choices: GraphChoice[]): Issue[] {
  return [...checkOptionCount(node, choices), ...checkDefaults(node, choices), ...checkKeys(node, choices)]
}

function checkOptionCount(node: GraphNode, choices: GraphChoice[]): Issue[] {
  if (choices.length >= 2) return []
  const has = choices.length === 0 ? 'no options' : 'only one option'
  return [
    {
      code: 'choice-too-few',
      nodeId: node.id,
      message: `${capitalize(nodeRef(node))} is a choice with ${has}. A choice needs at least two options.`,
    },
  ]
}

function checkDefaults(node: GraphNode, choices: GraphChoice[]): Issue[] {
  const defaults = choices.filter((choice) => choice.isDefault)
  if (defaults.length === 0 && choices.length > 0) {
    return [
      {
        code: 'choice-no-default',
        nodeId: node.id,
        message: `None of the options on ${nodeRef(node)} is the default. Mark one as the default: it is taken when the listener does not choose.`,
      },
    ]
  }
  if (defaults.length > 1) {
    return [
      {
        code: 'choice-several-defaults',
        nodeId: node.id,
        message: `${capitalize(nodeRef(node))} has ${defaults.length} default options (${listRefs(defaults.map((choice) => choice.key))}). Only one option can be the default.`,
      },
    ]
  }
  return []
}

function checkKeys(node: GraphNode, choices: GraphChoice[]): Issue[] {
  return choices
    .filter((choice, position) => choices.findIndex((other) => other.key === choice.key) !== position)
    .map((duplicate) => ({
      code: 'choice-duplicate-key',
      nodeId: node.id,
      choiceId: duplicate.id,
      message: `${capitalize(nodeRef(node))} has more than one option with the key “${duplicate.key}”. Give each option its own key.`,
    }))
}

/** Rules for narration and dialogue nodes, which move on by themselves. */
function checkContinue(index: StoryIndex, node: GraphNode, choices: GraphChoice[]): Issue[] {
  const name = capitalize(nodeRef(node))
  if (choices.length > 1) {
    return [
      {
        code: 'continue-choice-several',
        nodeId: node.id,
        message: `${name} is ${node.type}, so it can only have one “continue” choice, but it has ${choices.length}. Make it a choice node or remove the extra choices.`,
      },
    ]
  }
  if (choices.length === 1 && !choices[0].isDefault) {
    return [
      {
        code: 'continue-choice-not-default',
        nodeId: node.id,
        choiceId: choices[0].id,
        message: `The only choice on ${nodeRef(node)} is not marked as the default, so the story never takes it. Mark it as the default “continue” or remove it.`,
      },
    ]
  }
  if (choices.length === 1 || nextInStoryOrder(index, node)) return []
  return [
    {
      code: 'dead-end',
      nodeId: node.id,
      message: `${name} is not an ending, but the story cannot go on from it: it is the last node and has no “continue” choice. Mark it as an ending or add a choice that leads on.`,
    },
  ]
}

function checkReachability(index: StoryIndex): Issue[] {
  const startIds = startNodes(index).map((node) => node.id)
  if (startIds.length === 0) return []
  const edges = forwardEdges(index)
  const reachable = reachableFrom(edges, startIds)
  const unreachable = index.nodes.filter((node) => !reachable.has(node.id)).map(unreachableIssue)

  const stoppingIds = index.nodes
    .filter((node) => isEndNode(node) || edges.get(node.id)?.length === 0)
    .map((node) => node.id)
  const canStop = reachableFrom(reverseEdges(edges), stoppingIds)
  const trapped = new Set([...reachable].filter((id) => !canStop.has(id)))
  const loops = closedLoops(index, edges, trapped).map((loop) => loopIssue(index, loop))
  return [...unreachable, ...loops]
}

function unreachableIssue(node: GraphNode): Issue {
  return {
    code: 'node-unreachable',
    nodeId: node.id,
    message: `${capitalize(nodeRef(node))} can never be reached from the start.`,
  }
}

function loopIssue(index: StoryIndex, loop: string[]): Issue {
  const nodes = loop.flatMap((id) => index.nodeById.get(id) ?? [])
  const refs = capitalize(listRefs(nodes.map(nodeRef)))
  const message =
    nodes.length === 1
      ? `${refs} leads back to itself, so a listener who gets there can never reach an ending.`
      : `${refs} lead round in a loop with no way out, so a listener who gets there can never reach an ending.`
  return { code: 'trap-loop', nodeId: loop[0], message: `${message} Add a way out of the loop.` }
}

function checkTranslation(index: StoryIndex, locale: LocaleCode): Issue[] {
  const language = localeName(locale)
  return missingTexts(index, locale).map(({ node, choice }) => ({
    code: 'translation-missing',
    nodeId: node.id,
    ...(choice ? { choiceId: choice.id } : {}),
    locale,
    message: `${language} is incomplete: ${choice ? choiceRef(choice, node) : nodeRef(node)} has no ${language} text.`,
  }))
}
