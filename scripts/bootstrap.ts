/**
 * Child process of dev/start/seed: applies the committed migrations and seeds sample content
 * (`--seed=always|when-empty|never`). Run through src/infra/runTypeScript.ts.
 */
import { reportImported } from '@/infra/runTypeScript'

const { migrateAndSeed } = await import('@/infra/bootstrap')
await import('@payload-config')
reportImported()
const mode = (process.argv.find((a) => a.startsWith('--seed='))?.split('=')[1] ?? 'never') as 'always' | 'when-empty' | 'never'
await migrateAndSeed({ seed: mode })
process.exit(0)
