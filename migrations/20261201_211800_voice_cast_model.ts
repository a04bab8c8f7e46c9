import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * A voice cast entry may name the model it is for (local, bulbul:v2, bulbul:v3): voices differ per
 * model. Null, as every existing entry is, holds for every model. Values are checked by the
 * collection (a text column: GraphQL enum names cannot hold "bulbul:v3").
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "characters_voice_cast" ADD COLUMN "model" varchar;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "characters_voice_cast" DROP COLUMN "model";`)
}
