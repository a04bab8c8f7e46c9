/**
 * Run inside a copy of the project (tests/int/privateCheckout.test.ts): starts the test services
 * (throwaway database, as `npm test` does) and the dev services (`.data/`, as `npm run dev` does),
 * asks each database for its version, stops them, and prints one JSON line.
 */
import pg from 'pg'

import { prepareLocalEnvironment } from '../../scripts/lib/localEnv'
import { startThrowawayServices } from '../../scripts/lib/throwawayServices'

async function version(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version
  } finally {
    await client.end()
  }
}

const result: Record<string, string> = {}
const throwaway = await startThrowawayServices('private')
result.test = await version(process.env.DATABASE_URL!)
await throwaway.stop()
for (const key of Object.keys(process.env)) if (key === 'DATABASE_URL' || key.startsWith('S3_')) delete process.env[key]
const dev = await prepareLocalEnvironment(process.cwd())
result.dev = await version(process.env.DATABASE_URL!)
await dev.stop()
console.log(`PROBE ${JSON.stringify(result)}`)
process.exit(0)
