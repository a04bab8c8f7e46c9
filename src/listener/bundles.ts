import type { Payload } from 'payload'

import type { StoryBundle } from '@/domain/story/bundle'
import type { LocaleCode } from '@/locales'
import { type BundleEntry, getBundles } from '@/services/bundleCache'

/** A bundle parsed once per cached entry (the cache keeps an entry object until the story changes). */
export type ParsedBundle = { bundle: StoryBundle; published: boolean; nodeIds: Set<string> }

const parsed = new WeakMap<BundleEntry, ParsedBundle>()

function parse(entry: BundleEntry): ParsedBundle {
  let hit = parsed.get(entry)
  if (!hit) {
    const bundle = JSON.parse(entry.json) as StoryBundle
    hit = { bundle, published: entry.storyActive ?? entry.published, nodeIds: new Set(bundle.nodes.map((n) => n.id)) }
    parsed.set(entry, hit)
  }
  return hit
}

/**
 * The stories' compiled bundles for the state machine, through the delivery cache (usually no
 * query; the ones not cached with one query). Node ids and structure are the same in every
 * locale, so moves use one locale's bundle. A slug without a bundle maps to null.
 */
export async function storyBundles(payload: Payload, slugs: string[], locale: LocaleCode = 'en'): Promise<Map<string, ParsedBundle | null>> {
  const { entries } = await getBundles(payload, slugs, locale)
  return new Map([...entries].map(([slug, entry]) => [slug, entry ? parse(entry) : null]))
}

/** One story's bundle, as storyBundles. */
export async function storyBundle(payload: Payload, slug: string, locale: LocaleCode = 'en'): Promise<ParsedBundle | null> {
  return (await storyBundles(payload, [slug], locale)).get(slug) ?? null
}
