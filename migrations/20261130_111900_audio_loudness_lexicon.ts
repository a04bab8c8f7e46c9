import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_pronunciations_locale" AS ENUM('all', 'en', 'hi', 'bn', 'ta', 'te', 'kn', 'ml', 'mr', 'gu', 'pa', 'od', 'hi-mixed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'autoVoiceStory';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'autoVoiceStory';
  CREATE TABLE "pronunciations" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"term" varchar NOT NULL,
  	"locale" "enum_pronunciations_locale" DEFAULT 'all' NOT NULL,
  	"spoken" varchar NOT NULL,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "audio_files" ADD COLUMN "loudness_lufs" numeric;
  ALTER TABLE "audio_files" ADD COLUMN "true_peak_dbtp" numeric;
  ALTER TABLE "audio_files" ADD COLUMN "cues" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "pronunciations_id" uuid;
  CREATE INDEX "pronunciations_locale_idx" ON "pronunciations" USING btree ("locale");
  CREATE INDEX "pronunciations_updated_at_idx" ON "pronunciations" USING btree ("updated_at");
  CREATE INDEX "pronunciations_created_at_idx" ON "pronunciations" USING btree ("created_at");
  CREATE UNIQUE INDEX "term_locale_idx" ON "pronunciations" USING btree ("term","locale");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_pronunciations_fk" FOREIGN KEY ("pronunciations_id") REFERENCES "public"."pronunciations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_pronunciations_id_idx" ON "payload_locked_documents_rels" USING btree ("pronunciations_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // Hand-ordered (the generated order dropped the table, whose CASCADE took the constraint, before
  // dropping the constraint): constraint, table, then the job enums without this task's rows.
  await db.execute(sql`
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_pronunciations_fk";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_pronunciations_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "pronunciations_id";
  DROP TABLE "pronunciations" CASCADE;
  DELETE FROM "payload_jobs_log" WHERE "task_slug" = 'autoVoiceStory';
  DELETE FROM "payload_jobs" WHERE "task_slug" = 'autoVoiceStory';
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'generateAudio', 'sweepAudioObjects', 'refreshStoryAudioBundles');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'generateAudio', 'sweepAudioObjects', 'refreshStoryAudioBundles');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  ALTER TABLE "audio_files" DROP COLUMN "loudness_lufs";
  ALTER TABLE "audio_files" DROP COLUMN "true_peak_dbtp";
  ALTER TABLE "audio_files" DROP COLUMN "cues";
  DROP TYPE "public"."enum_pronunciations_locale";`)
}
