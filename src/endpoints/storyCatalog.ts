import type { Payload } from 'payload'

import type { z } from 'zod'

import { type catalogPageSchema, catalogQuerySchema, parseQuery, type storyCardSchema } from '@/domain/api/schemas'
import { deliveryPool } from '@/db/replicas'
import { cachedCatalog, changedRecently } from '@/services/bundleCache'

const PAGE_SIZE = 20

export type StoryCard = z.infer<typeof storyCardSchema>
export type CatalogPage = z.infer<typeof catalogPageSchema>

const json = (status: number, body: unknown, extra: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...extra } })

/**
 * `GET /api/stories/catalog?locale=hi&age=4-6&region=…&page=1`: the app's home screen, only what a
 * story card needs, active stories live in that locale only (each card lists its `liveLocales`),
 * newest first, paged.
 */
export async function storyCatalogResponse(payload: Payload, request: Request): Promise<Response> {
  const query = parseQuery(catalogQuerySchema, request.url)
  if (!query.ok) return json(400, query.body)
  const { locale, page } = query.data
  const age = query.data.age ?? null
  const region = query.data.region ?? null
  const key = JSON.stringify([locale, age, region, page])
  const { value, queries } = await cachedCatalog<CatalogPage>(payload, key, async () => {
    const { rows } = await deliveryPool(payload, { fresh: changedRecently() }).query(
      `SELECT st.story_slug AS slug, st.title, st.description, s.age_range AS "ageRange", s.region,
              s.duration_min AS "durationMin", s.cover_image AS "coverUrl", st.is_complete AS complete,
              st.version, st.bundle_url AS "bundleUrl",
              (SELECT array_agg(x.language_code ORDER BY x.language_code) FROM story_translations x
                WHERE x.story_id = s.id AND (x.publication_state = 'published' OR x.language_code = s.source_locale::text)) AS "liveLocales",
              count(*) OVER () AS total
         FROM story_translations st JOIN stories s ON s.id = st.story_id
        WHERE st.language_code = $1 AND st.is_published AND s.is_active
          AND (st.publication_state = 'published' OR st.language_code = s.source_locale::text)
          AND ($2::text IS NULL OR s.age_range = $2) AND ($3::text IS NULL OR s.region = $3)
        ORDER BY s.created_at DESC, s.id
        LIMIT $4 OFFSET $5`,
      [locale, age, region, PAGE_SIZE, (page - 1) * PAGE_SIZE],
    )
    const totalDocs = rows[0] ? Number(rows[0].total) : 0
    const stories: StoryCard[] = rows.map(({ total: _total, ...card }) => card as StoryCard)
    return {
      value: { locale, page, pageSize: PAGE_SIZE, totalDocs, totalPages: Math.ceil(totalDocs / PAGE_SIZE), stories },
      queries: 1,
    }
  })
  return json(200, value, { 'cache-control': 'public, max-age=60, stale-while-revalidate=600', 'x-db-queries': String(queries) })
}
