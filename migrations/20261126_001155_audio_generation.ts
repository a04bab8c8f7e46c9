import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'generateAudio', 'sweepAudioObjects', 'refreshStoryAudioBundles');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'generateAudio', 'sweepAudioObjects', 'refreshStoryAudioBundles');
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "audio_files" ADD COLUMN "content_key" varchar;
  ALTER TABLE "audio_files" ADD COLUMN "provider" varchar;
  ALTER TABLE "audio_files" ADD COLUMN "model" varchar;
  ALTER TABLE "audio_files" ADD COLUMN "text_chars" numeric;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "audio_files_r2_url_idx" ON "audio_files" USING btree ("r2_url");
  CREATE INDEX "audio_files_content_key_idx" ON "audio_files" USING btree ("content_key");`)
  // Hand-written (the schema builder cannot express them): column lengths like the spec's, the
  // runnable-jobs index the audio worker's SKIP LOCKED claim scans, and the story lookup of jobs.
  await db.execute(sql`
  ALTER TABLE "audio_files" ALTER COLUMN "content_key" TYPE varchar(64);
  ALTER TABLE "audio_files" ALTER COLUMN "provider" TYPE varchar(20);
  ALTER TABLE "audio_files" ALTER COLUMN "model" TYPE varchar(50);
  ALTER TABLE "audio_files" ALTER COLUMN "text_chars" TYPE integer USING "text_chars"::integer;
  CREATE INDEX "payload_jobs_runnable_idx" ON "payload_jobs" USING btree ("queue", "created_at") WHERE "completed_at" IS NULL AND "has_error" IS NOT TRUE;
  CREATE INDEX "payload_jobs_input_story_idx" ON "payload_jobs" USING btree (("input"->>'story'));`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_jobs_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP INDEX "audio_files_r2_url_idx";
  DROP INDEX "audio_files_content_key_idx";
  ALTER TABLE "audio_files" DROP COLUMN "content_key";
  ALTER TABLE "audio_files" DROP COLUMN "provider";
  ALTER TABLE "audio_files" DROP COLUMN "model";
  ALTER TABLE "audio_files" DROP COLUMN "text_chars";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
