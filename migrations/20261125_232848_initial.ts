import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('en', 'hi', 'bn', 'ta', 'te', 'kn', 'ml', 'mr', 'gu', 'pa', 'od', 'hi-mixed');
  CREATE TYPE "public"."enum_story_nodes_node_type" AS ENUM('narration', 'dialogue', 'choice', 'end');
  CREATE TYPE "public"."enum_analytics_events_event_type" AS ENUM('page_view', 'story_start', 'story_complete', 'choice_made', 'audio_play', 'audio_pause', 'language_change', 'bookmark_add', 'bookmark_remove');
  CREATE TYPE "public"."enum_editors_assigned_locales" AS ENUM('en', 'hi', 'bn', 'ta', 'te', 'kn', 'ml', 'mr', 'gu', 'pa', 'od', 'hi-mixed');
  CREATE TYPE "public"."enum_editors_role" AS ENUM('admin', 'editor', 'translator');
  CREATE TABLE "stories" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"slug" varchar NOT NULL,
  	"age_range" varchar NOT NULL,
  	"region" varchar NOT NULL,
  	"duration_min" numeric,
  	"cover_id" uuid,
  	"cover_image" varchar,
  	"is_active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "stories_locales" (
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"moral" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" uuid NOT NULL
  );
  
  CREATE TABLE "story_translations" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"story_id" uuid NOT NULL,
  	"language_code" varchar NOT NULL,
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"content_json" jsonb NOT NULL,
  	"is_complete" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "characters" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"story_id" uuid NOT NULL,
  	"slug" varchar NOT NULL,
  	"voice_profile" varchar NOT NULL,
  	"bulbul_speaker" varchar NOT NULL,
  	"display_order" numeric DEFAULT 0,
  	"avatar_id" uuid,
  	"avatar_url" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "characters_locales" (
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" uuid NOT NULL
  );
  
  CREATE TABLE "story_nodes" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"story_id" uuid NOT NULL,
  	"node_type" "enum_story_nodes_node_type" NOT NULL,
  	"display_order" numeric NOT NULL,
  	"is_start" boolean DEFAULT false,
  	"is_end" boolean DEFAULT false,
  	"character_id" uuid,
  	"metadata" jsonb DEFAULT '{}'::jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "story_nodes_locales" (
  	"text_content" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" uuid NOT NULL
  );
  
  CREATE TABLE "story_choices" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"node_id" uuid NOT NULL,
  	"story_id" uuid,
  	"choice_key" varchar NOT NULL,
  	"is_default" boolean DEFAULT false,
  	"next_node_id" uuid,
  	"metadata" jsonb DEFAULT '{}'::jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "story_choices_locales" (
  	"text_content" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" uuid NOT NULL
  );
  
  CREATE TABLE "audio_files" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"node_id" uuid NOT NULL,
  	"story_id" uuid,
  	"language_code" varchar NOT NULL,
  	"code_mix_ratio" numeric DEFAULT 0,
  	"speaker_id" varchar NOT NULL,
  	"r2_url" varchar NOT NULL,
  	"file_size" numeric,
  	"duration_sec" numeric,
  	"checksum" varchar,
  	"accessed_at" timestamp(3) with time zone,
  	"access_count" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "media" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"alt" varchar NOT NULL,
  	"prefix" varchar DEFAULT 'media',
  	"_objectkey" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_hero_url" varchar,
  	"sizes_hero_width" numeric,
  	"sizes_hero_height" numeric,
  	"sizes_hero_mime_type" varchar,
  	"sizes_hero_filesize" numeric,
  	"sizes_hero_filename" varchar
  );
  
  CREATE TABLE "users" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"anonymous_id" varchar NOT NULL,
  	"last_active" timestamp(3) with time zone,
  	"preferences" jsonb DEFAULT '{}'::jsonb,
  	"metadata" jsonb DEFAULT '{}'::jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "user_progress" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"user_id" uuid NOT NULL,
  	"story_id" uuid NOT NULL,
  	"current_node_id" uuid,
  	"choices_made" jsonb DEFAULT '[]'::jsonb,
  	"is_completed" boolean DEFAULT false,
  	"completion_percentage" numeric DEFAULT 0,
  	"play_count" numeric DEFAULT 0,
  	"total_time_sec" numeric DEFAULT 0,
  	"last_played_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "bookmarks" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"user_id" uuid NOT NULL,
  	"story_id" uuid NOT NULL,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "analytics_events" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"user_id" uuid,
  	"story_id" uuid,
  	"node_id" uuid,
  	"event_type" "enum_analytics_events_event_type" NOT NULL,
  	"event_data" jsonb DEFAULT '{}'::jsonb,
  	"session_id" varchar,
  	"ip_address" varchar,
  	"user_agent" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "editors_assigned_locales" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_editors_assigned_locales",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "editors_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "editors" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar,
  	"role" "enum_editors_role" DEFAULT 'editor' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload_kv" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"stories_id" uuid,
  	"story_translations_id" uuid,
  	"characters_id" uuid,
  	"story_nodes_id" uuid,
  	"story_choices_id" uuid,
  	"audio_files_id" uuid,
  	"media_id" uuid,
  	"users_id" uuid,
  	"user_progress_id" uuid,
  	"bookmarks_id" uuid,
  	"analytics_events_id" uuid,
  	"editors_id" uuid
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"editors_id" uuid
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "stories" ADD CONSTRAINT "stories_cover_id_media_id_fk" FOREIGN KEY ("cover_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stories_locales" ADD CONSTRAINT "stories_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "story_translations" ADD CONSTRAINT "story_translations_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "characters" ADD CONSTRAINT "characters_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "characters" ADD CONSTRAINT "characters_avatar_id_media_id_fk" FOREIGN KEY ("avatar_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "characters_locales" ADD CONSTRAINT "characters_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."characters"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "story_nodes" ADD CONSTRAINT "story_nodes_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "story_nodes" ADD CONSTRAINT "story_nodes_character_id_characters_id_fk" FOREIGN KEY ("character_id") REFERENCES "public"."characters"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "story_nodes_locales" ADD CONSTRAINT "story_nodes_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."story_nodes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "story_choices" ADD CONSTRAINT "story_choices_node_id_story_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."story_nodes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "story_choices" ADD CONSTRAINT "story_choices_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "story_choices" ADD CONSTRAINT "story_choices_next_node_id_story_nodes_id_fk" FOREIGN KEY ("next_node_id") REFERENCES "public"."story_nodes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "story_choices_locales" ADD CONSTRAINT "story_choices_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."story_choices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "audio_files" ADD CONSTRAINT "audio_files_node_id_story_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."story_nodes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audio_files" ADD CONSTRAINT "audio_files_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "user_progress" ADD CONSTRAINT "user_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "user_progress" ADD CONSTRAINT "user_progress_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "user_progress" ADD CONSTRAINT "user_progress_current_node_id_story_nodes_id_fk" FOREIGN KEY ("current_node_id") REFERENCES "public"."story_nodes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "bookmarks" ADD CONSTRAINT "bookmarks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "bookmarks" ADD CONSTRAINT "bookmarks_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "analytics_events" ADD CONSTRAINT "analytics_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "analytics_events" ADD CONSTRAINT "analytics_events_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "analytics_events" ADD CONSTRAINT "analytics_events_node_id_story_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."story_nodes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "editors_assigned_locales" ADD CONSTRAINT "editors_assigned_locales_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."editors"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "editors_sessions" ADD CONSTRAINT "editors_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."editors"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_stories_fk" FOREIGN KEY ("stories_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_story_translations_fk" FOREIGN KEY ("story_translations_id") REFERENCES "public"."story_translations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_characters_fk" FOREIGN KEY ("characters_id") REFERENCES "public"."characters"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_story_nodes_fk" FOREIGN KEY ("story_nodes_id") REFERENCES "public"."story_nodes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_story_choices_fk" FOREIGN KEY ("story_choices_id") REFERENCES "public"."story_choices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audio_files_fk" FOREIGN KEY ("audio_files_id") REFERENCES "public"."audio_files"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_user_progress_fk" FOREIGN KEY ("user_progress_id") REFERENCES "public"."user_progress"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_bookmarks_fk" FOREIGN KEY ("bookmarks_id") REFERENCES "public"."bookmarks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_analytics_events_fk" FOREIGN KEY ("analytics_events_id") REFERENCES "public"."analytics_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_editors_fk" FOREIGN KEY ("editors_id") REFERENCES "public"."editors"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_editors_fk" FOREIGN KEY ("editors_id") REFERENCES "public"."editors"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "stories_slug_idx" ON "stories" USING btree ("slug");
  CREATE INDEX "stories_age_range_idx" ON "stories" USING btree ("age_range");
  CREATE INDEX "stories_region_idx" ON "stories" USING btree ("region");
  CREATE INDEX "stories_cover_idx" ON "stories" USING btree ("cover_id");
  CREATE INDEX "stories_updated_at_idx" ON "stories" USING btree ("updated_at");
  CREATE INDEX "stories_created_at_idx" ON "stories" USING btree ("created_at");
  CREATE UNIQUE INDEX "stories_locales_locale_parent_id_unique" ON "stories_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "story_translations_story_idx" ON "story_translations" USING btree ("story_id");
  CREATE INDEX "story_translations_language_code_idx" ON "story_translations" USING btree ("language_code");
  CREATE INDEX "story_translations_updated_at_idx" ON "story_translations" USING btree ("updated_at");
  CREATE INDEX "story_translations_created_at_idx" ON "story_translations" USING btree ("created_at");
  CREATE UNIQUE INDEX "story_languageCode_idx" ON "story_translations" USING btree ("story_id","language_code");
  CREATE INDEX "characters_story_idx" ON "characters" USING btree ("story_id");
  CREATE INDEX "characters_bulbul_speaker_idx" ON "characters" USING btree ("bulbul_speaker");
  CREATE INDEX "characters_avatar_idx" ON "characters" USING btree ("avatar_id");
  CREATE INDEX "characters_updated_at_idx" ON "characters" USING btree ("updated_at");
  CREATE INDEX "characters_created_at_idx" ON "characters" USING btree ("created_at");
  CREATE UNIQUE INDEX "story_slug_idx" ON "characters" USING btree ("story_id","slug");
  CREATE UNIQUE INDEX "characters_locales_locale_parent_id_unique" ON "characters_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "story_nodes_story_idx" ON "story_nodes" USING btree ("story_id");
  CREATE INDEX "story_nodes_node_type_idx" ON "story_nodes" USING btree ("node_type");
  CREATE INDEX "story_nodes_character_idx" ON "story_nodes" USING btree ("character_id");
  CREATE INDEX "story_nodes_updated_at_idx" ON "story_nodes" USING btree ("updated_at");
  CREATE INDEX "story_nodes_created_at_idx" ON "story_nodes" USING btree ("created_at");
  CREATE INDEX "story_displayOrder_idx" ON "story_nodes" USING btree ("story_id","display_order");
  CREATE UNIQUE INDEX "story_nodes_locales_locale_parent_id_unique" ON "story_nodes_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "story_choices_node_idx" ON "story_choices" USING btree ("node_id");
  CREATE INDEX "story_choices_story_idx" ON "story_choices" USING btree ("story_id");
  CREATE INDEX "story_choices_next_node_idx" ON "story_choices" USING btree ("next_node_id");
  CREATE INDEX "story_choices_updated_at_idx" ON "story_choices" USING btree ("updated_at");
  CREATE INDEX "story_choices_created_at_idx" ON "story_choices" USING btree ("created_at");
  CREATE UNIQUE INDEX "node_choiceKey_idx" ON "story_choices" USING btree ("node_id","choice_key");
  CREATE UNIQUE INDEX "story_choices_locales_locale_parent_id_unique" ON "story_choices_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "audio_files_node_idx" ON "audio_files" USING btree ("node_id");
  CREATE INDEX "audio_files_story_idx" ON "audio_files" USING btree ("story_id");
  CREATE INDEX "audio_files_language_code_idx" ON "audio_files" USING btree ("language_code");
  CREATE INDEX "audio_files_speaker_id_idx" ON "audio_files" USING btree ("speaker_id");
  CREATE INDEX "audio_files_accessed_at_idx" ON "audio_files" USING btree ("accessed_at");
  CREATE INDEX "audio_files_updated_at_idx" ON "audio_files" USING btree ("updated_at");
  CREATE INDEX "audio_files_created_at_idx" ON "audio_files" USING btree ("created_at");
  CREATE UNIQUE INDEX "node_languageCode_codeMixRatio_speakerId_idx" ON "audio_files" USING btree ("node_id","language_code","code_mix_ratio","speaker_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "media_sizes_hero_sizes_hero_filename_idx" ON "media" USING btree ("sizes_hero_filename");
  CREATE UNIQUE INDEX "users_anonymous_id_idx" ON "users" USING btree ("anonymous_id");
  CREATE INDEX "users_last_active_idx" ON "users" USING btree ("last_active");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE INDEX "user_progress_user_idx" ON "user_progress" USING btree ("user_id");
  CREATE INDEX "user_progress_story_idx" ON "user_progress" USING btree ("story_id");
  CREATE INDEX "user_progress_current_node_idx" ON "user_progress" USING btree ("current_node_id");
  CREATE INDEX "user_progress_updated_at_idx" ON "user_progress" USING btree ("updated_at");
  CREATE INDEX "user_progress_created_at_idx" ON "user_progress" USING btree ("created_at");
  CREATE UNIQUE INDEX "user_story_idx" ON "user_progress" USING btree ("user_id","story_id");
  CREATE INDEX "bookmarks_user_idx" ON "bookmarks" USING btree ("user_id");
  CREATE INDEX "bookmarks_story_idx" ON "bookmarks" USING btree ("story_id");
  CREATE INDEX "bookmarks_updated_at_idx" ON "bookmarks" USING btree ("updated_at");
  CREATE INDEX "bookmarks_created_at_idx" ON "bookmarks" USING btree ("created_at");
  CREATE UNIQUE INDEX "user_story_1_idx" ON "bookmarks" USING btree ("user_id","story_id");
  CREATE INDEX "analytics_events_user_idx" ON "analytics_events" USING btree ("user_id");
  CREATE INDEX "analytics_events_story_idx" ON "analytics_events" USING btree ("story_id");
  CREATE INDEX "analytics_events_node_idx" ON "analytics_events" USING btree ("node_id");
  CREATE INDEX "analytics_events_event_type_idx" ON "analytics_events" USING btree ("event_type");
  CREATE INDEX "analytics_events_session_id_idx" ON "analytics_events" USING btree ("session_id");
  CREATE INDEX "analytics_events_updated_at_idx" ON "analytics_events" USING btree ("updated_at");
  CREATE INDEX "analytics_events_created_at_idx" ON "analytics_events" USING btree ("created_at");
  CREATE INDEX "editors_assigned_locales_order_idx" ON "editors_assigned_locales" USING btree ("order");
  CREATE INDEX "editors_assigned_locales_parent_idx" ON "editors_assigned_locales" USING btree ("parent_id");
  CREATE INDEX "editors_sessions_order_idx" ON "editors_sessions" USING btree ("_order");
  CREATE INDEX "editors_sessions_parent_id_idx" ON "editors_sessions" USING btree ("_parent_id");
  CREATE INDEX "editors_updated_at_idx" ON "editors" USING btree ("updated_at");
  CREATE INDEX "editors_created_at_idx" ON "editors" USING btree ("created_at");
  CREATE UNIQUE INDEX "editors_email_idx" ON "editors" USING btree ("email");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_stories_id_idx" ON "payload_locked_documents_rels" USING btree ("stories_id");
  CREATE INDEX "payload_locked_documents_rels_story_translations_id_idx" ON "payload_locked_documents_rels" USING btree ("story_translations_id");
  CREATE INDEX "payload_locked_documents_rels_characters_id_idx" ON "payload_locked_documents_rels" USING btree ("characters_id");
  CREATE INDEX "payload_locked_documents_rels_story_nodes_id_idx" ON "payload_locked_documents_rels" USING btree ("story_nodes_id");
  CREATE INDEX "payload_locked_documents_rels_story_choices_id_idx" ON "payload_locked_documents_rels" USING btree ("story_choices_id");
  CREATE INDEX "payload_locked_documents_rels_audio_files_id_idx" ON "payload_locked_documents_rels" USING btree ("audio_files_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_user_progress_id_idx" ON "payload_locked_documents_rels" USING btree ("user_progress_id");
  CREATE INDEX "payload_locked_documents_rels_bookmarks_id_idx" ON "payload_locked_documents_rels" USING btree ("bookmarks_id");
  CREATE INDEX "payload_locked_documents_rels_analytics_events_id_idx" ON "payload_locked_documents_rels" USING btree ("analytics_events_id");
  CREATE INDEX "payload_locked_documents_rels_editors_id_idx" ON "payload_locked_documents_rels" USING btree ("editors_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_editors_id_idx" ON "payload_preferences_rels" USING btree ("editors_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "stories" CASCADE;
  DROP TABLE "stories_locales" CASCADE;
  DROP TABLE "story_translations" CASCADE;
  DROP TABLE "characters" CASCADE;
  DROP TABLE "characters_locales" CASCADE;
  DROP TABLE "story_nodes" CASCADE;
  DROP TABLE "story_nodes_locales" CASCADE;
  DROP TABLE "story_choices" CASCADE;
  DROP TABLE "story_choices_locales" CASCADE;
  DROP TABLE "audio_files" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "user_progress" CASCADE;
  DROP TABLE "bookmarks" CASCADE;
  DROP TABLE "analytics_events" CASCADE;
  DROP TABLE "editors_assigned_locales" CASCADE;
  DROP TABLE "editors_sessions" CASCADE;
  DROP TABLE "editors" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum_story_nodes_node_type";
  DROP TYPE "public"."enum_analytics_events_event_type";
  DROP TYPE "public"."enum_editors_assigned_locales";
  DROP TYPE "public"."enum_editors_role";`)
}
