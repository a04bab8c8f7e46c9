import type { Payload } from 'payload'

import { etagFor, etagMatches, PRECOMPRESSED_HEADER } from '@/domain/http/negotiation'
import { storySlugSchema } from '@/domain/listener/schemas'
import { error, json } from '@/http/response'
import { isLocale, LOCALE_CODES } from '@/locales'
import { encodeBody, getBundle } from '@/services/bundleCache'
import { isDatabaseUnavailable } from '@/domain/http/databaseUnavailable'
import { databaseUnavailable } from '@/http/response'

/** Browsers and apps revalidate after a minute; CDNs keep serving a stale copy while they do. */
export const BUNDLE_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=86400'

/**
 * `GET /api/stories/:slug/bundle?locale=hi`: the compiled bundle, from the in-process cache or
 * one indexed read. No authentication work: bundles are public for active stories only.
 */
export async function storyBundleResponse(payload: Payload, request: Request, slug: string): Promise<Response> {
  const locale = new URL(request.url).searchParams.get('locale') ?? 'en'
  if (!isLocale(locale)) {
    return error(400, `Unknown locale "${locale}". Valid locales: ${LOCALE_CODES.join(', ')}.`, { field: 'locale', validLocales: LOCALE_CODES })
  }
  // Not a slug (NUL, %FF, …): no story can have it; answered before any cache or database work.
  if (!storySlugSchema.safeParse(slug).success) {
    return error(400, 'slug: must be a story slug (lower-case letters, digits and "-")', { field: 'slug' })
  }
  let found: Awaited<ReturnType<typeof getBundle>>
  try {
    found = await getBundle(payload, slug, locale)
  } catch (err) {
    if (isDatabaseUnavailable(err)) return databaseUnavailable()
    throw err
  }
  const { entry, queries } = found
  if (!entry || !entry.storyActive) {
    return error(404, `No active story "${slug}".`)
  }
  if (!entry.published) {
    const available = entry.availableLocales ?? []
    return json(404, {
      errors: [{ message: `"${slug}" is not published in ${locale}. Available: ${available.join(', ') || 'none'}.`, field: 'locale' }],
      availableLocales: available,
    })
  }
  const { body, coding } = encodeBody(entry, request.headers.get('accept-encoding'))
  const headers: Record<string, string> = {
    etag: etagFor(entry.version, coding),
    'cache-control': BUNDLE_CACHE_CONTROL,
    vary: 'Accept-Encoding',
    'x-db-queries': String(queries),
  }
  if (entry.bundleUrl) headers['x-bundle-url'] = entry.bundleUrl
  if (etagMatches(request.headers.get('if-none-match'), entry.version)) return new Response(null, { status: 304, headers })
  headers['content-type'] = 'application/json; charset=utf-8'
  // Already encoded: the production server names the coding and never encodes the body again.
  if (coding !== 'identity') headers[PRECOMPRESSED_HEADER] = coding
  return new Response(body as BodyInit, { status: 200, headers })
}
