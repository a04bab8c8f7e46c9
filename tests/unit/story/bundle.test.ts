import { describe, expect, it } from 'vitest'

import { compileBundle, resolveText } from '@/domain/story/bundle'
import type { StoryGraph } from '@/domain/story/graph'
import { seedToGraph } from '@/domain/story/seedFormat'
import type { LocaleCode } from '@/locales'
import { isComplete } from '@/domain/story/translation'

import { buildGraph, deepFreeze } from './builders'
import { seedNamed, seedText } from './seeds'

const crow = (): StoryGraph => seedToGraph(seedNamed('clever-crow'))
const monkey = (): StoryGraph => seedToGraph(seedNamed('monkey-and-crocodile'))

function withNodeText(graph: StoryGraph, nodeId: string, locale: LocaleCode, text: string): StoryGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => (node.id === nodeId ? { ...node, text: { ...node.text, [locale]: text } } : node)),
  }
}

/** The same value with every object's keys in reverse order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, member]) => [key, reverseKeys(member)]),
    ) as T
  }
  return value
}

describe('resolveText', () => {
  it('should use the locale’s own text without falling back', () => {
    expect(resolveText({ en: 'Crow', hi: 'कौआ' }, 'hi')).toEqual({ text: 'कौआ', textLocale: 'hi', fallback: false })
  })

  it('should fall back from Hinglish to Hindi', () => {
    expect(resolveText({ en: 'Crow', hi: 'कौआ' }, 'hi-mixed')).toEqual({
      text: 'कौआ',
      textLocale: 'hi',
      fallback: true,
    })
  })

  it('should fall back from Hinglish to English when there is no Hindi either', () => {
    expect(resolveText({ en: 'Crow' }, 'hi-mixed')).toEqual({ text: 'Crow', textLocale: 'en', fallback: true })
  })

  it('should fall back from Tamil to English, not to Hindi', () => {
    expect(resolveText({ en: 'Crow', hi: 'कौआ' }, 'ta')).toEqual({ text: 'Crow', textLocale: 'en', fallback: true })
  })

  it('should skip whitespace-only text', () => {
    expect(resolveText({ en: 'Crow', ta: '  ' }, 'ta')).toEqual({ text: 'Crow', textLocale: 'en', fallback: true })
  })

  it('should give empty text and no locale when no locale of the chain has text', () => {
    expect(resolveText({ bn: 'কাক' }, 'ta')).toEqual({ text: '', textLocale: null, fallback: true })
  })
})

describe('compileBundle', () => {
  it('should describe the story in the bundle locale', () => {
    const bundle = compileBundle(crow(), 'hi')

    expect(bundle).toMatchObject({
      format: 1,
      formatVersion: 1,
      locale: 'hi',
      story: {
        id: 'clever-crow',
        slug: 'clever-crow',
        title: 'चतुर कौआ',
        ageRange: '4-8',
        coverUrl: 'clever-crow-cover.png',
      },
      startNodeId: 'intro',
    })
  })

  it('should list characters with their resolved name and speaker', () => {
    const bundle = compileBundle(crow(), 'hi')

    expect(bundle.characters).toEqual([
      {
        id: 'narrator',
        slug: 'narrator',
        name: 'दादी',
        voiceProfile: 'warm_elderly',
        speaker: 'meera',
        avatarUrl: null,
      },
      { id: 'crow', slug: 'crow', name: 'कौआ', voiceProfile: 'young_energetic', speaker: 'arvind', avatarUrl: null },
    ])
  })

  it("should give each character the voice cast's speaker for the bundle's locale, the default elsewhere", () => {
    const graph = crow()
    graph.characters = graph.characters.map((c) => (c.id === 'crow' ? { ...c, voiceCast: [{ locale: 'ta', speaker: 'Amol' }] } : c))
    const speakers = (locale: 'ta' | 'hi') => compileBundle(graph, locale).characters.map((c) => [c.id, c.speaker])
    expect(speakers('ta')).toEqual([
      ['narrator', 'meera'],
      ['crow', 'amol'],
    ])
    expect(speakers('hi')).toEqual([
      ['narrator', 'meera'],
      ['crow', 'arvind'],
    ])
  })

  it('should flag Hinglish text that came from Hindi', () => {
    const node = compileBundle(crow(), 'hi-mixed').nodes[0]

    expect(node).toMatchObject({ textLocale: 'hi', fallback: true, text: seedText('clever-crow', 'intro', 'hi') })
  })

  it('should flag Tamil text that came from English', () => {
    const node = compileBundle(crow(), 'ta').nodes[0]

    expect(node).toMatchObject({ textLocale: 'en', fallback: true, text: seedText('clever-crow', 'intro', 'en') })
  })

  it('should resolve each node on its own, mixing own and fallback text', () => {
    const graph = withNodeText(monkey(), 'friends', 'hi-mixed', '')

    const [intro, friends] = compileBundle(graph, 'hi-mixed').nodes

    expect([intro, friends].map(({ textLocale, fallback }) => ({ textLocale, fallback }))).toEqual([
      { textLocale: 'hi-mixed', fallback: false },
      { textLocale: 'hi', fallback: true },
    ])
  })

  it('should resolve choice texts through the fallback chain', () => {
    const decide = compileBundle(crow(), 'hi-mixed').nodes.find((node) => node.id === 'decide')

    expect(
      decide?.choices.map(({ key, text, textLocale, fallback, target, isDefault }) => ({
        key,
        text,
        textLocale,
        fallback,
        target,
        isDefault,
      })),
    ).toEqual([
      { key: 'A', text: 'घड़े में कंकड़ डालो', textLocale: 'hi', fallback: true, target: 'pebbles', isDefault: true },
      { key: 'B', text: 'उड़कर नदी ढूँढो', textLocale: 'hi', fallback: true, target: 'fly-away', isDefault: false },
    ])
  })

  it('should sort nodes by display order, then id', () => {
    const graph = buildGraph([
      { id: 'b', type: 'narration' },
      { id: 'a', type: 'narration' },
      { id: 'c', type: 'end' },
    ])
    const shuffled: StoryGraph = {
      ...graph,
      nodes: [{ ...graph.nodes[2] }, { ...graph.nodes[0], displayOrder: 1 }, { ...graph.nodes[1], displayOrder: 1 }],
    }

    expect(compileBundle(shuffled, 'en').nodes.map((node) => node.id)).toEqual(['a', 'b', 'c'])
  })

  it('should give narration the next node in story order when it has no continue choice', () => {
    const [first] = compileBundle(crow(), 'en').nodes

    expect(first).toMatchObject({ id: 'intro', next: 'thirsty', choices: [] })
  })

  it('should give narration the target of its continue choice and fold the choice into next', () => {
    const graph = buildGraph(
      [
        { id: 'n1', type: 'narration' },
        { id: 'n2', type: 'end' },
        { id: 'n3', type: 'end' },
      ],
      [{ node: 'n1', key: 'A', next: 'n3', isDefault: true }],
    )

    expect(compileBundle(graph, 'en').nodes[0]).toMatchObject({ next: 'n3', choices: [] })
  })

  it('should give choice nodes and endings no next node', () => {
    const nodes = compileBundle(crow(), 'en').nodes.filter((node) => node.type === 'choice' || node.type === 'end')

    expect(nodes.map((node) => node.next)).toEqual([null, null, null])
  })

  it('should turn a node marked as end into an ending', () => {
    const graph = buildGraph([
      { id: 'n1', type: 'narration' },
      { id: 'n2', type: 'dialogue', isEnd: true },
    ])

    expect(compileBundle(graph, 'en').nodes[1]).toMatchObject({ type: 'end', characterId: 'narrator', next: null })
  })

  it('should leave out targets that are not nodes of the story', () => {
    const graph = buildGraph(
      [
        { id: 'n1', type: 'choice' },
        { id: 'n2', type: 'end' },
      ],
      [
        { node: 'n1', key: 'A', next: 'n2', isDefault: true },
        { node: 'n1', key: 'B', next: 'ghost' },
      ],
    )

    expect(compileBundle(graph, 'en').nodes[0].choices.map((choice) => choice.target)).toEqual(['n2', null])
  })

  it('should take the audio of the locale the text came from', () => {
    const graph = buildGraph([
      { id: 'n1', type: 'end', text: { en: 'Hello', hi: 'नमस्ते' }, audio: { en: 'en.opus', hi: 'hi.opus' } },
    ])

    const audioUrls = (['hi-mixed', 'ta'] as const).map((locale) => compileBundle(graph, locale).nodes[0].audioUrl)

    expect(audioUrls).toEqual(['hi.opus', 'en.opus'])
  })

  it('should carry each option’s spoken audio from the locale its text came from', () => {
    const graph = buildGraph(
      [
        { id: 'decide', type: 'choice', text: { en: 'What now?' } },
        { id: 'x', type: 'end', text: { en: 'X' } },
        { id: 'y', type: 'end', text: { en: 'Y' } },
      ],
      [
        { node: 'decide', key: 'A', text: { en: 'Fly', hi: 'उड़ो' }, next: 'x', isDefault: true },
        { node: 'decide', key: 'B', text: { en: 'Stay' }, next: 'y' },
      ],
    )
    graph.choices[0]!.audio = { en: 'a-en.opus', hi: 'a-hi.opus' }
    const audio = (locale: 'en' | 'hi' | 'hi-mixed') => compileBundle(graph, locale).nodes.find((n) => n.id === 'decide')!.choices.map((c) => c.audioUrl)
    expect(audio('en')).toEqual(['a-en.opus', null])
    expect(audio('hi')).toEqual(['a-hi.opus', null])
    // hi-mixed falls back to Hindi text for A (Hindi audio) and to English for B (none yet)
    expect(audio('hi-mixed')).toEqual(['a-hi.opus', null])
    // An option with text and no audio made from it says so, as a node does.
    const needs = (locale: 'en' | 'hi') => compileBundle(graph, locale).nodes.find((n) => n.id === 'decide')!.choices.map((c) => c.needsAudio)
    expect(needs('en')).toEqual([false, true])
    expect(needs('hi')).toEqual([false, true])
  })

  it('should give no audio when the text’s locale has none', () => {
    const graph = buildGraph([{ id: 'n1', type: 'end', text: { en: 'Hello', hi: 'नमस्ते' }, audio: { en: 'en.opus' } }])

    expect(compileBundle(graph, 'hi').nodes[0].audioUrl).toBeNull()
  })

  it('should mark a line with text but no audio as needing audio, and carry the cues of the audio it has', () => {
    const cues = [{ start: 0.1, end: 0.9, text: 'Hello.' }]
    const graph = buildGraph([{ id: 'n1', type: 'end', text: { en: 'Hello.', hi: 'नमस्ते' }, audio: { en: 'en.opus' }, cues: { en: cues, hi: [{ start: 0, end: 1, text: 'stale' }] } }])

    expect(compileBundle(graph, 'en').nodes[0]).toMatchObject({ audioUrl: 'en.opus', needsAudio: false, cues })
    expect(compileBundle(graph, 'hi').nodes[0]).toMatchObject({ audioUrl: null, needsAudio: true, cues: [] })
  })

  it('should have no start node id when the story has no start', () => {
    const graph = buildGraph([
      { id: 'n1', type: 'end', isStart: false },
      { id: 'n2', type: 'end', isStart: false },
    ])

    expect(compileBundle(graph, 'en').startNodeId).toBeNull()
  })

  it('should mark a bundle complete when the locale has all its own text', () => {
    expect([compileBundle(crow(), 'hi').complete, compileBundle(crow(), 'ta').complete]).toEqual([true, false])
  })

  it('should not change the graph it compiles', () => {
    const graph = deepFreeze(monkey())

    expect(() => compileBundle(graph, 'ta')).not.toThrow()
  })
})

describe('bundle version', () => {
  it('should be 16 hex digits', () => {
    expect(compileBundle(crow(), 'en').version).toMatch(/^[0-9a-f]{16}$/)
  })

  it('should stay the same for the same content', () => {
    expect(compileBundle(crow(), 'hi').version).toBe(compileBundle(crow(), 'hi').version)
  })

  it('should not depend on the key order of the graph', () => {
    expect(compileBundle(reverseKeys(crow()), 'hi').version).toBe(compileBundle(crow(), 'hi').version)
  })

  it('should change when one Hindi text changes', () => {
    const edited = withNodeText(crow(), 'pot', 'hi', 'मिट्टी का घड़ा')

    expect(compileBundle(edited, 'hi').version).not.toBe(compileBundle(crow(), 'hi').version)
  })

  it('should keep the Tamil version when one Hindi text changes', () => {
    const edited = withNodeText(crow(), 'pot', 'hi', 'मिट्टी का घड़ा')

    expect(compileBundle(edited, 'ta').version).toBe(compileBundle(crow(), 'ta').version)
  })

  it('should change the Hinglish version when the Hindi text it falls back to changes', () => {
    const edited = withNodeText(crow(), 'pot', 'hi', 'मिट्टी का घड़ा')

    expect(compileBundle(edited, 'hi-mixed').version).not.toBe(compileBundle(crow(), 'hi-mixed').version)
  })

  it('should differ between locales', () => {
    expect(compileBundle(crow(), 'ta').version).not.toBe(compileBundle(crow(), 'en').version)
  })

  it('should change when a choice leads somewhere else', () => {
    const graph = crow()
    const edited = {
      ...graph,
      choices: graph.choices.map((choice) => (choice.key === 'B' ? { ...choice, nextNodeId: 'river' } : choice)),
    }

    expect(compileBundle(edited, 'en').version).not.toBe(compileBundle(graph, 'en').version)
  })
})

describe('isComplete', () => {
  it('should be true when every node and choice has its own text', () => {
    expect(isComplete(monkey(), 'hi-mixed')).toBe(true)
  })

  it('should be false when the locale only has fallback text', () => {
    expect(isComplete(crow(), 'hi-mixed')).toBe(false)
  })

  it('should be false when one choice lacks text', () => {
    const graph = monkey()
    const edited = {
      ...graph,
      choices: graph.choices.map((choice) =>
        choice.key === 'B' ? { ...choice, text: { en: 'Stay safe in the tree' } } : choice,
      ),
    }

    expect(isComplete(edited, 'ta')).toBe(false)
  })

  it('should be false when one node has only whitespace', () => {
    const graph = withNodeText(monkey(), 'ride', 'bn', ' ')

    expect(isComplete(graph, 'bn')).toBe(false)
  })
})
