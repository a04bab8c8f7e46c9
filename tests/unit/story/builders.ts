import { readdirSync, readFileSync } from 'node:fs'

import fc from 'fast-check'

import type { GraphChoice, GraphNode, LocalizedText, NodeType, StoryGraph } from '@/domain/story/graph'
import type { Issue } from '@/domain/story/validate'

export type NodeSpec = {
  id: string
  type: NodeType
  isStart?: boolean
  isEnd?: boolean
  text?: LocalizedText
  characterId?: string | null
  audio?: GraphNode['audio']
  cues?: GraphNode['cues']
}

export type ChoiceSpec = { node: string; key: string; next: string | null; isDefault?: boolean; text?: LocalizedText }

/**
 * A small story graph for tests: nodes get display orders 1, 2, 3… in the order given, the first
 * node is the start unless a node says otherwise, and every node is told by the narrator.
 */
export function buildGraph(nodes: NodeSpec[], choices: ChoiceSpec[] = []): StoryGraph {
  const hasStart = nodes.some((node) => node.isStart)
  return {
    id: 's1',
    slug: 'test-story',
    ageRange: '4-8',
    region: 'pan-indian',
    durationMin: 3,
    coverUrl: null,
    isActive: true,
    title: { en: 'Test story' },
    description: { en: 'A story for tests.' },
    moral: { en: 'Tests help.' },
    characters: [
      {
        id: 'narrator',
        slug: 'narrator',
        name: { en: 'Dadi' },
        voiceProfile: 'warm_elderly',
        bulbulSpeaker: 'meera',
        displayOrder: 1,
      },
    ],
    nodes: nodes.map((spec, position) => ({
      id: spec.id,
      storyId: 's1',
      type: spec.type,
      characterId: spec.characterId === undefined ? 'narrator' : spec.characterId,
      displayOrder: position + 1,
      isStart: spec.isStart ?? (!hasStart && position === 0),
      isEnd: spec.isEnd ?? false,
      text: spec.text ?? { en: `Text of ${spec.id}` },
      ...(spec.audio ? { audio: spec.audio } : {}),
      ...(spec.cues ? { cues: spec.cues } : {}),
    })),
    choices: choices.map((spec): GraphChoice => ({
      id: `${spec.node}:${spec.key}`,
      nodeId: spec.node,
      key: spec.key,
      text: spec.text ?? { en: `Option ${spec.key}` },
      nextNodeId: spec.next,
      isDefault: spec.isDefault ?? false,
    })),
  }
}

export type ExpectedIssue = Pick<Issue, 'code' | 'nodeId' | 'choiceId' | 'locale'>

export type StoryFixture = {
  name: string
  should: string
  expect: { errors: ExpectedIssue[]; warnings: ExpectedIssue[] }
  graph: StoryGraph
}

const FIXTURES = new URL('../../fixtures/stories/', import.meta.url)

/** Every story fixture in `tests/fixtures/stories/`, by file name without `.json`. */
export function loadFixtures(): StoryFixture[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.json$/, ''),
      ...(JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Omit<StoryFixture, 'name'>),
    }))
}

export function loadFixture(name: string): StoryFixture {
  const fixture = loadFixtures().find((candidate) => candidate.name === name)
  if (!fixture) throw new Error(`No story fixture named ${name}`)
  return fixture
}

/** The parts of an issue a fixture pins down (the message is checked separately). */
export function issueKey({ code, nodeId, choiceId, locale }: Issue): ExpectedIssue {
  return {
    code,
    ...(nodeId === undefined ? {} : { nodeId }),
    ...(choiceId === undefined ? {} : { choiceId }),
    ...(locale === undefined ? {} : { locale }),
  }
}

/** Freezes a value and everything in it, so a test fails if code under test mutates it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const member of Object.values(value)) deepFreeze(member)
    Object.freeze(value)
  }
  return value
}

/**
 * A random story graph: nodes of any type, choices leading anywhere (loops, traps, unreachable
 * parts), each choice node with a default option; the last node is an end, so every walk can stop.
 */
export const randomStoryGraph: fc.Arbitrary<StoryGraph> = fc
  .array(
    fc.record({
      type: fc.oneof(
        { arbitrary: fc.constant<NodeType>('narration'), weight: 3 },
        { arbitrary: fc.constant<NodeType>('dialogue'), weight: 2 },
        { arbitrary: fc.constant<NodeType>('choice'), weight: 2 },
        { arbitrary: fc.constant<NodeType>('end'), weight: 1 },
      ),
      targets: fc.array(fc.nat(), { minLength: 2, maxLength: 3 }),
      continueTo: fc.option(fc.nat(), { nil: null }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((specs) => {
    const ids = specs.map((_, position) => `n${position}`)
    // Mostly a few nodes ahead, so that stories hang together; one target in four leads anywhere.
    const pick = (from: number, n: number): string => {
      const ahead = Math.min(3, ids.length - from - 1)
      return n % 4 === 0 || ahead === 0 ? ids[n % ids.length] : ids[from + 1 + (n % ahead)]
    }
    const nodes: NodeSpec[] = specs.map((spec, position) => ({
      id: ids[position],
      type: position === specs.length - 1 ? 'end' : spec.type,
    }))
    const choices: ChoiceSpec[] = specs.flatMap((spec, position): ChoiceSpec[] => {
      const node = nodes[position]
      if (node.type === 'choice') {
        return spec.targets.map((target, n) => ({
          node: node.id,
          key: 'ABC'[n],
          next: pick(position, target),
          isDefault: n === 0,
        }))
      }
      if (node.type !== 'end' && spec.continueTo !== null) {
        return [{ node: node.id, key: 'A', next: pick(position, spec.continueTo), isDefault: true }]
      }
      return []
    })
    return buildGraph(nodes, choices)
  })
