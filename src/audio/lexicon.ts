import type { PayloadRequest } from 'payload'

import { ALL_LOCALES } from '@/access/pronunciationAccess'
import type { LexiconEntry } from '@/domain/audio/lexicon'
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
