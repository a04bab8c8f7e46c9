import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "audio_files" ADD COLUMN "line_voice_speaker" varchar;
  ALTER TABLE "audio_files" ADD COLUMN "line_voice_pace" numeric;
  ALTER TABLE "audio_files" ADD COLUMN "line_voice_take" numeric;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "audio_files" DROP COLUMN "line_voice_speaker";
  ALTER TABLE "audio_files" DROP COLUMN "line_voice_pace";
  ALTER TABLE "audio_files" DROP COLUMN "line_voice_take";`)
}
