/**
 * The JSON format of the sample stories in `src/seed/stories/<slug>.json`, shared by the seed
 * script and the tests. Nodes are named by a `key` unique within the story; characters by slug.
 */
import { z } from 'zod'

import { LOCALE_CODES, type LocaleCode } from '@/locales'
import { NODE_TYPES } from '@/domain/story/graph'

import type { StoryGraph } from '@/domain/story/graph'

const localizedText = z.partialRecord(z.enum(LOCALE_CODES as [LocaleCode, ...LocaleCode[]]), z.string())

const seedCharacterSchema = z.strictObject({
  slug: z.string().min(1),
  name: localizedText,
  voiceProfile: z.string().min(1),
  bulbulSpeaker: z.string().min(1),
  description: z.string(),
  displayOrder: z.number().int(),
})

const seedNodeSchema = z.strictObject({
  key: z.string().min(1),
  type: z.enum(NODE_TYPES),
  character: z.string().min(1).nullable(),
  displayOrder: z.number().int(),
  isStart: z.boolean(),
  isEnd: z.boolean(),
  text: localizedText,
})

const seedChoiceSchema = z.strictObject({
  node: z.string().min(1),
  key: z.string().min(1),
  text: localizedText,
  next: z.string().min(1).nullable(),
  isDefault: z.boolean(),
})

const seedStorySchema = z.strictObject({
  slug: z.string().min(1),
  ageRange: z.string().min(1),
  region: z.string().min(1),
  durationMin: z.number().int().positive().nullable(),
  isActive: z.boolean(),
  /** File name of the cover image in `media/`, or null. */
  cover: z.string().min(1).nullable(),
  title: localizedText,
  description: localizedText,
  moral: localizedText,
  characters: z.array(seedCharacterSchema),
  nodes: z.array(seedNodeSchema),
  choices: z.array(seedChoiceSchema),
})

export type SeedStory = z.infer<typeof seedStorySchema>
export type SeedCharacter = SeedStory['characters'][number]
export type SeedNode = SeedStory['nodes'][number]
export type SeedChoice = SeedStory['choices'][number]

/** Reads a parsed seed file; throws a ZodError naming the offending field when it does not fit. */
export function parseSeedStory(json: unknown): SeedStory {
  return seedStorySchema.parse(json)
}

/** The story graph of a seed: the story id is its slug, node ids are node keys, choice ids `node:key`. */
export function seedToGraph(seed: SeedStory): StoryGraph {
  return {
    id: seed.slug,
    slug: seed.slug,
    ageRange: seed.ageRange,
    region: seed.region,
    durationMin: seed.durationMin,
    coverUrl: seed.cover,
    isActive: seed.isActive,
    title: seed.title,
    description: seed.description,
    moral: seed.moral,
    characters: seed.characters.map((character) => ({
      id: character.slug,
      slug: character.slug,
      name: character.name,
      voiceProfile: character.voiceProfile,
      bulbulSpeaker: character.bulbulSpeaker,
      displayOrder: character.displayOrder,
    })),
    nodes: seed.nodes.map((node) => ({
      id: node.key,
      storyId: seed.slug,
      type: node.type,
      characterId: node.character,
      displayOrder: node.displayOrder,
      isStart: node.isStart,
      isEnd: node.isEnd,
      text: node.text,
    })),
    choices: seed.choices.map((choice) => ({
      id: `${choice.node}:${choice.key}`,
      nodeId: choice.node,
      key: choice.key,
      text: choice.text,
      nextNodeId: choice.next,
      isDefault: choice.isDefault,
    })),
  }
}
