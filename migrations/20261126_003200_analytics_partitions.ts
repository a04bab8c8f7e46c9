import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Partitions analytics_events by month on created_at (shared/spec/schema.md, "Partitioning
 * Strategy"), keeping every row. Hand-written; never edit once landed.
 *
 * - A partitioned table's unique keys must contain the partition key, so the primary key becomes
 *   (id, created_at). Payload still finds, updates and deletes rows by id (WHERE id = …), and
 *   nothing references analytics_events by id alone (document locking is off for it).
 * - analytics_events_ensure_partition(ts) creates the partition of ts's month (UTC) when missing;
 *   create_monthly_partition() (the spec's name) makes this month's and next month's. The app runs
 *   it at start and every 6 hours, and the ingest endpoint on demand.
 * - The spec's ON DELETE SET NULL foreign keys and its indexes are recreated on the new table.
 */
const INDEXES: [string, string][] = [
  ['analytics_events_user_idx', 'user_id'],
  ['analytics_events_story_idx', 'story_id'],
  ['analytics_events_node_idx', 'node_id'],
  ['analytics_events_event_type_idx', 'event_type'],
  ['analytics_events_session_id_idx', 'session_id'],
  ['analytics_events_updated_at_idx', 'updated_at'],
  ['analytics_events_created_at_idx', 'created_at'],
]

const FOREIGN_KEYS: [string, string, string][] = [
  ['analytics_events_user_id_users_id_fk', 'user_id', 'users'],
  ['analytics_events_story_id_stories_id_fk', 'story_id', 'stories'],
  ['analytics_events_node_id_story_nodes_id_fk', 'node_id', 'story_nodes'],
]

const recreateKeysAndIndexes = () =>
  [
    ...FOREIGN_KEYS.map(
      ([name, column, ref]) =>
        `ALTER TABLE "analytics_events" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "public"."${ref}"("id") ON DELETE set null ON UPDATE no action;`,
    ),
    ...INDEXES.map(([name, column]) => `CREATE INDEX "${name}" ON "analytics_events" USING btree ("${column}");`),
  ].join('\n')

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql.raw(`
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_analytics_events_fk";
  ALTER TABLE "analytics_events" RENAME TO "analytics_events_unpartitioned";
  ALTER INDEX "analytics_events_pkey" RENAME TO "analytics_events_unpartitioned_pkey";
  CREATE TABLE "analytics_events" (LIKE "analytics_events_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("created_at");
  ALTER TABLE "analytics_events" ADD CONSTRAINT "analytics_events_pkey" PRIMARY KEY ("id", "created_at");

  CREATE OR REPLACE FUNCTION analytics_events_ensure_partition(p_at timestamptz) RETURNS void LANGUAGE plpgsql AS $fn$
  DECLARE
    m_start timestamptz := date_trunc('month', p_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    m_end timestamptz := (date_trunc('month', p_at AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
    part text := 'analytics_events_' || to_char(p_at AT TIME ZONE 'UTC', 'YYYY_MM');
  BEGIN
    IF to_regclass(format('public.%I', part)) IS NOT NULL THEN
      RETURN;
    END IF;
    EXECUTE format('CREATE TABLE IF NOT EXISTS public.%I PARTITION OF public.analytics_events FOR VALUES FROM (%L) TO (%L)', part, m_start, m_end);
  EXCEPTION WHEN duplicate_table OR unique_violation THEN
    -- another process created the same partition at the same moment: it exists, which is the goal
    RETURN;
  END
  $fn$;

  CREATE OR REPLACE FUNCTION create_monthly_partition() RETURNS void LANGUAGE plpgsql AS $fn$
  BEGIN
    PERFORM analytics_events_ensure_partition(now());
    PERFORM analytics_events_ensure_partition(now() + interval '1 month');
  END
  $fn$;

  SELECT analytics_events_ensure_partition(m) FROM (SELECT DISTINCT date_trunc('month', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS m FROM "analytics_events_unpartitioned") months;
  SELECT analytics_events_ensure_partition(now() - interval '1 month');
  SELECT create_monthly_partition();

  INSERT INTO "analytics_events" SELECT * FROM "analytics_events_unpartitioned";
  DROP TABLE "analytics_events_unpartitioned";
  ${recreateKeysAndIndexes()}
  `))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(`
  ALTER TABLE "analytics_events" RENAME TO "analytics_events_partitioned";
  ALTER INDEX "analytics_events_pkey" RENAME TO "analytics_events_partitioned_pkey";
  CREATE TABLE "analytics_events" (LIKE "analytics_events_partitioned" INCLUDING DEFAULTS);
  ALTER TABLE "analytics_events" ADD CONSTRAINT "analytics_events_pkey" PRIMARY KEY ("id");
  INSERT INTO "analytics_events" SELECT * FROM "analytics_events_partitioned";
  DROP TABLE "analytics_events_partitioned" CASCADE;
  DROP FUNCTION IF EXISTS create_monthly_partition();
  DROP FUNCTION IF EXISTS analytics_events_ensure_partition(timestamptz);
  ${recreateKeysAndIndexes()}
  `))
}
