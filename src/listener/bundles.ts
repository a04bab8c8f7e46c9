import type { Payload } from 'payload'

import type { StoryBundle } from '@/domain/story/bundle'
import type { LocaleCode } from '@/locales'
import { type BundleEntry, getBundle } from '@/services/bundleCache'

/** A bundle parsed once per cached entry (the cache keeps an entry object until the story changes). */
export type ParsedBundle = { bundle: StoryBundle; published: boolean; nodeIds: Set<string> }

const parsed = new WeakMap<BundleEntry, ParsedBundle>()

/**
 * The story's compiled bundle for the state machine, through the delivery cache (usually no
 * query). Node ids and structure are the same in every locale, so moves use one locale's bundle.
 */
export async function storyBundle(payload: Payload, slug: string, locale: LocaleCode = 'en'): Promise<ParsedBundle | null> {
  const { entry } = await getBundle(payload, slug, locale)
  if (!entry) return null
  let hit = parsed.get(entry)
  if (!hit) {
    const bundle = JSON.parse(entry.json) as StoryBundle
    hit = { bundle, published: entry.storyActive ?? entry.published, nodeIds: new Set(bundle.nodes.map((n) => n.id)) }
    parsed.set(entry, hit)
  }
  return hit
}
