import type { Payload } from 'payload'

import { deleteObjects, listObjects } from '@/storage/objectStore'

import { uid } from './api'

export type StoryFixture = {
  storyId: string
  slug: string
  characterId: string
  nodeIds: string[]
  choiceIds: string[]
  cleanup: () => Promise<void>
}

export type StoryOptions = {
  isActive?: boolean
  /**
   * false: every write skips bundle compilation (tests about audio: each compile publishes a bundle
   * object per locale); cleanup then removes the bundles the story's audio changes published.
   */
  compileBundles?: boolean
}

/**
 * A small valid branching story through the Local API: start (narration) -> choice node with
 * choices A (default) and B -> two end nodes, spoken by the narrator "meera". English text
 * everywhere, Hindi on the first node.
 */
export async function createStory(payload: Payload, opts: StoryOptions = {}): Promise<StoryFixture> {
  const compile = opts.compileBundles ?? true
  const context = compile ? {} : { skipBundleCompile: true }
  const slug = uid(compile ? 'story' : 'audio-story')
  const story = await payload.create({
    collection: 'stories',
    locale: 'en',
    context,
    data: { slug, title: `Story ${slug}`, ageRange: '4-6', region: 'pan-indian', isActive: false },
  })
  const character = await payload.create({
    collection: 'characters',
    locale: 'en',
    context,
    data: { story: story.id, slug: 'narrator', name: 'Dadi', voiceProfile: 'warm_elderly', bulbulSpeaker: 'meera' },
  })
  const node = (displayOrder: number, nodeType: 'narration' | 'choice' | 'end', text: string, extra = {}) =>
    payload.create({
      collection: 'story-nodes',
      locale: 'en',
      context,
      data: { story: story.id, nodeType, displayOrder, textContent: text, character: character.id, ...extra },
    })
  const start = await node(1, 'narration', 'Once upon a time', { isStart: true })
  const decide = await node(2, 'choice', 'What should the crow do?')
  const endA = await node(3, 'end', 'The crow drinks.', { isEnd: true })
  const endB = await node(4, 'end', 'The crow flies away.', { isEnd: true })
  await payload.update({ collection: 'story-nodes', id: start.id, locale: 'hi', context, data: { textContent: 'एक समय की बात है' } })
  const choice = (key: string, nextNode: string, isDefault: boolean) =>
    payload.create({
      collection: 'story-choices',
      locale: 'en',
      context,
      data: { node: decide.id, choiceKey: key, textContent: `Choice ${key}`, nextNode, isDefault },
    })
  const a = await choice('A', endA.id, true)
  const b = await choice('B', endB.id, false)
  // Activation is validated against the whole graph, so it comes last.
  if (opts.isActive ?? true) await payload.update({ collection: 'stories', id: story.id, context, data: { isActive: true } })
  return {
    storyId: story.id,
    slug,
    characterId: character.id,
    nodeIds: [start.id, decide.id, endA.id, endB.id],
    choiceIds: [a.id, b.id],
    cleanup: async () => {
      await payload.delete({ collection: 'stories', where: { id: { equals: story.id } }, context })
      if (!compile) await deleteObjects((await listObjects(`bundles/${slug}/`)).flatMap((o) => (o.Key ? [o.Key] : [])))
    },
  }
}

/**
 * Marks locales of a story published directly (as the data migration does for locales that were
 * live before per-locale publishing), skipping the readiness check of the publish endpoint, then
 * recompiles so the bucket copies exist. For tests of delivery behaviour that are about a live
 * locale with fallback text (a published locale that later gained untranslated lines).
 */
export async function markPublished(payload: Payload, storyId: string, locales: string[]): Promise<void> {
  const { createLocalReq } = await import('payload')
  const { recompileStoryBundles } = await import('@/services/storyBundles')
  const { notifyBundlesChanged } = await import('@/services/bundleCache')
  const rows = await payload.find({ collection: 'story-translations', where: { story: { equals: storyId } }, limit: 0, depth: 0 })
  for (const row of rows.docs.filter((r) => locales.includes(r.languageCode))) {
    await payload.update({ collection: 'story-translations', id: row.id, data: { publicationState: 'published' } })
  }
  const req = await createLocalReq({}, payload)
  await recompileStoryBundles(req, storyId)
  await notifyBundlesChanged(req, rows.docs[0]!.storySlug!)
}
