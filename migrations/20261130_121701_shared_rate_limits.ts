import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Rate limits shared by every app process (hardening #10 hole 2): rate-limiter-flexible's
 * Postgres store keeps one row per limited key (`<limit>:<rate>:<key>`), points used in the
 * current window and the window's end (ms since the epoch). UNLOGGED: no WAL for these hot
 * upserts (not replicated, emptied after a crash, which only hands out a fresh window). Not a
 * Payload collection. Hand-written; never edit once landed.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE UNLOGGED TABLE IF NOT EXISTS "rate_limits" (
      "key" varchar(255) PRIMARY KEY,
      "points" integer NOT NULL DEFAULT 0,
      "expire" bigint
    );
    CREATE INDEX IF NOT EXISTS "rate_limits_expire_idx" ON "rate_limits" USING btree ("expire");
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "rate_limits";`)
}
