/** `npm run seed`: migrations, then the idempotent sample content (staff accounts, sample stories). */
import { prepareLocalEnvironment } from './lib/localEnv'
import { runTypeScript, runWithServices } from './lib/runTypeScript'

await runWithServices(await prepareLocalEnvironment(), () => runTypeScript('scripts/bootstrap.ts', ['--seed=always']))
