import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { compileBundle, type StoryBundle } from '@/domain/story/bundle'
import { distancesToEnd } from '@/domain/story/completion'
import { seedToGraph } from '@/domain/story/seedFormat'
import { validateStory } from '@/domain/story/validate'

import { buildGraph, issueKey, loadFixture, loadFixtures, randomStoryGraph } from './builders'
import { SEEDS } from './seeds'

describe('validateStory over the story fixtures', () => {
  it.each(loadFixtures().map((fixture) => [fixture.should, fixture] as const))('should %s', (_, fixture) => {
    const report = validateStory(fixture.graph)

    expect({ errors: report.errors.map(issueKey), warnings: report.warnings.map(issueKey) }).toEqual(fixture.expect)
  })
})

describe('validateStory messages', () => {
  it('should name a node by its number and the start of its text', () => {
    const [issue] = validateStory(loadFixture('unreachable').graph).errors

    expect(issue.message).toBe('Node 3 “The crow finds a pot” can never be reached from the start.')
  })

  it('should name every node of a loop in one message', () => {
    const [issue] = validateStory(loadFixture('trap-loop').graph).errors

    expect(issue.message).toBe(
      'Node 2 “The crow plays catch” and node 3 “The crow plays again” lead round in a loop with no way out, ' +
        'so a listener who gets there can never reach an ending. Add a way out of the loop.',
    )
  })

  it('should name every start node when there are several', () => {
    const [issue] = validateStory(loadFixture('two-starts').graph).errors

    expect(issue.message).toBe(
      'The story has 2 start nodes (node 1 “The crow wakes up” and node 2 “The sun rises”). Only one node can be the start.',
    )
  })

  it('should name the choice, its node and the language of a missing translation', () => {
    const [issue] = validateStory(loadFixture('missing-translation').graph).warnings

    expect(issue.message).toBe('Tamil is incomplete: choice B “River” on node 1 “Which way?” has no Tamil text.')
  })

  it('should shorten long node texts at a word boundary', () => {
    const graph = buildGraph([
      { id: 'n1', type: 'narration' },
      { id: 'n2', type: 'end' },
      { id: 'n3', type: 'end', text: { en: 'Once upon a time, in a village by a wide river, there lived a crow' } },
    ])

    expect(validateStory(graph).errors[0].message).toBe(
      'Node 3 “Once upon a time, in a village by a wide…” can never be reached from the start.',
    )
  })

  it('should quote the first language that has text when a node has no English', () => {
    const graph = buildGraph([
      { id: 'n1', type: 'narration' },
      { id: 'n2', type: 'end' },
      { id: 'n3', type: 'end', text: { hi: 'कौआ सो गया' } },
    ])

    expect(validateStory(graph).errors[0].message).toBe('Node 3 “कौआ सो गया” can never be reached from the start.')
  })

  it('should refer to a node without any text by its number alone', () => {
    const graph = buildGraph([
      { id: 'n1', type: 'narration' },
      { id: 'n2', type: 'end' },
      { id: 'n3', type: 'end', text: {} },
    ])

    expect(validateStory(graph).errors[0].message).toBe('Node 3 can never be reached from the start.')
  })
})

describe('validateStory rules in detail', () => {
  it('should not judge reachability when the story has no start', () => {
    const codes = validateStory(loadFixture('no-start').graph).errors.map((issue) => issue.code)

    expect(codes).toEqual(['start-missing'])
  })

  it('should report a node that only leads into a dead end as the dead end alone', () => {
    const graph = buildGraph(
      [
        { id: 'n1', type: 'choice' },
        { id: 'n2', type: 'end' },
        { id: 'n3', type: 'narration' },
        { id: 'n4', type: 'narration' },
      ],
      [
        { node: 'n1', key: 'A', next: 'n2', isDefault: true },
        { node: 'n1', key: 'B', next: 'n3' },
      ],
    )

    expect(validateStory(graph).errors.map(issueKey)).toEqual([{ code: 'dead-end', nodeId: 'n4' }])
  })

  it('should report the loop, not the nodes leading into it', () => {
    const graph = buildGraph(
      [
        { id: 'n1', type: 'choice' },
        { id: 'n2', type: 'end' },
        { id: 'n3', type: 'narration' },
        { id: 'n4', type: 'narration' },
        { id: 'n5', type: 'narration' },
      ],
      [
        { node: 'n1', key: 'A', next: 'n2', isDefault: true },
        { node: 'n1', key: 'B', next: 'n3' },
        { node: 'n5', key: 'A', next: 'n4', isDefault: true },
      ],
    )

    expect(validateStory(graph).errors.map(issueKey)).toEqual([{ code: 'trap-loop', nodeId: 'n4' }])
  })

  it('should report each separate loop once', () => {
    const graph = buildGraph(
      [
        { id: 'n1', type: 'choice' },
        { id: 'n2', type: 'end' },
        { id: 'n3', type: 'narration' },
        { id: 'n4', type: 'narration' },
      ],
      [
        { node: 'n1', key: 'A', next: 'n2', isDefault: true },
        { node: 'n1', key: 'B', next: 'n3' },
        { node: 'n1', key: 'C', next: 'n4' },
        { node: 'n3', key: 'A', next: 'n3', isDefault: true },
        { node: 'n4', key: 'A', next: 'n4', isDefault: true },
      ],
    )

    expect(validateStory(graph).errors.map(issueKey)).toEqual([
      { code: 'trap-loop', nodeId: 'n3' },
      { code: 'trap-loop', nodeId: 'n4' },
    ])
  })

  it('should ignore nodes of other stories that no choice leads to', () => {
    const graph = loadFixture('valid-linear').graph
    const stranger = { ...graph.nodes[0], id: 'x1', storyId: 's2', isStart: true }

    expect(validateStory({ ...graph, nodes: [...graph.nodes, stranger] }).errors).toEqual([])
  })

  it('should treat a node of type end without the end flag as an ending', () => {
    const graph = buildGraph([
      { id: 'n1', type: 'narration' },
      { id: 'n2', type: 'end', isEnd: false },
    ])

    expect(validateStory(graph).errors).toEqual([])
  })

  it('should check only the locales it is given', () => {
    const report = validateStory(loadFixture('missing-translation').graph, { locales: ['en'] })

    expect(report.warnings).toEqual([])
  })

  it('should warn about a locale that has no text at all when it is asked for', () => {
    const report = validateStory(loadFixture('valid-linear').graph, { locales: ['bn'] })

    expect(report.warnings.map(issueKey)).toEqual(
      ['n1', 'n2', 'n3', 'n4'].map((nodeId) => ({ code: 'translation-missing', nodeId, locale: 'bn' })),
    )
  })

  it('should count whitespace-only text as missing', () => {
    const graph = buildGraph([
      { id: 'n1', type: 'narration', text: { en: 'Hello', hi: 'नमस्ते' } },
      { id: 'n2', type: 'end', text: { en: 'Bye', hi: '   ' } },
    ])

    expect(validateStory(graph).warnings.map(issueKey)).toEqual([
      { code: 'translation-missing', nodeId: 'n2', locale: 'hi' },
    ])
  })

  it('should report an empty story as having no start', () => {
    expect(validateStory(buildGraph([])).errors.map((issue) => issue.code)).toEqual(['start-missing'])
  })
})

describe('validateStory on the sample stories', () => {
  it.each(SEEDS.map((seedCase) => [seedCase.file, seedCase] as const))(
    'should find no errors and no warnings in %s',
    (_, { seed, locales }) => {
      expect(validateStory(seedToGraph(seed), { locales })).toEqual({ errors: [], warnings: [] })
    },
  )

  it.each(SEEDS.map((seedCase) => [seedCase.file, seedCase] as const))(
    'should find text in exactly the promised languages in %s',
    (_, { seed, locales }) => {
      expect(validateStory(seedToGraph(seed))).toEqual({ errors: [], warnings: [] })
      expect(new Set(seed.nodes.flatMap((node) => Object.keys(node.text)))).toEqual(new Set(locales))
    },
  )
})

describe('validateStory on random stories', () => {
  it('should report exactly the nodes a listener can never reach', () => {
    fc.assert(
      fc.property(randomStoryGraph, (graph) => {
        const reachable = reachableIds(compileBundle(graph, 'en'))
        const reported = validateStory(graph).errors.filter((issue) => issue.code === 'node-unreachable')

        expect(reported.map((issue) => issue.nodeId)).toEqual(
          graph.nodes.filter((node) => !reachable.has(node.id)).map((node) => node.id),
        )
      }),
    )
  })

  it('should report a loop exactly when a listener can get stuck away from every ending', () => {
    fc.assert(
      fc.property(randomStoryGraph, (graph) => {
        const bundle = compileBundle(graph, 'en')
        const distances = distancesToEnd(bundle)
        const canGetStuck = [...reachableIds(bundle)].some((id) => !distances.has(id))
        const codes = validateStory(graph).errors.map((issue) => issue.code)

        expect(codes.includes('trap-loop')).toBe(canGetStuck)
      }),
    )
  })
})

/** The nodes a listener can reach by any sequence of moves. */
function reachableIds(bundle: StoryBundle): Set<string> {
  const seen = new Set<string>(bundle.startNodeId ? [bundle.startNodeId] : [])
  for (const id of seen) {
    const node = bundle.nodes.find((candidate) => candidate.id === id)
    const targets = node?.type === 'choice' ? node.choices.map((choice) => choice.target) : [node?.next ?? null]
    for (const target of targets) if (target !== null) seen.add(target)
  }
  return seen
}
