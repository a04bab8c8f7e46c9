import { describe, expect, it } from 'vitest'

import { compileBundle, type StoryBundle } from '@/domain/story/bundle'
import {
  advance,
  choose,
  currentNode,
  type ListenState,
  parseListenState,
  reattach,
  start,
  startAt,
  StoryMoveError,
  type StoryMoveErrorCode,
} from '@/domain/story/player'
import { seedToGraph } from '@/domain/story/seedFormat'

import { buildGraph, deepFreeze, loadFixture } from './builders'
import { seedNamed, seedText } from './seeds'

const crowBundle = (locale: 'en' | 'hi' = 'en'): StoryBundle =>
  compileBundle(seedToGraph(seedNamed('clever-crow')), locale)

function advanceTimes(bundle: StoryBundle, state: ListenState, times: number): ListenState {
  return Array.from({ length: times }).reduce<ListenState>((current) => advance(bundle, current), state)
}

/** The crow story at its choice: intro, thirsty, search, pot, too-low, decide. */
const atDecision = (bundle: StoryBundle): ListenState => advanceTimes(bundle, start(bundle), 5)

function moveError(move: () => unknown): StoryMoveErrorCode | undefined {
  try {
    move()
  } catch (error) {
    if (error instanceof StoryMoveError) return error.code
    throw error
  }
  return undefined
}

describe('start', () => {
  it('should begin at the start node with nothing chosen', () => {
    const bundle = crowBundle()

    expect(start(bundle)).toEqual({
      stateVersion: 1,
      bundleVersion: bundle.version,
      storyId: 'clever-crow',
      currentNodeId: 'intro',
      path: ['intro'],
      choices: [],
      ended: false,
    })
  })

  it('should begin ended when the start node is an ending', () => {
    const bundle = compileBundle(buildGraph([{ id: 'n1', type: 'end' }]), 'en')

    expect(start(bundle).ended).toBe(true)
  })

  it('should refuse a story without a start', () => {
    const bundle = compileBundle(loadFixture('no-start').graph, 'en')

    expect(moveError(() => start(bundle))).toBe('no-start')
  })
})

describe('startAt', () => {
  it('should begin at the given node, with the path starting there', () => {
    const bundle = crowBundle()
    const state = startAt(bundle, 'decide')

    expect(state).toMatchObject({ currentNodeId: 'decide', path: ['decide'], choices: [], ended: false })
    expect(advance(bundle, state).path[0]).toBe('decide')
  })

  it('should refuse a node the story does not have', () => {
    expect(moveError(() => startAt(crowBundle(), 'nowhere'))).toBe('node-missing')
  })
})

describe('advance', () => {
  it('should move from narration to the next node', () => {
    const bundle = crowBundle()

    expect(advance(bundle, start(bundle))).toMatchObject({ currentNodeId: 'thirsty', path: ['intro', 'thirsty'] })
  })

  it('should take the default option at a choice and record it', () => {
    const bundle = crowBundle()

    expect(advance(bundle, atDecision(bundle))).toMatchObject({
      currentNodeId: 'pebbles',
      choices: [{ nodeId: 'decide', key: 'A' }],
    })
  })

  it('should end the story on reaching an ending', () => {
    const bundle = crowBundle()

    expect(advanceTimes(bundle, atDecision(bundle), 3)).toMatchObject({ currentNodeId: 'drinks', ended: true })
  })

  it('should refuse to move on from an ending', () => {
    const bundle = crowBundle()
    const ended = advanceTimes(bundle, atDecision(bundle), 3)

    expect(moveError(() => advance(bundle, ended))).toBe('story-ended')
  })

  it('should refuse a choice that has no default', () => {
    const bundle = compileBundle(loadFixture('choice-no-default').graph, 'en')

    expect(moveError(() => advance(bundle, start(bundle)))).toBe('no-default-choice')
  })

  it('should refuse to move on from a dead end', () => {
    const bundle = compileBundle(loadFixture('dead-end').graph, 'en')
    const atDeadEnd = choose(bundle, start(bundle), 'B')

    expect(moveError(() => advance(bundle, atDeadEnd))).toBe('no-way-forward')
  })
})

describe('choose', () => {
  it('should follow the chosen option and record it', () => {
    const bundle = crowBundle()

    expect(choose(bundle, atDecision(bundle), 'B')).toMatchObject({
      currentNodeId: 'fly-away',
      path: ['intro', 'thirsty', 'search', 'pot', 'too-low', 'decide', 'fly-away'],
      choices: [{ nodeId: 'decide', key: 'B' }],
      ended: false,
    })
  })

  it('should reach a different ending on each branch of the crow story', () => {
    const bundle = crowBundle()
    const endings = ['A', 'B'].map(
      (key) => advanceTimes(bundle, choose(bundle, atDecision(bundle), key), 2).currentNodeId,
    )

    expect(endings).toEqual(['drinks', 'river'])
  })

  it('should refuse to choose where there is no choice', () => {
    const bundle = crowBundle()

    expect(moveError(() => choose(bundle, start(bundle), 'A'))).toBe('not-at-choice')
  })

  it('should refuse an option that is not offered', () => {
    const bundle = crowBundle()

    expect(moveError(() => choose(bundle, atDecision(bundle), 'C'))).toBe('unknown-choice')
  })

  it('should say which options there are when refusing one', () => {
    const bundle = crowBundle()

    expect(() => choose(bundle, atDecision(bundle), 'C')).toThrow('There is no option “C” here. The options are: A, B.')
  })

  it('should refuse to choose after the story has ended', () => {
    const bundle = crowBundle()
    const ended = advanceTimes(bundle, choose(bundle, atDecision(bundle), 'B'), 2)

    expect(moveError(() => choose(bundle, ended, 'A'))).toBe('story-ended')
  })

  it('should refuse an option that leads nowhere', () => {
    const bundle = compileBundle(loadFixture('missing-target').graph, 'en')

    expect(moveError(() => choose(bundle, start(bundle), 'B'))).toBe('no-way-forward')
  })

  it('should refuse a state of another story', () => {
    const bundle = crowBundle()
    const other = { ...atDecision(bundle), storyId: 'monkey-and-crocodile' }

    expect(moveError(() => choose(bundle, other, 'A'))).toBe('wrong-story')
  })

  it('should refuse a state made for another version of the story', () => {
    const bundle = crowBundle()
    const stale = { ...atDecision(bundle), bundleVersion: '0000000000000000' }

    expect(moveError(() => choose(bundle, stale, 'A'))).toBe('stale-bundle')
  })

  it('should refuse a state whose node is not in the story', () => {
    const bundle = crowBundle()
    const lost = { ...atDecision(bundle), currentNodeId: 'ghost' }

    expect(moveError(() => choose(bundle, lost, 'A'))).toBe('node-missing')
  })

  it('should not change the bundle or the state it is given', () => {
    const bundle = deepFreeze(crowBundle())
    const state = deepFreeze(atDecision(bundle))

    expect(() => advance(bundle, choose(bundle, state, 'B'))).not.toThrow()
  })
})

describe('listening state as JSON', () => {
  it('should survive a JSON round trip unchanged', () => {
    const bundle = crowBundle()
    const state = choose(bundle, atDecision(bundle), 'B')

    expect(parseListenState(JSON.parse(JSON.stringify(state)))).toEqual(state)
  })

  it('should go on playing from a state read back from JSON', () => {
    const bundle = crowBundle()
    const stored = JSON.stringify(atDecision(bundle))

    expect(choose(bundle, parseListenState(JSON.parse(stored)), 'A').currentNodeId).toBe('pebbles')
  })

  it('should reject a state of an unknown state version', () => {
    const bundle = crowBundle()

    expect(() => parseListenState({ ...start(bundle), stateVersion: 2 })).toThrow()
  })

  it('should reject a state with an empty path', () => {
    const bundle = crowBundle()

    expect(() => parseListenState({ ...start(bundle), path: [] })).toThrow()
  })
})

describe('reattach', () => {
  it('should carry a state over to a new version when its node still exists', () => {
    const graph = seedToGraph(seedNamed('clever-crow'))
    const before = compileBundle(graph, 'en')
    const after = compileBundle({ ...graph, title: { en: 'The Very Clever Crow' } }, 'en')

    const state = reattach(after, atDecision(before))

    expect(choose(after, state, 'B')).toMatchObject({ bundleVersion: after.version, currentNodeId: 'fly-away' })
  })

  it('should carry a state over to another language of the same story', () => {
    const state = reattach(crowBundle('hi'), atDecision(crowBundle('en')))

    expect(currentNode(crowBundle('hi'), state).text).toBe(seedText('clever-crow', 'decide', 'hi'))
  })

  it('should refuse when the listener’s node has been removed', () => {
    const graph = seedToGraph(seedNamed('clever-crow'))
    const before = compileBundle(graph, 'en')
    const after = compileBundle({ ...graph, nodes: graph.nodes.filter((node) => node.id !== 'decide') }, 'en')

    expect(moveError(() => reattach(after, atDecision(before)))).toBe('node-missing')
  })

  it('should refuse a state of another story', () => {
    const monkey = compileBundle(seedToGraph(seedNamed('monkey-and-crocodile')), 'en')

    expect(moveError(() => reattach(monkey, start(crowBundle())))).toBe('wrong-story')
  })
})
