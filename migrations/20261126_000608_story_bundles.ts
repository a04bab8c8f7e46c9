import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "story_translations" ADD COLUMN "story_slug" varchar;
  ALTER TABLE "story_translations" ADD COLUMN "is_published" boolean DEFAULT false;
  ALTER TABLE "story_translations" ADD COLUMN "version" varchar;
  ALTER TABLE "story_translations" ADD COLUMN "bundle_url" varchar;
  CREATE UNIQUE INDEX "storySlug_languageCode_idx" ON "story_translations" USING btree ("story_slug","language_code");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "storySlug_languageCode_idx";
  ALTER TABLE "story_translations" DROP COLUMN "story_slug";
  ALTER TABLE "story_translations" DROP COLUMN "is_published";
  ALTER TABLE "story_translations" DROP COLUMN "version";
  ALTER TABLE "story_translations" DROP COLUMN "bundle_url";`)
}
