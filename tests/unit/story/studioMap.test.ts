import { describe, expect, it } from 'vitest'

import {
  issuesAt,
  localeCompleteness,
  mapEdges,
  metadataWithPosition,
  nextFreeKey,
  positionFromMetadata,
  textStatus,
} from '@/domain/story/studioMap'
import { validateStory } from '@/domain/story/validate'

import { buildGraph } from './builders'

const branching = () =>
  buildGraph(
    [
      { id: 'start', type: 'narration' },
      { id: 'talk', type: 'dialogue' },
      { id: 'pick', type: 'choice' },
      { id: 'endA', type: 'end', text: { en: 'A', hi: 'ए' } },
      { id: 'endB', type: 'end' },
    ],
    [
      { node: 'pick', key: 'A', next: 'endA', isDefault: true },
      { node: 'pick', key: 'B', next: 'endB' },
    ],
  )

describe('mapEdges', () => {
  it('should draw every choice as a labelled edge and implicit next-by-order as continue edges', () => {
    const edges = mapEdges(branching())

    expect(edges).toEqual([
      { id: 'n:start', source: 'start', target: 'talk', kind: 'continue' },
      { id: 'n:talk', source: 'talk', target: 'pick', kind: 'continue' },
      { id: 'c:pick:A', source: 'pick', target: 'endA', kind: 'choice', choiceId: 'pick:A', key: 'A', isDefault: true },
      { id: 'c:pick:B', source: 'pick', target: 'endB', kind: 'choice', choiceId: 'pick:B', key: 'B', isDefault: false },
    ])
  })

  it('should draw a narration node with a default continue choice only by that choice', () => {
    const graph = buildGraph(
      [
        { id: 'a', type: 'narration' },
        { id: 'b', type: 'narration', isEnd: true },
        { id: 'c', type: 'end' },
      ],
      [{ node: 'a', key: 'A', next: 'c', isDefault: true }],
    )

    expect(mapEdges(graph).map((edge) => edge.id)).toEqual(['c:a:A'])
  })

  it('should leave out choices without a target', () => {
    const graph = buildGraph([{ id: 'a', type: 'choice' }, { id: 'b', type: 'end' }], [{ node: 'a', key: 'A', next: null }])

    expect(mapEdges(graph)).toEqual([])
  })
})

describe('textStatus', () => {
  it.each([
    [{ en: 'Hello', hi: 'नमस्ते' }, 'hi', { state: 'own', from: 'hi', text: 'नमस्ते' }],
    [{ en: 'Hello' }, 'hi', { state: 'fallback', from: 'en', text: 'Hello' }],
    [{ en: 'Hello', hi: 'नमस्ते' }, 'hi-mixed', { state: 'fallback', from: 'hi', text: 'नमस्ते' }],
    [{ hi: 'नमस्ते' }, 'ta', { state: 'missing', from: null, text: '' }],
    [{ en: '  ' }, 'en', { state: 'missing', from: null, text: '' }],
  ] as const)('should read %j in %s as %j', (text, locale, expected) => {
    expect(textStatus(text, locale)).toEqual(expected)
  })
})

describe('issuesAt', () => {
  it('should attach errors to their node and choice, and keep warnings of the given locale only', () => {
    const graph = buildGraph(
      [
        { id: 'a', type: 'choice', text: { en: 'Pick', hi: 'चुनो' } },
        { id: 'b', type: 'end', text: { en: 'B', ta: 'பி' } },
      ],
      [{ node: 'a', key: 'A', next: 'b' }],
    )
    const at = issuesAt(validateStory(graph), 'hi')

    expect(at.nodes.get('a')?.errors.map((i) => i.code)).toEqual(['choice-too-few', 'choice-no-default'])
    expect(at.nodes.get('b')?.warnings.map((i) => [i.code, i.locale])).toEqual([['translation-missing', 'hi']])
    expect(at.choices.get('a:A')?.warnings.map((i) => i.locale)).toEqual(['hi'])
    expect([...at.nodes.values()].flatMap((n) => n.warnings).some((i) => i.locale === 'ta')).toBe(false)
  })

  it('should keep issues without a node as story issues', () => {
    const graph = buildGraph([{ id: 'a', type: 'end', isStart: false }])
    graph.nodes[0]!.isStart = false

    expect(issuesAt(validateStory(graph), null).story.map((i) => i.code)).toEqual(['start-missing'])
  })
})

describe('nextFreeKey', () => {
  it.each([
    [[], 'A'],
    [['A'], 'B'],
    [['A', 'C'], 'B'],
    [['a', 'b'], 'C'],
    [Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i)), 'AA'],
  ])('should give the first free key after %j: %s', (taken, expected) => {
    expect(nextFreeKey(taken)).toBe(expected)
  })
})

describe('positions in metadata', () => {
  it('should read back the position it wrote and keep other metadata', () => {
    const written = metadataWithPosition({ mood: 'happy', studio: { collapsed: true } }, { x: 10.4, y: -3.6 })

    expect(written).toEqual({ mood: 'happy', studio: { collapsed: true, position: { x: 10, y: -4 } } })
    expect(positionFromMetadata(written)).toEqual({ x: 10, y: -4 })
  })

  it.each([null, {}, [], { studio: { position: { x: 'a', y: 1 } } }, { studio: { position: { x: Infinity, y: 1 } } }])(
    'should give no position for %j',
    (metadata) => {
      expect(positionFromMetadata(metadata)).toBeNull()
    },
  )
})

describe('localeCompleteness', () => {
  it('should count node and choice texts that are the locale own, fallen back or missing', () => {
    const result = localeCompleteness(branching(), 'hi')

    expect(result).toEqual({ locale: 'hi', texts: 7, own: 1, fallback: 6, missing: 0, percent: 14 })
  })
})
