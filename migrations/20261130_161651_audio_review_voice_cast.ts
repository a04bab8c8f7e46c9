import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_characters_voice_cast_locale" AS ENUM('en', 'hi', 'bn', 'ta', 'te', 'kn', 'ml', 'mr', 'gu', 'pa', 'od', 'hi-mixed');
  CREATE TYPE "public"."enum_audio_files_review_status" AS ENUM('pending', 'approved', 'rejected');
  CREATE TABLE "characters_voice_cast" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"locale" "enum_characters_voice_cast_locale" NOT NULL,
  	"speaker" varchar NOT NULL
  );
  
  ALTER TABLE "audio_files" ADD COLUMN "review_status" "enum_audio_files_review_status" DEFAULT 'pending';
  ALTER TABLE "audio_files" ADD COLUMN "reviewed_by_id" uuid;
  ALTER TABLE "audio_files" ADD COLUMN "reviewed_at" timestamp(3) with time zone;
  ALTER TABLE "audio_files" ADD COLUMN "review_note" varchar;
  ALTER TABLE "characters_voice_cast" ADD CONSTRAINT "characters_voice_cast_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."characters"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "characters_voice_cast_order_idx" ON "characters_voice_cast" USING btree ("_order");
  CREATE INDEX "characters_voice_cast_parent_id_idx" ON "characters_voice_cast" USING btree ("_parent_id");
  ALTER TABLE "audio_files" ADD CONSTRAINT "audio_files_reviewed_by_id_editors_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."editors"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "audio_files_review_status_idx" ON "audio_files" USING btree ("review_status");
  CREATE INDEX "audio_files_reviewed_by_idx" ON "audio_files" USING btree ("reviewed_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "characters_voice_cast" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "characters_voice_cast" CASCADE;
  ALTER TABLE "audio_files" DROP CONSTRAINT "audio_files_reviewed_by_id_editors_id_fk";
  
  DROP INDEX "audio_files_review_status_idx";
  DROP INDEX "audio_files_reviewed_by_idx";
  ALTER TABLE "audio_files" DROP COLUMN "review_status";
  ALTER TABLE "audio_files" DROP COLUMN "reviewed_by_id";
  ALTER TABLE "audio_files" DROP COLUMN "reviewed_at";
  ALTER TABLE "audio_files" DROP COLUMN "review_note";
  DROP TYPE "public"."enum_characters_voice_cast_locale";
  DROP TYPE "public"."enum_audio_files_review_status";`)
}
