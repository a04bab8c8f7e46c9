import type { Payload } from 'payload'

import type { z } from 'zod'

import { type catalogPageSchema, catalogQuerySchema, parseQuery, type storyCardSchema } from '@/domain/api/schemas'
import { deliveryPool } from '@/db/replicas'
import { json } from '@/http/response'
import { cachedCatalog, changedRecently } from '@/services/bundleCache'
import { isDatabaseUnavailable } from '@/domain/http/databaseUnavailable'
import { databaseUnavailable } from '@/http/response'

const PAGE_SIZE = 20

export type StoryCard = z.infer<typeof storyCardSchema>
export type CatalogPage = z.infer<typeof catalogPageSchema>


type Filters = { ages: string[]; regions: string[] }

/** The age ranges and regions of active stories: the only filter values worth a query or a cache entry. */
const knownFilters = (payload: Payload) =>
  cachedCatalog<Filters>(payload, 'filters', async () => {
    const { rows } = await deliveryPool(payload, { fresh: changedRecently() }).query<{ ages: string[] | null; regions: string[] | null }>(
      `SELECT array_agg(DISTINCT age_range ORDER BY age_range) AS ages, array_agg(DISTINCT region ORDER BY region) AS regions
         FROM stories WHERE is_active`,
    )
    return { value: { ages: rows[0]?.ages ?? [], regions: rows[0]?.regions ?? [] }, queries: 1 }
  })

const listed = (values: string[]) => (values.length === 0 ? 'there are no active stories' : `one of: ${values.slice(0, 30).join(', ')}${values.length > 30 ? ', …' : ''}`)

/**
 * `GET /api/stories/catalog?locale=hi&age=4-6&region=…&page=1`: the app's home screen, only what a
 * story card needs, active stories live in that locale only (each card lists its `liveLocales`),
 * newest first, paged. `age` and `region` must be values some active story has (else 400 naming
 * the field and the values there are); pages past the last answer empty and are not cached.
 */
export async function storyCatalogResponse(payload: Payload, request: Request): Promise<Response> {
  try {
    return await catalogResponse(payload, request)
  } catch (err) {
    if (isDatabaseUnavailable(err)) return databaseUnavailable()
    throw err
  }
}

async function catalogResponse(payload: Payload, request: Request): Promise<Response> {
  const query = parseQuery(catalogQuerySchema, request.url)
  if (!query.ok) return json(400, query.body)
  const { locale, page } = query.data
  const age = query.data.age ?? null
  const region = query.data.region ?? null
  if (age !== null || region !== null) {
    const { value: known } = await knownFilters(payload)
    const errors = [
      ...(age !== null && !known.ages.includes(age) ? [{ message: `age: no active story has the age range "${age}"; ${listed(known.ages)}`, field: 'age' }] : []),
      ...(region !== null && !known.regions.includes(region) ? [{ message: `region: no active story is from "${region}"; ${listed(known.regions)}`, field: 'region' }] : []),
    ]
    if (errors.length) return json(400, { errors })
  }
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
      cache: page === 1 || rows.length > 0,
    }
  })
  return json(200, value, { 'cache-control': 'public, max-age=60, stale-while-revalidate=600', 'x-db-queries': String(queries) })
}
