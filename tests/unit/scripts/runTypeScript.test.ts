import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { runTypeScript } from '../../../scripts/lib/runTypeScript'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhk-runts-'))
afterEach(() => vi.restoreAllMocks())

describe('runTypeScript', () => {
  it('should run a script again when it exits 13 after its imports (the loader stall in a later dynamic import)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const marker = path.join(dir, 'once')
    expect(await runTypeScript('tests/support/exitThirteenOnce.ts', [marker])).toBe(0)
    expect(fs.existsSync(marker)).toBe(true)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toMatch(/exit 13: Node ESM loader stall\), restarting \(1\/4\)/)
  })

  it('should give up after its attempts when every run exits 13', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    await expect(runTypeScript('tests/support/exitThirteenOnce.ts', [path.join(dir, 'always'), 'always'], { attempts: 2 })).rejects.toThrow(/could not load its modules after 2 attempts/)
  })
})
