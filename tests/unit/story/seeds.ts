import crowJson from '@/seed/stories/clever-crow.json'
import monkeyJson from '@/seed/stories/monkey-and-crocodile.json'

import { parseSeedStory, type SeedStory } from '@/domain/story/seedFormat'
import type { LocaleCode } from '@/locales'

export type SeedCase = { file: string; seed: SeedStory; locales: LocaleCode[] }

/** The sample stories and the locales each one promises complete text in. */
export const SEEDS: SeedCase[] = [
  { file: 'clever-crow.json', seed: parseSeedStory(crowJson), locales: ['en', 'hi'] },
  {
    file: 'monkey-and-crocodile.json',
    seed: parseSeedStory(monkeyJson),
    locales: ['en', 'hi', 'ta', 'bn', 'hi-mixed'],
  },
]

export function seedNamed(slug: string): SeedStory {
  const found = SEEDS.find((seedCase) => seedCase.seed.slug === slug)
  if (!found) throw new Error(`No seed story ${slug}`)
  return found.seed
}

/** The own text of one node of a seed story. */
export function seedText(slug: string, nodeKey: string, locale: LocaleCode): string | undefined {
  return seedNamed(slug).nodes.find((node) => node.key === nodeKey)?.text[locale]
}
