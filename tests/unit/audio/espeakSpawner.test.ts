import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { AUDIO_NICE } from '@/audio/codec/backgroundPriority'
import { EspeakHelperGone, runEspeak } from '@/audio/providers/espeakSpawner'

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

  it('should run the helper and its runs at the audio pipeline\'s lower priority', async () => {
    const run = await runEspeak('/bin/sh', ['-c', 'nice >&2'], '')
    expect(run.stderr).toBe(`${AUDIO_NICE}\n`)
    expect(os.getPriority(helperChild()!.pid!)).toBe(AUDIO_NICE)
    expect(os.getPriority()).toBeLessThan(AUDIO_NICE)
  })

  it('should report the exit code, signal and stderr of a failed run', async () => {
    expect(await runEspeak('/bin/sh', ['-c', 'echo oops >&2; exit 3'], '')).toEqual({ code: 3, signal: null, stderr: 'oops\n' })
    expect(await runEspeak('/bin/sh', ['-c', 'kill -TERM $$'], '')).toMatchObject({ code: null, signal: 'SIGTERM' })
    await expect(runEspeak('/nonexistent/espeak-ng', [], '')).rejects.toThrow(/ENOENT/)
  })

  it('should run a line again on a new helper when the helper dies under it', async () => {
    await runEspeak('/bin/true', [], '')
    const first = helperChild()!
    const slow = runEspeak('/bin/sh', ['-c', 'sleep 0.3; echo "done by $PPID" >&2'], '')
    first.kill('SIGKILL')
    const run = await slow
    const second = helperChild()!
    expect(second.pid).not.toBe(first.pid)
    expect(run).toEqual({ code: 0, signal: null, stderr: `done by ${second.pid}\n` })
  })

  it('should give up with EspeakHelperGone when the helper dies twice', async () => {
    // The run kills the helper that started it, on the first helper and on the second.
    await expect(runEspeak('/bin/sh', ['-c', 'kill -9 $PPID; sleep 1'], '')).rejects.toBeInstanceOf(EspeakHelperGone)
    expect((await runEspeak('/bin/sh', ['-c', 'echo ok >&2'], '')).stderr).toBe('ok\n')
  })

  it('should not hand a run to a helper whose channel is closing (retired as the run starts)', async () => {
    await runEspeak('/bin/true', [], '')
    const first = helperChild()!
    first.disconnect()
    const run = await runEspeak('/bin/sh', ['-c', 'echo "$PPID" >&2'], '')
    expect(run.stderr).not.toBe(`${first.pid}\n`)
    expect(run.stderr).toBe(`${helperChild()!.pid}\n`)
  })

  it("should keep the helper out of this process's group (a Ctrl-C to it does not cut off runs in flight)", async () => {
    await runEspeak('/bin/true', [], '')
    const pid = helperChild()!.pid!
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2])
    expect(pgrp).toBe(pid)
    const own = readFileSync('/proc/self/stat', 'utf8')
    expect(Number(own.slice(own.lastIndexOf(')') + 2).split(' ')[2])).not.toBe(pid)
  })

  it('should wait for its runs in flight when the server goes away, so none is left unreaped', async () => {
    // Started as espeakSpawner starts it; the run writes its pid and is still running when the
    // channel closes. Left to exit at once, the helper would orphan it (to PID 1, which need not reap).
    const helper = spawn(process.execPath, [path.join(process.cwd(), 'src/audio/providers/espeakHelper.mjs')], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
    const pidFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'espeak-helper-')), 'pid')
    helper.send({ id: 1, command: '/bin/sh', args: ['-c', `echo $$ > ${pidFile}; sleep 0.5`], input: '' })
    for (let i = 0; i < 200 && !(existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim()); i++) await new Promise((r) => setTimeout(r, 10))
    const pid = Number(readFileSync(pidFile, 'utf8').trim())
    expect(existsSync(`/proc/${pid}`)).toBe(true)
    const exited = new Promise<number | null>((resolve) => helper.on('exit', (code) => resolve(code)))
    helper.disconnect()
    expect(await exited).toBe(0)
    // Reaped by the helper before it exited: no process (nor zombie) with that pid is left.
    expect(existsSync(`/proc/${pid}`)).toBe(false)
  })

  it('should run many lines side by side', async () => {
    const runs = await Promise.all(Array.from({ length: 20 }, (_, i) => runEspeak('/bin/sh', ['-c', `cat >&2`], `line ${i}`)))
    expect(runs.map((r) => r.stderr)).toEqual(Array.from({ length: 20 }, (_, i) => `line ${i}`))
  })
})
