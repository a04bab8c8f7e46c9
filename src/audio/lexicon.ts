import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { ALL_LOCALES } from '@/access/pronunciationAccess'
import { drizzleFor } from '@/db/postgres'
import { compileLexicon, type LexiconEntry } from '@/domain/audio/lexicon'
import { SLUGS } from '@/slugs'

/** Every pronunciation entry, as the domain's lexicon takes them (`all` -> null). */
export async function loadLexicon(req: Pick<PayloadRequest, 'payload'> & Partial<PayloadRequest>): Promise<LexiconEntry[]> {
  const { docs } = await req.payload.find({
    collection: SLUGS.pronunciations,
    pagination: false,
    limit: 0,
    depth: 0,
    overrideAccess: true,
    ...(req.transactionID !== undefined ? { req: req as PayloadRequest } : {}),
    select: { term: true, locale: true, spoken: true },
  })
  return docs.map((d) => ({ term: d.term, locale: d.locale === ALL_LOCALES ? null : d.locale, spoken: d.spoken }))
}

/**
 * The stories with a voiced line (a node's or an option's text, in any locale) that contains one
 * of `terms` as a whole word, matched exactly as the lexicon matches (NFC, case-insensitive, every
 * script): the stories whose content keys a change of those pronunciation entries can change.
 * One read of the texts, instead of recompiling every story.
 */
export async function storiesMentioning(req: PayloadRequest, terms: readonly string[]): Promise<string[]> {
  const lexicon = compileLexicon(
    terms.map((term) => ({ term, locale: null, spoken: term })),
    'en',
  )
  if (lexicon.size === 0) return []
  const db = await drizzleFor(req)
  const { rows } = (await db.execute(
    sql`SELECT n.story_id::text AS story, l.text_content AS text
          FROM story_nodes n JOIN story_nodes_locales l ON l._parent_id = n.id
        UNION ALL
        SELECT n.story_id::text, l.text_content
          FROM story_choices c JOIN story_nodes n ON n.id = c.node_id JOIN story_choices_locales l ON l._parent_id = c.id`,
  )) as unknown as { rows: { story: string; text: string | null }[] }
  const found = new Set<string>()
  for (const { story, text } of rows) {
    if (!found.has(story) && text && lexicon.apply(text).applied.length > 0) found.add(story)
  }
  return [...found].sort()
}
