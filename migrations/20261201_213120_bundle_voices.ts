import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * story_translations.voices: the provider, model and narrator a bundle was compiled for. Null on
 * existing rows: the first worker to start compiles those bundles again and records it
 * (src/audio/jobs/voicesAtStart.ts).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "story_translations" ADD COLUMN "voices" varchar;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "story_translations" DROP COLUMN "voices";`)
}
