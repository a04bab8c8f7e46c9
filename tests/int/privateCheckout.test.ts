/**
 * Hardening #10 hole 13: a checkout inside a private folder (mode 0700, e.g. root's home) runs the
 * test and dev databases. Embedded Postgres runs as the OS user `postgres` when we are root; that
 * user cannot reach anything inside the private folder, and nothing outside the project may be
 * chmod-ed to let it in. A copy of the working tree (node_modules hard-linked) in a fresh 0700
 * folder runs tests/support/privateCheckoutProbe.ts; the folder's mode is unchanged afterwards.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { relocatedDataRoot } from '../../scripts/lib/postgresBinaries'

import { runScript } from '../support/childProcess'

const root = process.cwd()
const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-private-'))
const project = path.join(privateDir, 'checkout')

afterAll(() => {
  fs.rmSync(privateDir, { recursive: true, force: true })
  // As root, the private checkout's dev database lived outside it (said in its log).
  fs.rmSync(relocatedDataRoot(project), { recursive: true, force: true })
})

/** What a fresh clone plus `npm install` has: the project's files (no build, no data), node_modules hard-linked. */
function copyCheckout(to: string): void {
  const skip = new Set(['node_modules', '.next', '.data', '.git', 'test-results'])
  fs.cpSync(root, to, { recursive: true, filter: (src) => !skip.has(path.relative(root, src).split(path.sep)[0]!) })
  execFileSync('cp', ['-al', path.join(root, 'node_modules'), path.join(to, 'node_modules')])
}

describe('a checkout in a private folder', () => {
  it('should start the test and dev databases without changing folders outside the project', async () => {
    expect(fs.statSync(privateDir).mode & 0o777).toBe(0o700)
    const parentMode = fs.statSync(path.dirname(privateDir)).mode
    copyCheckout(project)
    const env: Record<string, string | undefined> = { DATABASE_URL: undefined, DATABASE_REPLICA_URLS: undefined, BK_TEST_ROOT: undefined }
    for (const key of Object.keys(process.env)) if (key.startsWith('S3_')) env[key] = undefined
    const run = await runScript('tests/support/privateCheckoutProbe.ts', [], env, 240_000, project)
    expect(run.output).toMatch(/PROBE \{"test":"17\.\d+","dev":"17\.\d+"\}/)
    expect(run.code).toBe(0)
    if (process.getuid?.() === 0) expect(run.output).toContain('PostgreSQL data is kept in')
    // Nothing outside the project was opened up.
    expect(fs.statSync(privateDir).mode & 0o777).toBe(0o700)
    expect(fs.statSync(path.dirname(privateDir)).mode).toBe(parentMode)
  }, 300_000)
})
