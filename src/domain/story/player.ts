/**
 * The listening loop, split like ink's Story/StoryState: the bundle is immutable content, a
 * `ListenState` is one listener's place in it (plain JSON, versioned), and every move is a pure
 * function that returns a new state and never changes its inputs.
 *
 * A state belongs to one bundle version, and every function refuses a state of another story or
 * version. After the story is edited, or when the listener switches language, `reattach` carries
 * the state over to the other bundle when the listener's current node exists there.
 */
import { z } from 'zod'

import type { BundleChoice, BundleNode, StoryBundle } from '@/domain/story/bundle'

export const LISTEN_STATE_VERSION = 1

export type ChoiceMade = { nodeId: string; key: string }

export type ListenState = {
  stateVersion: typeof LISTEN_STATE_VERSION
  bundleVersion: string
  storyId: string
  currentNodeId: string
  /** Node ids visited, from the start node to the current node. */
  path: string[]
  /** Choices taken, including defaults taken by `advance`. */
  choices: ChoiceMade[]
  ended: boolean
}

export type StoryMoveErrorCode =
  | 'no-start'
  | 'wrong-story'
  | 'stale-bundle'
  | 'node-missing'
  | 'story-ended'
  | 'not-at-choice'
  | 'unknown-choice'
  | 'no-default-choice'
  | 'no-way-forward'

/** A move the story does not allow, with a code for programs and a plain message for people. */
export class StoryMoveError extends Error {
  readonly code: StoryMoveErrorCode

  constructor(code: StoryMoveErrorCode, message: string) {
    super(message)
    this.name = 'StoryMoveError'
    this.code = code
  }
}

const listenStateSchema = z.strictObject({
  stateVersion: z.literal(LISTEN_STATE_VERSION),
  bundleVersion: z.string(),
  storyId: z.string(),
  currentNodeId: z.string(),
  path: z.array(z.string()).min(1),
  choices: z.array(z.strictObject({ nodeId: z.string(), key: z.string() })),
  ended: z.boolean(),
})

/** Reads a state that came back from storage or a client; throws a ZodError when it is not one. */
export function parseListenState(value: unknown): ListenState {
  return listenStateSchema.parse(value)
}

export function start(bundle: StoryBundle): ListenState {
  if (bundle.startNodeId === null) {
    throw new StoryMoveError('no-start', `The story “${bundle.story.title}” has no start, so it cannot be played.`)
  }
  const startNode = findNode(bundle, bundle.startNodeId)
  return {
    stateVersion: LISTEN_STATE_VERSION,
    bundleVersion: bundle.version,
    storyId: bundle.story.id,
    currentNodeId: startNode.id,
    path: [startNode.id],
    choices: [],
    ended: startNode.type === 'end',
  }
}

export function currentNode(bundle: StoryBundle, state: ListenState): BundleNode {
  assertBelongs(bundle, state)
  return findNode(bundle, state.currentNodeId)
}

/** Takes the option with `key` at the current choice node. */
export function choose(bundle: StoryBundle, state: ListenState, key: string): ListenState {
  const node = movableNode(bundle, state)
  if (node.type !== 'choice') {
    throw new StoryMoveError('not-at-choice', 'There is nothing to choose here: the story is not at a choice.')
  }
  const choice = node.choices.find((option) => option.key === key)
  if (!choice) {
    const keys = node.choices.map((option) => option.key).join(', ')
    throw new StoryMoveError('unknown-choice', `There is no option “${key}” here. The options are: ${keys}.`)
  }
  return take(bundle, state, node, choice)
}

/** Moves on from a narration or dialogue node; at a choice node, takes the default option. */
export function advance(bundle: StoryBundle, state: ListenState): ListenState {
  const node = movableNode(bundle, state)
  if (node.type !== 'choice') {
    if (node.next === null) {
      throw new StoryMoveError('no-way-forward', 'The story cannot go on from here: nothing comes next.')
    }
    return moveTo(bundle, state, node.next, [])
  }
  const choice = node.choices.find((option) => option.isDefault)
  if (!choice) {
    throw new StoryMoveError('no-default-choice', 'The listener has to choose here: no option is the default.')
  }
  return take(bundle, state, node, choice)
}

/** Carries a state over to another version or locale of its story, when its current node exists there. */
export function reattach(bundle: StoryBundle, state: ListenState): ListenState {
  assertSameStory(bundle, state)
  const node = bundle.nodes.find((candidate) => candidate.id === state.currentNodeId)
  if (!node) {
    throw new StoryMoveError(
      'node-missing',
      'The part of the story the listener was at has been removed, so listening has to start again.',
    )
  }
  return { ...state, bundleVersion: bundle.version, ended: node.type === 'end' }
}

function take(bundle: StoryBundle, state: ListenState, node: BundleNode, choice: BundleChoice): ListenState {
  if (choice.target === null) {
    throw new StoryMoveError('no-way-forward', `Option “${choice.key}” does not lead anywhere yet.`)
  }
  return moveTo(bundle, state, choice.target, [{ nodeId: node.id, key: choice.key }])
}

function moveTo(bundle: StoryBundle, state: ListenState, nodeId: string, made: ChoiceMade[]): ListenState {
  const node = findNode(bundle, nodeId)
  return {
    ...state,
    currentNodeId: node.id,
    path: [...state.path, node.id],
    choices: [...state.choices, ...made],
    ended: node.type === 'end',
  }
}

/** The current node, after checking that the state fits the bundle and the story has not ended. */
function movableNode(bundle: StoryBundle, state: ListenState): BundleNode {
  const node = currentNode(bundle, state)
  if (state.ended || node.type === 'end') {
    throw new StoryMoveError('story-ended', 'The story has already ended. Start it again to listen once more.')
  }
  return node
}

function assertSameStory(bundle: StoryBundle, state: ListenState): void {
  if (state.storyId !== bundle.story.id) {
    throw new StoryMoveError(
      'wrong-story',
      `This listening state belongs to another story than “${bundle.story.title}”.`,
    )
  }
}

function assertBelongs(bundle: StoryBundle, state: ListenState): void {
  assertSameStory(bundle, state)
  if (state.bundleVersion !== bundle.version) {
    throw new StoryMoveError(
      'stale-bundle',
      'The story has changed since this listener started. Reattach the state to the new version first.',
    )
  }
}

function findNode(bundle: StoryBundle, nodeId: string): BundleNode {
  const node = bundle.nodes.find((candidate) => candidate.id === nodeId)
  if (!node) {
    throw new StoryMoveError('node-missing', `The story has no node “${nodeId}”.`)
  }
  return node
}

/**
 * Starts at `nodeId` instead of the start node (a play-test from the node being edited). The path
 * begins there; everything else is as after `start`.
 */
export function startAt(bundle: StoryBundle, nodeId: string): ListenState {
  const node = findNode(bundle, nodeId)
  return {
    stateVersion: LISTEN_STATE_VERSION,
    bundleVersion: bundle.version,
    storyId: bundle.story.id,
    currentNodeId: node.id,
    path: [node.id],
    choices: [],
    ended: node.type === 'end',
  }
}
