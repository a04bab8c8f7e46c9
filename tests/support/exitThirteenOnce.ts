/**
 * Fixture for tests/unit/scripts/runTypeScript.test.ts: reports its imports done, then, the first
 * time (no marker file yet), awaits a promise nothing settles with nothing else pending, so Node
 * exits 13 as it does when its ESM loader stalls in a later dynamic import. Then exits 0.
 */
import fs from 'node:fs'

import { reportImported } from '../../scripts/lib/runTypeScript'

reportImported()
const marker = process.argv[2]!
if (process.argv[3] === 'always' || !fs.existsSync(marker)) {
  fs.writeFileSync(marker, 'stalled once')
  await new Promise(() => {})
}
process.exit(0)
