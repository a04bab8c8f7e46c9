/**
 * loadStoryGraph reads nodes and choices with SQL (src/services/storyGraph.ts): it must give
 * exactly what Payload's own find with every locale gives.
 */
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { idOf } from '@/db/idOf'
import type { LocalizedText } from '@/domain/story/graph'
import { loadStoryGraph } from '@/services/storyGraph'

import { createStory, type StoryFixture } from '../support/fixtures'
import { testPayload } from '../support/payload'

let payload: Payload
let story: StoryFixture

beforeAll(async () => {
  payload = await testPayload()
  story = await createStory(payload, { isActive: false })
  // Texts in more locales, a choice without a target, a node without a speaker.
  await payload.update({ collection: 'story-nodes', id: story.nodeIds[1]!, locale: 'ta', data: { textContent: 'காகம் என்ன செய்யும்?' } })
  await payload.update({ collection: 'story-nodes', id: story.nodeIds[2]!, locale: 'hi-mixed', data: { textContent: 'Crow ne paani piya.', character: null } })
  await payload.update({ collection: 'story-choices', id: story.choiceIds[1]!, locale: 'bn', data: { textContent: 'উড়ে যাও', nextNode: null } })
})

afterAll(async () => {
  await story?.cleanup()
})

function own(value: unknown): LocalizedText {
  const out: LocalizedText = {}
  for (const [locale, text] of Object.entries((value ?? {}) as Record<string, unknown>)) if (typeof text === 'string' && text.trim() !== '') out[locale as keyof LocalizedText] = text
  return out
}

describe('loadStoryGraph', () => {
  it("should load the same nodes and choices, in the same order, as Payload's find with every locale", async () => {
    const req = await createLocalReq({}, payload)
    const graph = (await loadStoryGraph(req, story.storyId))!
    const common = { depth: 0, locale: 'all' as const, fallbackLocale: false as const, pagination: false as const, limit: 0, where: { story: { equals: story.storyId } } }
    const nodes = await payload.find({ collection: 'story-nodes', joins: false, ...common })
    const choices = await payload.find({ collection: 'story-choices', ...common })

    expect(graph.nodes.map(({ audio: _a, cues: _c, audioReview: _r, audioFileId: _f, ...n }) => n)).toEqual(
      nodes.docs.map((n) => ({
        id: n.id,
        storyId: story.storyId,
        type: n.nodeType,
        characterId: idOf(n.character as string | null),
        displayOrder: n.displayOrder,
        isStart: !!n.isStart,
        isEnd: !!n.isEnd,
        text: own(n.textContent),
      })),
    )
    expect(graph.choices.map(({ audio: _a, audioReview: _r, audioFileId: _f, ...c }) => c)).toEqual(
      choices.docs.map((c) => ({
        id: c.id,
        nodeId: idOf(c.node as string),
        key: c.choiceKey,
        text: own(c.textContent),
        nextNodeId: idOf(c.nextNode as string | null),
        isDefault: !!c.isDefault,
      })),
    )
    expect(graph.nodes.find((n) => n.id === story.nodeIds[1])!.text).toEqual({ en: 'What should the crow do?', ta: 'காகம் என்ன செய்யும்?' })
    expect(graph.choices.find((c) => c.id === story.choiceIds[1])).toMatchObject({ nextNodeId: null, text: { en: 'Choice B', bn: 'উড়ে যাও' } })
  })
})
