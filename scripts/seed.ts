/** `npm run seed`: migrations, then the idempotent sample content (staff accounts, sample stories). */
import { prepareLocalEnvironment } from '@/infra/localEnv'
import { runTypeScript } from '@/infra/runTypeScript'

const env = await prepareLocalEnvironment()
let code = 1
try {
  code = await runTypeScript('scripts/bootstrap.ts', ['--seed=always'])
} finally {
  await env.stop()
}
process.exit(code)
