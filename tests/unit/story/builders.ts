import { readdirSync, readFileSync } from 'node:fs'

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
      { id: 'narrator', slug: 'narrator', name: { en: 'Dadi' }, voiceProfile: 'warm_elderly', bulbulSpeaker: 'meera', displayOrder: 1 },
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
    })),
    choices: choices.map(
      (spec): GraphChoice => ({
        id: `${spec.node}:${spec.key}`,
        nodeId: spec.node,
        key: spec.key,
        text: spec.text ?? { en: `Option ${spec.key}` },
        nextNodeId: spec.next,
        isDefault: spec.isDefault ?? false,
      }),
    ),
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
