import type { PayloadRequest } from 'payload'

import { LOCALE_CODES, type LocaleCode } from '@/locales'
import { SLUGS } from '@/slugs'

type Localized = Partial<Record<LocaleCode, string | null>>

function own(value: unknown, locale: LocaleCode): string | null {
  const text = (value as Localized | null | undefined)?.[locale]
  return typeof text === 'string' && text.trim() !== '' ? text : null
}

/**
 * story-translations holds one row per (story, language) in which the story has its own title:
 * title and description come from the story's localized fields, so editors never type them twice.
 * Rows for languages that lost their title are removed.
 */
export async function syncStoryTranslations(req: PayloadRequest, storyId: string): Promise<void> {
  const { payload } = req
  const story = await payload.findByID({
    collection: SLUGS.stories,
    id: storyId,
    locale: 'all',
    fallbackLocale: false,
    depth: 0,
    joins: false,
    req,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!story) return
  const existing = await payload.find({
    collection: SLUGS.storyTranslations,
    where: { story: { equals: storyId } },
    depth: 0,
    limit: 0,
    pagination: false,
    req,
    overrideAccess: true,
  })
  const byLocale = new Map(existing.docs.map((row) => [row.languageCode, row]))
  for (const locale of LOCALE_CODES) {
    const title = own(story.title, locale)
    const row = byLocale.get(locale)
    if (!title) {
      if (row) await payload.delete({ collection: SLUGS.storyTranslations, id: row.id, req, overrideAccess: true })
      continue
    }
    const data = {
      story: storyId,
      languageCode: locale,
      title,
      description: own(story.description, locale),
    }
    if (!row) {
      await payload.create({
        collection: SLUGS.storyTranslations,
        data: { ...data, contentJson: {}, isComplete: false },
        req,
        overrideAccess: true,
      })
    } else if (row.title !== data.title || (row.description ?? null) !== data.description) {
      await payload.update({ collection: SLUGS.storyTranslations, id: row.id, data, req, overrideAccess: true })
    }
  }
}
