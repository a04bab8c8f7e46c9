import { describe, expect, it } from 'vitest'

import crowJson from '@/seed/stories/clever-crow.json'

import { parseSeedStory, seedToGraph } from '@/domain/story/seedFormat'

import { SEEDS, seedNamed } from './seeds'

describe('parseSeedStory', () => {
  it.each(SEEDS.map((seedCase) => [seedCase.file, seedCase] as const))('should accept %s', (_, { seed }) => {
    expect(seed.nodes.length).toBeGreaterThanOrEqual(10)
  })

  it('should reject a misspelt field', () => {
    const [first, ...rest] = crowJson.choices
    const { isDefault, ...withoutDefault } = first

    expect(() =>
      parseSeedStory({ ...crowJson, choices: [{ ...withoutDefault, isDefualt: isDefault }, ...rest] }),
    ).toThrow()
  })

  it('should reject an unknown node type', () => {
    const [first, ...rest] = crowJson.nodes

    expect(() => parseSeedStory({ ...crowJson, nodes: [{ ...first, type: 'song' }, ...rest] })).toThrow()
  })

  it('should reject text in an unknown locale', () => {
    expect(() => parseSeedStory({ ...crowJson, title: { en: 'The Clever Crow', xx: '?' } })).toThrow()
  })
})

describe('seedToGraph', () => {
  it('should use the slug as story id and node keys as node ids', () => {
    const graph = seedToGraph(seedNamed('clever-crow'))

    expect([graph.id, graph.nodes[0].id, graph.nodes[0].storyId]).toEqual(['clever-crow', 'intro', 'clever-crow'])
  })

  it('should name choices by node and key', () => {
    const graph = seedToGraph(seedNamed('clever-crow'))

    expect(graph.choices.map(({ id, nodeId, nextNodeId }) => ({ id, nodeId, nextNodeId }))).toEqual([
      { id: 'decide:A', nodeId: 'decide', nextNodeId: 'pebbles' },
      { id: 'decide:B', nodeId: 'decide', nextNodeId: 'fly-away' },
    ])
  })

  it('should use the character slug as character id', () => {
    const graph = seedToGraph(seedNamed('clever-crow'))

    expect(
      graph.characters.map(({ id, bulbulSpeaker, voiceProfile }) => ({ id, bulbulSpeaker, voiceProfile })),
    ).toEqual([
      { id: 'narrator', bulbulSpeaker: 'meera', voiceProfile: 'warm_elderly' },
      { id: 'crow', bulbulSpeaker: 'arvind', voiceProfile: 'young_energetic' },
    ])
  })

  it('should keep the cover file name as the cover', () => {
    expect(seedToGraph(seedNamed('monkey-and-crocodile')).coverUrl).toBe('monkey-crocodile-cover.png')
  })
})
