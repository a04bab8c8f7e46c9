/**
 * `npm run payload -- <command>`: Payload's own CLI (migrate, migrate:create, migrate:status,
 * migrate:down, generate:types, …) with the local database and S3 server started first when
 * DATABASE_URL / S3_BUCKET are not set.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

import { prepareLocalEnvironment } from '@/infra/localEnv'

const env = await prepareLocalEnvironment()
const bin = path.join(process.cwd(), 'node_modules', 'payload', 'bin.js')
const child = spawn(process.execPath, [bin, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: process.env,
})
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)))
await env.stop()
process.exit(code)
