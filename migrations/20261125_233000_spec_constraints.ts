import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * What Payload's schema builder cannot express, from shared/spec/schema.md:
 * ON DELETE actions, partial indexes, column lengths and integer/numeric precision, range checks
 * and the `inet` column. Hand-written on purpose; never edit once landed.
 */

// [table, column, referenced table] whose foreign key must CASCADE (Payload generates SET NULL).
const CASCADES: [string, string, string][] = [
  ['story_translations', 'story_id', 'stories'],
  ['characters', 'story_id', 'stories'],
  ['story_nodes', 'story_id', 'stories'],
  ['story_choices', 'node_id', 'story_nodes'],
  ['story_choices', 'story_id', 'stories'],
  ['audio_files', 'node_id', 'story_nodes'],
  ['audio_files', 'story_id', 'stories'],
  ['user_progress', 'user_id', 'users'],
  ['user_progress', 'story_id', 'stories'],
  ['bookmarks', 'user_id', 'users'],
  ['bookmarks', 'story_id', 'stories'],
]

// [table, column, spec type]
const TYPES: [string, string, string][] = [
  ['stories', 'slug', 'varchar(100)'],
  ['stories', 'age_range', 'varchar(20)'],
  ['stories', 'region', 'varchar(50)'],
  ['stories', 'cover_image', 'varchar(500)'],
  ['stories', 'duration_min', 'integer'],
  ['stories_locales', 'title', 'varchar(200)'],
  ['story_translations', 'language_code', 'varchar(10)'],
  ['story_translations', 'title', 'varchar(200)'],
  ['characters', 'slug', 'varchar(50)'],
  ['characters', 'voice_profile', 'varchar(50)'],
  ['characters', 'bulbul_speaker', 'varchar(50)'],
  ['characters', 'avatar_url', 'varchar(500)'],
  ['characters', 'display_order', 'integer'],
  ['characters_locales', 'name', 'varchar(100)'],
  ['story_nodes', 'display_order', 'integer'],
  ['story_choices', 'choice_key', 'varchar(10)'],
  ['audio_files', 'language_code', 'varchar(10)'],
  ['audio_files', 'code_mix_ratio', 'numeric(3,2)'],
  ['audio_files', 'speaker_id', 'varchar(50)'],
  ['audio_files', 'r2_url', 'varchar(500)'],
  ['audio_files', 'file_size', 'integer'],
  ['audio_files', 'duration_sec', 'numeric(6,2)'],
  ['audio_files', 'checksum', 'varchar(64)'],
  ['audio_files', 'access_count', 'integer'],
  ['users', 'anonymous_id', 'varchar(64)'],
  ['user_progress', 'completion_percentage', 'numeric(5,2)'],
  ['user_progress', 'play_count', 'integer'],
  ['user_progress', 'total_time_sec', 'integer'],
  ['analytics_events', 'session_id', 'varchar(100)'],
  ['analytics_events', 'ip_address', 'inet'],
]

const fk = (table: string, column: string, ref: string) => `${table}_${column}_${ref}_id_fk`

function setForeignKeys(action: 'cascade' | 'set null'): string {
  return CASCADES.map(
    ([t, c, r]) => `ALTER TABLE "${t}" DROP CONSTRAINT "${fk(t, c, r)}";
  ALTER TABLE "${t}" ADD CONSTRAINT "${fk(t, c, r)}" FOREIGN KEY ("${c}") REFERENCES "public"."${r}"("id") ON DELETE ${action} ON UPDATE no action;`,
  ).join('\n  ')
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql.raw(setForeignKeys('cascade')))
  await db.execute(
    sql.raw(
      TYPES.map(([t, c, type]) => `ALTER TABLE "${t}" ALTER COLUMN "${c}" TYPE ${type} USING "${c}"::${type};`).join('\n'),
    ),
  )
  await db.execute(sql`
  UPDATE "audio_files" SET "code_mix_ratio" = 0 WHERE "code_mix_ratio" IS NULL;
  ALTER TABLE "audio_files" ALTER COLUMN "code_mix_ratio" SET NOT NULL;
  ALTER TABLE "audio_files" ADD CONSTRAINT "audio_files_code_mix_ratio_range" CHECK ("code_mix_ratio" >= 0 AND "code_mix_ratio" <= 1);
  ALTER TABLE "user_progress" ADD CONSTRAINT "user_progress_completion_percentage_range" CHECK ("completion_percentage" >= 0 AND "completion_percentage" <= 100);
  ALTER TABLE "user_progress" ALTER COLUMN "choices_made" SET DEFAULT '[]'::jsonb;
  ALTER TABLE "story_nodes" ALTER COLUMN "metadata" SET DEFAULT '{}'::jsonb;
  ALTER TABLE "story_choices" ALTER COLUMN "metadata" SET DEFAULT '{}'::jsonb;
  ALTER TABLE "users" ALTER COLUMN "preferences" SET DEFAULT '{}'::jsonb;
  ALTER TABLE "users" ALTER COLUMN "metadata" SET DEFAULT '{}'::jsonb;
  ALTER TABLE "users" ALTER COLUMN "last_active" SET DEFAULT now();
  ALTER TABLE "analytics_events" ALTER COLUMN "event_data" SET DEFAULT '{}'::jsonb;
  CREATE INDEX "idx_stories_active" ON "stories" USING btree ("is_active") WHERE "is_active" = TRUE;
  CREATE INDEX "idx_story_nodes_start" ON "story_nodes" USING btree ("story_id", "is_start") WHERE "is_start" = TRUE;
  CREATE INDEX "idx_user_progress_completed" ON "user_progress" USING btree ("user_id", "is_completed") WHERE "is_completed" = TRUE;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "idx_stories_active";
  DROP INDEX IF EXISTS "idx_story_nodes_start";
  DROP INDEX IF EXISTS "idx_user_progress_completed";
  ALTER TABLE "audio_files" DROP CONSTRAINT IF EXISTS "audio_files_code_mix_ratio_range";
  ALTER TABLE "user_progress" DROP CONSTRAINT IF EXISTS "user_progress_completion_percentage_range";
  ALTER TABLE "audio_files" ALTER COLUMN "code_mix_ratio" DROP NOT NULL;
  ALTER TABLE "user_progress" ALTER COLUMN "choices_made" DROP DEFAULT;
  ALTER TABLE "story_nodes" ALTER COLUMN "metadata" DROP DEFAULT;
  ALTER TABLE "story_choices" ALTER COLUMN "metadata" DROP DEFAULT;
  ALTER TABLE "users" ALTER COLUMN "preferences" DROP DEFAULT;
  ALTER TABLE "users" ALTER COLUMN "metadata" DROP DEFAULT;
  ALTER TABLE "users" ALTER COLUMN "last_active" DROP DEFAULT;
  ALTER TABLE "analytics_events" ALTER COLUMN "event_data" DROP DEFAULT;
  `)
  await db.execute(
    sql.raw(
      TYPES.map(([t, c, type]) => {
        const back = type.startsWith('varchar') || type === 'inet' ? 'varchar' : 'numeric'
        return `ALTER TABLE "${t}" ALTER COLUMN "${c}" TYPE ${back} USING "${c}"::${back};`
      }).join('\n'),
    ),
  )
  await db.execute(sql.raw(setForeignKeys('set null')))
}
