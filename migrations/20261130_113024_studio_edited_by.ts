import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "story_nodes" ADD COLUMN "edited_by" varchar;
  ALTER TABLE "story_choices" ADD COLUMN "edited_by" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "story_nodes" DROP COLUMN "edited_by";
  ALTER TABLE "story_choices" DROP COLUMN "edited_by";`)
}
