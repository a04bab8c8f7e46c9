/**
 * `npm run payload -- <command>`: Payload's own CLI (migrate, migrate:create, migrate:status,
 * migrate:down, generate:types, generate:importmap, …) with the local database and S3 server
 * started first when DATABASE_URL / S3_BUCKET are not set.
 */
import { prepareLocalEnvironment } from '@/infra/localEnv'
import { runTypeScript } from '@/infra/runTypeScript'

const env = await prepareLocalEnvironment()
let code = 1
try {
  code = await runTypeScript('scripts/payload-bin.ts', process.argv.slice(2))
} finally {
  await env.stop()
}
process.exit(code)
