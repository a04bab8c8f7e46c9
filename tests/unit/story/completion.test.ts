import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { compileBundle, type StoryBundle } from '@/domain/story/bundle'
import { completion, distancesToEnd } from '@/domain/story/completion'
import { advance, choose, currentNode, type ListenState, start } from '@/domain/story/player'
import { seedToGraph } from '@/domain/story/seedFormat'

import { buildGraph, loadFixture, type NodeSpec, randomStoryGraph } from './builders'
import { seedNamed } from './seeds'

const crowBundle = (): StoryBundle => compileBundle(seedToGraph(seedNamed('clever-crow')), 'en')

/** Plays `moves` (an option key, or null to advance) and returns completion after each step. */
function completions(bundle: StoryBundle, moves: (string | null)[]): number[] {
  let state = start(bundle)
  const seen = [completion(bundle, state)]
  for (const move of moves) {
    state = move === null ? advance(bundle, state) : choose(bundle, state, move)
    seen.push(completion(bundle, state))
  }
  return seen
}

/** n1 → choice n2: A ends at once, B goes through five more nodes to its ending. */
const longBranch = (): StoryBundle =>
  compileBundle(
    buildGraph(
      [
        { id: 'n1', type: 'narration' },
        { id: 'n2', type: 'choice' },
        { id: 'n3', type: 'end' },
        ...['n4', 'n5', 'n6', 'n7', 'n8'].map((id): NodeSpec => ({ id, type: 'narration' })),
        { id: 'n9', type: 'end' },
      ],
      [
        { node: 'n2', key: 'A', next: 'n3', isDefault: true },
        { node: 'n2', key: 'B', next: 'n4' },
      ],
    ),
    'en',
  )

describe('completion', () => {
  it('should be 0 at the start of a story', () => {
    expect(completion(crowBundle(), start(crowBundle()))).toBe(0)
  })

  it('should be 100 at an ending', () => {
    expect(completions(crowBundle(), [null, null, null, null, null, 'B', null, null]).at(-1)).toBe(100)
  })

  it('should be 100 at the start of a story whose start is an ending', () => {
    const bundle = compileBundle(buildGraph([{ id: 'n1', type: 'end' }]), 'en')

    expect(completion(bundle, start(bundle))).toBe(100)
  })

  it('should divide the steps taken by the steps taken plus the fewest steps left', () => {
    // At the choice: 5 steps taken, 3 left (decide → pebbles → rising → drinks).
    expect(completions(crowBundle(), [null, null, null, null, null]).at(-1)).toBe(62.5)
  })

  it('should round down to two decimals', () => {
    // On the long branch: 4/7 = 57.142…, 5/7 = 71.428….
    expect(completions(longBranch(), [null, 'B', null, null, null])).toEqual([0, 50, 50, 50, 57.14, 71.42])
  })

  it('should not drop when the listener picks the longer branch', () => {
    const [, atChoice, onLongBranch] = completions(longBranch(), [null, 'B'])

    expect(onLongBranch).toBe(atChoice)
  })

  it('should keep the value reached when no ending can be reached any more', () => {
    const bundle = compileBundle(
      buildGraph(
        [
          { id: 'n1', type: 'narration' },
          { id: 'n2', type: 'choice' },
          { id: 'n3', type: 'end' },
          { id: 'n4', type: 'narration' },
        ],
        [
          { node: 'n2', key: 'A', next: 'n3', isDefault: true },
          { node: 'n2', key: 'B', next: 'n4' },
          { node: 'n4', key: 'A', next: 'n4', isDefault: true },
        ],
      ),
      'en',
    )

    expect(completions(bundle, [null, 'B', null, null])).toEqual([0, 50, 50, 50, 50])
  })

  it('should stay 0 in a loop entered straight from the start', () => {
    const bundle = compileBundle(loadFixture('trap-loop').graph, 'en')

    expect(completions(bundle, ['B', null, null, null])).toEqual([0, 0, 0, 0, 0])
  })

  it('should hold, not drop, while a loop with a way out is walked again', () => {
    // n1 → n2 → n1 → n2 → n1 → end: the plain ratio would go 0, 33.33, 66.66, 60, 80, 100.
    const bundle = compileBundle(loadFixture('valid-loop-with-exit').graph, 'en')

    expect(completions(bundle, ['B', null, 'B', null, 'A'])).toEqual([0, 33.33, 66.66, 66.66, 80, 100])
  })
})

describe('distancesToEnd', () => {
  it('should count the fewest moves from each node to an ending', () => {
    const distances = distancesToEnd(longBranch())

    expect(Object.fromEntries(distances)).toEqual({ n1: 2, n2: 1, n3: 0, n4: 5, n5: 4, n6: 3, n7: 2, n8: 1, n9: 0 })
  })
})

const randomBundle = randomStoryGraph.map((graph) => compileBundle(graph, 'en'))

/** Walks the story taking the option `picks[i]` selects at each choice; stops at an end. */
function randomWalk(bundle: StoryBundle, picks: number[]): ListenState[] {
  const states = [start(bundle)]
  for (const pickValue of picks) {
    const state = states[states.length - 1]
    if (state.ended) break
    const node = currentNode(bundle, state)
    states.push(
      node.type === 'choice'
        ? choose(bundle, state, node.choices[pickValue % node.choices.length].key)
        : advance(bundle, state),
    )
  }
  return states
}

describe('completion on random stories', () => {
  it('should never decrease, stay within 0 to 100 and be 100 exactly at endings', () => {
    fc.assert(
      fc.property(randomBundle, fc.array(fc.nat(), { maxLength: 60 }), (bundle, picks) => {
        const walk = randomWalk(bundle, picks)
        const values = walk.map((state) => completion(bundle, state))
        values.forEach((value, step) => {
          const atEnd = currentNode(bundle, walk[step]).type === 'end'
          expect(value).toBeGreaterThanOrEqual(step === 0 ? 0 : values[step - 1])
          expect(value).toBeLessThanOrEqual(100)
          expect(value === 100).toBe(atEnd)
          expect(Math.round(value * 100)).toBe(value * 100)
        })
      }),
      { numRuns: 500 },
    )
  })

  it('should be 0 at the start unless the start is an ending', () => {
    fc.assert(
      fc.property(randomBundle, (bundle) => {
        const state = start(bundle)
        expect(completion(bundle, state)).toBe(state.ended ? 100 : 0)
      }),
    )
  })
})
