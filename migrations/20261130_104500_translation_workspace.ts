import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Written by hand after the generated statements:
 * - translation states and events belong to their story: deleting the story deletes them
 *   (Payload generates ON DELETE SET NULL, which a NOT NULL column cannot take);
 * - every existing translated text gets a state against its current source (sha256 of the source's
 *   UTF-8 bytes, as src/domain/translation/hash.ts computes it), so later source edits show as
 *   stale; texts of locales complete today are `approved` (they are what apps were served);
 * - locales complete today are published, so nothing apps get now disappears;
 * - the progress counters the dashboard reads are filled in.
 * Existing stories are written in English (source_locale defaults to en); hi-mixed is translated
 * from Hindi (from English where a text has no Hindi).
 */
const TRANSLATION_DATA = sql`
  ALTER TABLE "translation_states" DROP CONSTRAINT "translation_states_story_id_stories_id_fk";
  ALTER TABLE "translation_states" ADD CONSTRAINT "translation_states_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "translation_events" DROP CONSTRAINT "translation_events_story_id_stories_id_fk";
  ALTER TABLE "translation_events" ADD CONSTRAINT "translation_events_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  UPDATE "stories" SET "source_locale" = 'en' WHERE "source_locale" IS NULL;
  UPDATE "story_translations" SET "publication_state" = CASE WHEN "is_complete" THEN 'published'::enum_story_translations_publication_state ELSE 'draft' END;
  -- Locales that are not live lose their bucket URL (the objects go with the next bundle sweep).
  UPDATE "story_translations" SET "bundle_url" = NULL WHERE "publication_state" <> 'published' AND "language_code" <> 'en';

  CREATE TEMPORARY TABLE "_tr_pairs" ON COMMIT DROP AS
  WITH texts AS (
    SELECT 'story/' || p.id || '/title' AS unit_id, p.id AS story_id, NULL::uuid AS node_id, l._locale::text AS locale, l.title AS text FROM stories p JOIN stories_locales l ON l._parent_id = p.id
    UNION ALL SELECT 'story/' || p.id || '/description', p.id, NULL, l._locale::text, l.description FROM stories p JOIN stories_locales l ON l._parent_id = p.id
    UNION ALL SELECT 'story/' || p.id || '/moral', p.id, NULL, l._locale::text, l.moral FROM stories p JOIN stories_locales l ON l._parent_id = p.id
    UNION ALL SELECT 'character/' || c.id || '/name', c.story_id, NULL, l._locale::text, l.name FROM characters c JOIN characters_locales l ON l._parent_id = c.id
    UNION ALL SELECT 'node/' || n.id || '/text_content', n.story_id, n.id, l._locale::text, l.text_content FROM story_nodes n JOIN story_nodes_locales l ON l._parent_id = n.id
    UNION ALL SELECT 'choice/' || c.id || '/text_content', c.story_id, NULL, l._locale::text, l.text_content FROM story_choices c JOIN story_choices_locales l ON l._parent_id = c.id
  ),
  units AS (SELECT DISTINCT unit_id, story_id, node_id FROM texts WHERE story_id IS NOT NULL),
  locales AS (SELECT unnest(enum_range(NULL::enum_translation_states_locale))::text AS locale)
  SELECT u.unit_id, u.story_id, u.node_id, l.locale,
         CASE WHEN l.locale = 'hi-mixed' AND btrim(coalesce(hi.text, '')) <> '' THEN hi.text ELSE en.text END AS source,
         t.text AS target
    FROM units u CROSS JOIN locales l
    LEFT JOIN texts en ON en.unit_id = u.unit_id AND en.locale = 'en'
    LEFT JOIN texts hi ON hi.unit_id = u.unit_id AND hi.locale = 'hi'
    LEFT JOIN texts t ON t.unit_id = u.unit_id AND t.locale = l.locale;

  INSERT INTO "translation_states" ("story_id", "unit_id", "locale", "status", "source_hash", "source_text", "target_hash")
  SELECT p.story_id, p.unit_id, p.locale::enum_translation_states_locale,
         CASE WHEN st.is_complete THEN 'approved' ELSE 'translated' END::enum_translation_states_status,
         encode(sha256(convert_to(p.source, 'UTF8')), 'hex'), p.source, encode(sha256(convert_to(p.target, 'UTF8')), 'hex')
    FROM "_tr_pairs" p
    LEFT JOIN story_translations st ON st.story_id = p.story_id AND st.language_code = p.locale
   WHERE p.locale <> 'en' AND btrim(coalesce(p.source, '')) <> '' AND btrim(coalesce(p.target, '')) <> '';

  UPDATE "story_translations" st SET
    "progress_units" = x.units, "progress_missing" = x.missing, "progress_machine" = 0, "progress_stale" = 0,
    "progress_translated" = x.translated, "progress_approved" = CASE WHEN st.is_complete THEN x.translated ELSE 0 END,
    "progress_nodes" = x.nodes, "progress_audio_nodes" = x.audio_nodes
  FROM (
    SELECT p.story_id, p.locale,
           count(*) FILTER (WHERE p.locale <> 'en' AND btrim(coalesce(p.source, '')) <> '') AS units,
           count(*) FILTER (WHERE p.locale <> 'en' AND btrim(coalesce(p.source, '')) <> '' AND btrim(coalesce(p.target, '')) = '') AS missing,
           count(*) FILTER (WHERE p.locale <> 'en' AND btrim(coalesce(p.source, '')) <> '' AND btrim(coalesce(p.target, '')) <> '') AS translated,
           count(*) FILTER (WHERE p.node_id IS NOT NULL AND (p.locale = 'en' OR btrim(coalesce(p.source, '')) <> '')) AS nodes,
           count(*) FILTER (WHERE p.node_id IS NOT NULL AND (p.locale = 'en' OR btrim(coalesce(p.source, '')) <> '')
                              AND EXISTS (SELECT 1 FROM audio_files a WHERE a.node_id = p.node_id AND a.language_code = p.locale)) AS audio_nodes
      FROM "_tr_pairs" p GROUP BY p.story_id, p.locale
  ) x
  WHERE st.story_id = x.story_id AND st.language_code = x.locale;
  DROP TABLE "_tr_pairs";
`

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_stories_source_locale" AS ENUM('en', 'hi', 'bn', 'ta', 'te', 'kn', 'ml', 'mr', 'gu', 'pa', 'od', 'hi-mixed');
  CREATE TYPE "public"."enum_story_translations_publication_state" AS ENUM('draft', 'in_review', 'published');
  CREATE TYPE "public"."enum_translation_states_locale" AS ENUM('en', 'hi', 'bn', 'ta', 'te', 'kn', 'ml', 'mr', 'gu', 'pa', 'od', 'hi-mixed');
  CREATE TYPE "public"."enum_translation_states_status" AS ENUM('machine', 'translated', 'approved');
  CREATE TYPE "public"."enum_translation_events_locale" AS ENUM('en', 'hi', 'bn', 'ta', 'te', 'kn', 'ml', 'mr', 'gu', 'pa', 'od', 'hi-mixed');
  CREATE TYPE "public"."enum_translation_events_action" AS ENUM('saved', 'machine', 'approved', 'unapproved', 'cleared', 'publication');
  CREATE TABLE "translation_states" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"story_id" uuid NOT NULL,
  	"unit_id" varchar NOT NULL,
  	"locale" "enum_translation_states_locale" NOT NULL,
  	"status" "enum_translation_states_status" NOT NULL,
  	"source_hash" varchar,
  	"source_text" varchar,
  	"target_hash" varchar,
  	"updated_by_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "translation_events" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"story_id" uuid NOT NULL,
  	"unit_id" varchar,
  	"locale" "enum_translation_events_locale" NOT NULL,
  	"action" "enum_translation_events_action" NOT NULL,
  	"from_status" varchar,
  	"to_status" varchar,
  	"by_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "stories" ADD COLUMN "source_locale" "enum_stories_source_locale" DEFAULT 'en';
  ALTER TABLE "stories" ADD COLUMN "translator_notes" jsonb;
  ALTER TABLE "stories_locales" ADD COLUMN "locale_notes" jsonb;
  ALTER TABLE "story_translations" ADD COLUMN "publication_state" "enum_story_translations_publication_state" DEFAULT 'draft';
  ALTER TABLE "story_translations" ADD COLUMN "progress_units" numeric DEFAULT 0;
  ALTER TABLE "story_translations" ADD COLUMN "progress_missing" numeric DEFAULT 0;
  ALTER TABLE "story_translations" ADD COLUMN "progress_machine" numeric DEFAULT 0;
  ALTER TABLE "story_translations" ADD COLUMN "progress_stale" numeric DEFAULT 0;
  ALTER TABLE "story_translations" ADD COLUMN "progress_translated" numeric DEFAULT 0;
  ALTER TABLE "story_translations" ADD COLUMN "progress_approved" numeric DEFAULT 0;
  ALTER TABLE "story_translations" ADD COLUMN "progress_nodes" numeric DEFAULT 0;
  ALTER TABLE "story_translations" ADD COLUMN "progress_audio_nodes" numeric DEFAULT 0;
  ALTER TABLE "editors" ADD COLUMN "reviewer" boolean DEFAULT false;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "translation_states_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "translation_events_id" uuid;
  ALTER TABLE "translation_states" ADD CONSTRAINT "translation_states_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "translation_states" ADD CONSTRAINT "translation_states_updated_by_id_editors_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."editors"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "translation_events" ADD CONSTRAINT "translation_events_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "translation_events" ADD CONSTRAINT "translation_events_by_id_editors_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."editors"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "translation_states_story_idx" ON "translation_states" USING btree ("story_id");
  CREATE INDEX "translation_states_updated_by_idx" ON "translation_states" USING btree ("updated_by_id");
  CREATE INDEX "translation_states_updated_at_idx" ON "translation_states" USING btree ("updated_at");
  CREATE INDEX "translation_states_created_at_idx" ON "translation_states" USING btree ("created_at");
  CREATE UNIQUE INDEX "unitId_locale_idx" ON "translation_states" USING btree ("unit_id","locale");
  CREATE INDEX "story_locale_idx" ON "translation_states" USING btree ("story_id","locale");
  CREATE INDEX "translation_events_story_idx" ON "translation_events" USING btree ("story_id");
  CREATE INDEX "translation_events_by_idx" ON "translation_events" USING btree ("by_id");
  CREATE INDEX "translation_events_updated_at_idx" ON "translation_events" USING btree ("updated_at");
  CREATE INDEX "translation_events_created_at_idx" ON "translation_events" USING btree ("created_at");
  CREATE INDEX "unitId_locale_1_idx" ON "translation_events" USING btree ("unit_id","locale");
  CREATE INDEX "story_locale_1_idx" ON "translation_events" USING btree ("story_id","locale");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_translation_states_fk" FOREIGN KEY ("translation_states_id") REFERENCES "public"."translation_states"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_translation_events_fk" FOREIGN KEY ("translation_events_id") REFERENCES "public"."translation_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "story_translations_publication_state_idx" ON "story_translations" USING btree ("publication_state");
  CREATE INDEX "payload_locked_documents_rels_translation_states_id_idx" ON "payload_locked_documents_rels" USING btree ("translation_states_id");
  CREATE INDEX "payload_locked_documents_rels_translation_events_id_idx" ON "payload_locked_documents_rels" USING btree ("translation_events_id");`)
  await db.execute(TRANSLATION_DATA)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "translation_states" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "translation_events" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "translation_states" CASCADE;
  DROP TABLE "translation_events" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_translation_states_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_translation_events_fk";
  
  DROP INDEX "story_translations_publication_state_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_translation_states_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_translation_events_id_idx";
  ALTER TABLE "stories" DROP COLUMN "source_locale";
  ALTER TABLE "stories" DROP COLUMN "translator_notes";
  ALTER TABLE "stories_locales" DROP COLUMN "locale_notes";
  ALTER TABLE "story_translations" DROP COLUMN "publication_state";
  ALTER TABLE "story_translations" DROP COLUMN "progress_units";
  ALTER TABLE "story_translations" DROP COLUMN "progress_missing";
  ALTER TABLE "story_translations" DROP COLUMN "progress_machine";
  ALTER TABLE "story_translations" DROP COLUMN "progress_stale";
  ALTER TABLE "story_translations" DROP COLUMN "progress_translated";
  ALTER TABLE "story_translations" DROP COLUMN "progress_approved";
  ALTER TABLE "story_translations" DROP COLUMN "progress_nodes";
  ALTER TABLE "story_translations" DROP COLUMN "progress_audio_nodes";
  ALTER TABLE "editors" DROP COLUMN "reviewer";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "translation_states_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "translation_events_id";
  DROP TYPE "public"."enum_stories_source_locale";
  DROP TYPE "public"."enum_story_translations_publication_state";
  DROP TYPE "public"."enum_translation_states_locale";
  DROP TYPE "public"."enum_translation_states_status";
  DROP TYPE "public"."enum_translation_events_locale";
  DROP TYPE "public"."enum_translation_events_action";`)
}
