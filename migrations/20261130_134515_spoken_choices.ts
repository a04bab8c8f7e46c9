import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { recompileStoryBundles } from '@/services/storyBundles'

/**
 * Spoken choices: an audio row may voice a choice's option (`choice_id`, the choice node in
 * `node_id`). The spec's unique key of audio_files (node, language, code-mix ratio, speaker) stays
 * for node audio as a partial unique index WHERE choice_id IS NULL; choice audio is unique per
 * (choice, language, code-mix ratio, speaker) WHERE choice_id IS NOT NULL. Deleting a choice deletes
 * its audio rows (CASCADE, like node_id), never turning them into node audio. The partial indexes
 * and the CASCADE are hand-written (Payload's schema builder has neither). Bundles gain each
 * option's `audioUrl` (additive, format 1): every story's bundles are recompiled.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX "node_languageCode_codeMixRatio_speakerId_idx";
  ALTER TABLE "audio_files" ADD COLUMN "choice_id" uuid;
  ALTER TABLE "audio_files" ADD CONSTRAINT "audio_files_choice_id_story_choices_id_fk" FOREIGN KEY ("choice_id") REFERENCES "public"."story_choices"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "audio_files_choice_idx" ON "audio_files" USING btree ("choice_id");
  CREATE UNIQUE INDEX "uq_audio_variant" ON "audio_files" USING btree ("node_id","language_code","code_mix_ratio","speaker_id") WHERE "choice_id" IS NULL;
  CREATE UNIQUE INDEX "uq_audio_choice_variant" ON "audio_files" USING btree ("choice_id","language_code","code_mix_ratio","speaker_id") WHERE "choice_id" IS NOT NULL;`)
  const { docs } = await payload.find({ collection: 'stories', depth: 0, limit: 0, pagination: false, req, overrideAccess: true, select: {} })
  for (const story of docs) await recompileStoryBundles(req, String(story.id))
  payload.logger.info(`spoken choices: recompiled the bundles of ${docs.length} stories`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DELETE FROM "audio_files" WHERE "choice_id" IS NOT NULL;
  DROP INDEX "uq_audio_choice_variant";
  DROP INDEX "uq_audio_variant";
  ALTER TABLE "audio_files" DROP CONSTRAINT "audio_files_choice_id_story_choices_id_fk";
  DROP INDEX "audio_files_choice_idx";
  CREATE UNIQUE INDEX "node_languageCode_codeMixRatio_speakerId_idx" ON "audio_files" USING btree ("node_id","language_code","code_mix_ratio","speaker_id");
  ALTER TABLE "audio_files" DROP COLUMN "choice_id";`)
}
