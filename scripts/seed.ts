/** `npm run seed`: migrations, then the idempotent sample content (staff accounts, sample stories). */
import { migrateAndSeed } from '@/infra/bootstrap'
import { prepareLocalEnvironment } from '@/infra/localEnv'

const env = await prepareLocalEnvironment()
try {
  await migrateAndSeed({ seed: 'always' })
} finally {
  await env.stop()
}
