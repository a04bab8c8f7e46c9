import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * The pronunciation dictionary kept on a TTS provider's side (Sarvam bulbul:v3), per provider and
 * model: its id, what it holds and the hash of the lexicon it was synced from. See
 * src/audio/pronunciationDictionary.ts. Not a Payload collection (like audio_synthesis_spool).
 * Hand-written (a blank migration from `migrate:create`); never edit once landed.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS "provider_dictionaries" (
      "provider" varchar(20) NOT NULL,
      "model" varchar(50) NOT NULL,
      "dictionary_id" varchar(100),
      "content_hash" varchar(64) NOT NULL,
      "pronunciations" jsonb NOT NULL DEFAULT '{}'::jsonb,
      "words" integer NOT NULL DEFAULT 0,
      "synced_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
      PRIMARY KEY ("provider", "model")
    );
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "provider_dictionaries";`)
}
