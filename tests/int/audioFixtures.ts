import type { Payload } from 'payload'

import { DeleteObjectsCommand, ListObjectsCommand, S3Client } from '@aws-sdk/client-s3'

import { s3ClientConfig, s3Settings } from '@/storage/s3Settings'

import { uid } from '../support/api'

export type AudioStoryFixture = {
  storyId: string
  slug: string
  characterId: string
  nodeIds: string[]
  cleanup: () => Promise<void>
}

/** Writes of the fixture skip bundle compilation: these tests are about audio, and every compile
 * publishes a bundle object per locale. */
const context = { skipBundleCompile: true }

/**
 * The shape of tests/support/fixtures.ts' story (start narration -> choice -> two ends, spoken by
 * the narrator "meera"; English everywhere, Hindi on the first node), without its bundle churn.
 */
export async function createAudioStory(payload: Payload, opts: { isActive?: boolean } = {}): Promise<AudioStoryFixture> {
  const slug = uid('audio-story')
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
  for (const [key, next, isDefault] of [['A', endA.id, true], ['B', endB.id, false]] as const) {
    await payload.create({ collection: 'story-choices', locale: 'en', context, data: { node: decide.id, choiceKey: key, textContent: `Choice ${key}`, nextNode: next, isDefault } })
  }
  // Activation is validated against the whole graph, so it comes last.
  if (opts.isActive ?? true) await payload.update({ collection: 'stories', id: story.id, context, data: { isActive: true } })
  return {
    storyId: story.id,
    slug,
    characterId: character.id,
    nodeIds: [start.id, decide.id, endA.id, endB.id],
    cleanup: async () => {
      await payload.delete({ collection: 'stories', where: { id: { equals: story.id } }, context })
      await removeObjects(`bundles/${slug}/`)
    },
  }
}

/** Deletes the objects under `prefix` (the bundles a test story published when its audio changed). */
async function removeObjects(prefix: string): Promise<void> {
  const settings = s3Settings()
  if (!settings) return
  const s3 = new S3Client(s3ClientConfig(settings))
  for (;;) {
    const page = await s3.send(new ListObjectsCommand({ Bucket: settings.bucket, Prefix: prefix, MaxKeys: 1000 }))
    const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []))
    if (!keys.length) return
    await s3.send(new DeleteObjectsCommand({ Bucket: settings.bucket, Delete: { Objects: keys, Quiet: true } }))
    if (!page.IsTruncated) return
  }
}
