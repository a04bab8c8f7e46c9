import type { Migration, Payload } from 'payload'

import { LOCK, withSessionLock } from '@/db/locks'

/**
 * Brings the database to the latest committed migration (`migrations/`). The one place that runs
 * them outside the Payload CLI: the dev/start bootstrap, tests and benchmarks.
 */
export async function migrate(payload: Payload): Promise<void> {
  const { migrations } = await import('../../migrations')
  // Several app processes or machines starting together: one applies the migrations, the others
  // wait on the lock and then find nothing left to do.
  await withSessionLock(payload, LOCK.migrations, 'migrate', async () => {
    // Postgres migrations take db-postgres's own argument type; Payload's `Migration` is generic.
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  })
}
