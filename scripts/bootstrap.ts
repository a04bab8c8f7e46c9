/**
 * Child process of dev/start/seed: applies the committed migrations and seeds sample content
 * (`--seed=always|when-empty|never`). Run through scripts/lib/runTypeScript.ts.
 */
import { reportImported } from './lib/runTypeScript'

const { migrateAndSeed } = await import('./lib/migrateAndSeed')
await import('@payload-config')
reportImported()
const mode = (process.argv.find((a) => a.startsWith('--seed='))?.split('=')[1] ?? 'never') as 'always' | 'when-empty' | 'never'
const { seedAccountsMode } = await import('@/seed/accounts')
// The embedded database is the parent's decision (it started it): BK_EMBEDDED_DATABASE=1.
const accounts = seedAccountsMode()
const { linesQueued } = await migrateAndSeed({ seed: mode, accounts })
// The launcher starts a worker for these while the server starts (see scripts/lib/runNext.ts).
if (linesQueued) process.send?.({ audioLinesQueued: linesQueued })
process.exit(0)
