import type { Payload } from 'payload'

import { primaryPool } from '@/db/postgres'
import { deleteObjects, listObjects } from '@/storage/objectStore'
import { settings } from '@/settings'

/** How long an unreferenced bundle version stays, for apps and CDNs still holding its URL. */

/**
 * Deletes bundle objects (`bundles/<slug>/<locale>/<version>.json`) that no story-translations row
 * points at any more (rows of locales that are not live point at none) and that are older than the
 * grace period. Returns the keys it removed.
 */
export async function sweepBundles(payload: Payload, opts: { graceMs?: number; now?: Date } = {}): Promise<string[]> {
  const grace = opts.graceMs ?? settings().bundles.sweepGraceHours * 3_600_000
  const now = (opts.now ?? new Date()).getTime()
  const { rows } = await primaryPool(payload).query<{ story_slug: string; language_code: string; version: string }>(
    'SELECT story_slug, language_code, version FROM story_translations WHERE version IS NOT NULL AND bundle_url IS NOT NULL',
  )
  const referenced = new Set(rows.map((r) => `bundles/${r.story_slug}/${r.language_code}/${r.version}.json`))
  const stale = (await listObjects('bundles/'))
    .filter((o) => o.Key && !referenced.has(o.Key))
    .filter((o) => now - (o.LastModified?.getTime() ?? now) >= grace)
    .map((o) => o.Key!)
  await deleteObjects(stale)
  if (stale.length) payload.logger.info(`swept ${stale.length} unreferenced bundle version(s)`)
  return stale
}
