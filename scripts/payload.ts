/**
 * `npm run payload -- <command>`: Payload's own CLI (migrate, migrate:create, migrate:status,
 * migrate:down, generate:types, generate:importmap, …) with the local database and S3 server
 * started first when DATABASE_URL / S3_BUCKET are not set.
 */
import { prepareLocalEnvironment } from './lib/localEnv'
import { runTypeScript, runWithServices } from './lib/runTypeScript'

await runWithServices(await prepareLocalEnvironment(), () => runTypeScript('scripts/payload-bin.ts', process.argv.slice(2)))
