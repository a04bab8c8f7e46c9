import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { recompileStoryBundles } from '@/services/storyBundles'

/**
 * Data only: bundles changed shape (additive, format 1): spoken options carry `needsAudio`, and a
 * character's `speaker` is the voice cast's for the bundle's locale. Recompiles every story's
 * bundles so rows compiled before match the published schema (their version changes; listeners'
 * states reattach to the new version as after any edit). Hand-written; never edit once landed.
 */
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  const { docs } = await payload.find({ collection: 'stories', depth: 0, limit: 0, pagination: false, req, overrideAccess: true, select: {} })
  for (const story of docs) await recompileStoryBundles(req, String(story.id))
  payload.logger.info(`bundle options' needsAudio and cast speakers: recompiled the bundles of ${docs.length} stories`)
}

/** Nothing to undo: the older code reads these bundles (it ignores the extra field). */
export async function down(_args: MigrateDownArgs): Promise<void> {}
