import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Synthesised audio kept until it is saved (hardening #10, object storage down): when the upload
 * or the row write fails after the TTS provider answered, the audio waits here under its content
 * key and the job's retry saves it instead of paying for a second synthesis. See
 * src/audio/jobs/synthesisSpool.ts. Not a Payload collection. Hand-written; never edit once landed.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS "audio_synthesis_spool" (
      "content_key" varchar(64) PRIMARY KEY,
      "bytes" bytea NOT NULL,
      "meta" jsonb NOT NULL,
      "created_at" timestamp(3) with time zone NOT NULL DEFAULT now()
    );
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "audio_synthesis_spool";`)
}
