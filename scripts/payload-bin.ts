/**
 * Payload's CLI (what `payload/bin.js` runs) for `npm run payload`: imports the config first so
 * the parent can restart a stalled import (see scripts/lib/runTypeScript.ts), then runs the command.
 */
import { reportImported } from './lib/runTypeScript'

await import('@payload-config')
const { bin } = (await import('../node_modules/payload/dist/bin/index.js')) as { bin: () => Promise<void> }
reportImported()
await bin()
