/**
 * Child process of dev/start/seed: applies the committed migrations and seeds sample content
 * (`--seed=always|when-empty|never`). Run through src/infra/runTypeScript.ts.
 */
import { reportImported } from '@/infra/runTypeScript'

const { migrateAndSeed } = await import('@/infra/bootstrap')
await import('@payload-config')
reportImported()
const mode = (process.argv.find((a) => a.startsWith('--seed='))?.split('=')[1] ?? 'never') as 'always' | 'when-empty' | 'never'
const { seedAccountsMode } = await import('@/seed/accounts')
// The embedded database is the parent's decision (it started it): BK_EMBEDDED_DATABASE=1.
const accounts = seedAccountsMode()
await migrateAndSeed({ seed: mode, accounts })
process.exit(0)
