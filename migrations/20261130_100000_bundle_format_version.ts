import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { recompileStoryBundles } from '@/services/storyBundles'

/**
 * Data only: bundles gained `formatVersion` (additive, format 1). Recompiles every story's bundles
 * so rows compiled before carry it too (their version changes; listeners' states reattach to the
 * new version as after any edit). Hand-written; never edit once landed.
 */
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  const { docs } = await payload.find({ collection: 'stories', depth: 0, limit: 0, pagination: false, req, overrideAccess: true, select: {} })
  for (const story of docs) await recompileStoryBundles(req, String(story.id))
  payload.logger.info(`bundle formatVersion: recompiled the bundles of ${docs.length} stories`)
}

/** Nothing to undo: a bundle with formatVersion is a valid format-1 bundle. */
export async function down(_args: MigrateDownArgs): Promise<void> {}
