import type { ChildProcess } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { runEspeak } from '@/audio/providers/espeakSpawner'

/** The helper process runEspeak started (it keeps it on globalThis, one per process). */
const helperChild = () => (globalThis as unknown as Record<symbol, { child: ChildProcess } | undefined>)[Symbol.for('bhasha-kahani.espeakHelper')]?.child

describe('runEspeak (espeak-ng runs from a helper process)', () => {
  it('should run the command from the helper, not from this process, with the input on stdin', async () => {
    const run = await runEspeak('/bin/sh', ['-c', 'cat >&2; echo " parent=$PPID" >&2'], 'नमस्ते')
    expect(run.code).toBe(0)
    const helper = helperChild()
    expect(helper?.pid).toBeGreaterThan(0)
    expect(helper!.pid).not.toBe(process.pid)
    expect(run.stderr).toBe(`नमस्ते parent=${helper!.pid}\n`)
  })

  it('should report the exit code, signal and stderr of a failed run', async () => {
    expect(await runEspeak('/bin/sh', ['-c', 'echo oops >&2; exit 3'], '')).toEqual({ code: 3, signal: null, stderr: 'oops\n' })
    expect(await runEspeak('/bin/sh', ['-c', 'kill -TERM $$'], '')).toMatchObject({ code: null, signal: 'SIGTERM' })
    await expect(runEspeak('/nonexistent/espeak-ng', [], '')).rejects.toThrow(/ENOENT/)
  })

  it('should reject the runs in flight when the helper dies, and start a new one for the next run', async () => {
    await runEspeak('/bin/true', [], '')
    const first = helperChild()!
    const slow = runEspeak('/bin/sleep', ['5'], '')
    first.kill('SIGKILL')
    await expect(slow).rejects.toThrow(/espeak-ng helper process exited \(SIGKILL\)/)
    const next = await runEspeak('/bin/sh', ['-c', 'echo ok >&2'], '')
    expect(next).toEqual({ code: 0, signal: null, stderr: 'ok\n' })
    expect(helperChild()!.pid).not.toBe(first.pid)
  })

  it('should run many lines side by side', async () => {
    const runs = await Promise.all(Array.from({ length: 20 }, (_, i) => runEspeak('/bin/sh', ['-c', `cat >&2`], `line ${i}`)))
    expect(runs.map((r) => r.stderr)).toEqual(Array.from({ length: 20 }, (_, i) => `line ${i}`))
  })
})
