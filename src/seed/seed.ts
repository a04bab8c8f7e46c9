import type { Payload, PayloadRequest } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { parseSeedStory, type SeedStory } from '@/domain/story/seedFormat'
import { DEFAULT_LOCALE, type LocaleCode } from '@/locales'
import { SEED_ADMIN, SEED_STAFF } from '@/seed/accounts'
import { recompileStoryBundles } from '@/services/storyBundles'
import { publishCompleteLocales } from '@/translation/publication'
import { SLUGS } from '@/slugs'

const STORIES_DIR = path.resolve(process.cwd(), 'src/seed/stories')
const MEDIA_DIR = path.resolve(process.cwd(), 'media')

const log = (msg: string) => console.log(`[seed] ${msg}`)

export function loadSeedStories(dir = STORIES_DIR): SeedStory[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseSeedStory(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))))
}

/** Locales a seed story has any text in, default first. */
function localesOf(story: SeedStory): LocaleCode[] {
  const set = new Set<LocaleCode>([DEFAULT_LOCALE])
  for (const n of story.nodes) for (const l of Object.keys(n.text)) set.add(l as LocaleCode)
  for (const l of Object.keys(story.title)) set.add(l as LocaleCode)
  return [...set]
}

/** Creates the documented development staff accounts (SEED_ACCOUNTS=dev) that are missing. */
export async function ensureStaff(payload: Payload, req?: PayloadRequest): Promise<void> {
  req ??= await createLocalReq({}, payload)
  const accounts = [{ ...SEED_ADMIN, name: 'Admin', role: 'admin' as const, locales: [] as string[] }, ...SEED_STAFF]
  for (const account of accounts) {
    const { totalDocs } = await payload.count({ collection: SLUGS.editors, where: { email: { equals: account.email } }, req })
    if (totalDocs) continue
    await payload.create({
      collection: SLUGS.editors,
      data: { email: account.email, password: account.password, name: account.name, role: account.role, assignedLocales: account.locales as never },
      req,
    })
    log(`staff account ${account.email} (${account.role})`)
  }
}

async function uploadCover(payload: Payload, req: PayloadRequest, file: string, alt: string): Promise<string> {
  const existing = await payload.find({ collection: SLUGS.media, where: { filename: { equals: file } }, limit: 1, req })
  if (existing.docs[0]) return existing.docs[0].id
  const doc = await payload.create({
    collection: SLUGS.media,
    data: { alt },
    filePath: path.join(MEDIA_DIR, file),
    req,
  })
  return doc.id
}

/** Creates one sample story with every locale's text; returns false when its slug already exists. */
async function seedStory(payload: Payload, req: PayloadRequest, story: SeedStory): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: SLUGS.stories, where: { slug: { equals: story.slug } }, req })
  if (totalDocs) return false
  const locales = localesOf(story)
  const cover = story.cover ? await uploadCover(payload, req, story.cover, story.title.en ?? story.slug) : null
  // No AUTO_VOICE per write: bootstrap voices the seeded stories once (scripts/lib/migrateAndSeed.ts).
  const base = { req, context: { skipBundleCompile: true, skipStoryValidation: true, skipAutoVoice: true } }
  const created = await payload.create({
    collection: SLUGS.stories,
    locale: DEFAULT_LOCALE,
    data: {
      slug: story.slug,
      ageRange: story.ageRange,
      region: story.region,
      durationMin: story.durationMin,
      isActive: story.isActive,
      cover,
      title: story.title[DEFAULT_LOCALE]!,
      description: story.description[DEFAULT_LOCALE],
      moral: story.moral[DEFAULT_LOCALE],
    },
    ...base,
  })
  const characterIds = new Map<string, string>()
  for (const c of story.characters) {
    const doc = await payload.create({
      collection: SLUGS.characters,
      locale: DEFAULT_LOCALE,
      data: {
        story: created.id,
        slug: c.slug,
        name: c.name[DEFAULT_LOCALE]!,
        voiceProfile: c.voiceProfile,
        bulbulSpeaker: c.bulbulSpeaker,
        description: c.description,
        displayOrder: c.displayOrder,
      },
      ...base,
    })
    characterIds.set(c.slug, doc.id)
  }
  const nodeIds = new Map<string, string>()
  for (const n of story.nodes) {
    const doc = await payload.create({
      collection: SLUGS.storyNodes,
      locale: DEFAULT_LOCALE,
      data: {
        story: created.id,
        nodeType: n.type,
        character: n.character ? characterIds.get(n.character) : null,
        displayOrder: n.displayOrder,
        isStart: n.isStart,
        isEnd: n.isEnd,
        textContent: n.text[DEFAULT_LOCALE]!,
      },
      ...base,
    })
    nodeIds.set(n.key, doc.id)
  }
  const choiceIds: string[] = []
  for (const ch of story.choices) {
    const doc = await payload.create({
      collection: SLUGS.storyChoices,
      locale: DEFAULT_LOCALE,
      data: {
        node: nodeIds.get(ch.node)!,
        choiceKey: ch.key,
        textContent: ch.text[DEFAULT_LOCALE]!,
        nextNode: ch.next ? nodeIds.get(ch.next) : null,
        isDefault: ch.isDefault,
      },
      ...base,
    })
    choiceIds.push(doc.id)
  }
  for (const locale of locales.filter((l) => l !== DEFAULT_LOCALE)) {
    const opts = { ...base, locale }
    await payload.update({
      collection: SLUGS.stories,
      id: created.id,
      data: { title: story.title[locale], description: story.description[locale], moral: story.moral[locale] },
      ...opts,
    })
    for (const c of story.characters) {
      if (c.name[locale]) await payload.update({ collection: SLUGS.characters, id: characterIds.get(c.slug)!, data: { name: c.name[locale] }, ...opts })
    }
    for (const n of story.nodes) {
      if (n.text[locale]) await payload.update({ collection: SLUGS.storyNodes, id: nodeIds.get(n.key)!, data: { textContent: n.text[locale] }, ...opts })
    }
    for (const [i, ch] of story.choices.entries()) {
      if (ch.text[locale]) await payload.update({ collection: SLUGS.storyChoices, id: choiceIds[i]!, data: { textContent: ch.text[locale] }, ...opts })
    }
  }
  // The writes above passed `context` on this req (Payload merges it into req.context): lift the skip.
  req.context.skipBundleCompile = false
  await recompileStoryBundles(req, created.id)
  const live = await publishCompleteLocales(req, created.id)
  log(`${story.slug}: ${story.nodes.length} nodes, ${story.choices.length} choices, ${story.characters.length} characters in ${locales.join(', ')}; published ${live.join(', ') || 'no translation'}`)
  return true
}

/** Creates the stories that do not exist yet, one transaction each, printing progress. */
export async function seedStories(payload: Payload, stories: SeedStory[]): Promise<number> {
  let created = 0
  for (const [i, story] of stories.entries()) {
    log(`[${i + 1}/${stories.length}] ${story.slug}`)
    // One transaction per story: a failure leaves no half-written story behind.
    const storyReq = await createLocalReq({}, payload)
    await initTransaction(storyReq)
    try {
      if (await seedStory(payload, storyReq, story)) created++
      else log(`${story.slug} already exists, skipped`)
      await commitTransaction(storyReq)
    } catch (err) {
      await killTransaction(storyReq)
      payload.logger.error({ err, msg: `seeding ${story.slug} failed` })
      throw err
    }
  }
  return created
}

/** Idempotent: creates the sample stories that are missing (staff accounts: ensureStaff). */
export async function seed(payload: Payload): Promise<void> {
  const stories = loadSeedStories()
  log(`seeding ${stories.length} sample stories…`)
  const created = await seedStories(payload, stories)
  log(`done: ${created} created, ${stories.length - created} already there`)
}
