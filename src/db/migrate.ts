import type { Migration, Payload } from 'payload'

/**
 * Brings the database to the latest committed migration (`migrations/`). The one place that runs
 * them outside the Payload CLI: the dev/start bootstrap, tests and benchmarks.
 */
export async function migrate(payload: Payload): Promise<void> {
  const { migrations } = await import('../../migrations')
  // Postgres migrations take db-postgres's own argument type; Payload's `Migration` is generic.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
}
