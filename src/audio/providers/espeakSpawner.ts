import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { lowerPriority } from '@/audio/codec/backgroundPriority'

/** How one espeak-ng run ended. */
export type EspeakRun = { code: number | null; signal: NodeJS.Signals | null; stderr: string }

/**
 * The helper process went away before it answered (it died, or its channel closed): nothing is
 * known about the run, and running it again may well succeed.
 */
export class EspeakHelperGone extends Error {}

type Pending = { resolve: (run: EspeakRun) => void; reject: (error: Error) => void }
type Helper = { child: ChildProcess; pending: Map<number, Pending>; next: number; idle?: NodeJS.Timeout }
type Reply = { id: number; code?: number | null; signal?: NodeJS.Signals | null; stderr?: string; error?: string }

const KEY = Symbol.for('bhasha-kahani.espeakHelper')
type Holder = { [KEY]?: Helper }

/** A helper nobody used for this long exits (the next run starts another, ~30 ms). */
const IDLE_MS = 30_000

/**
 * Runs espeak-ng (`command` with `args`, `input` on stdin) from a small helper process
 * (espeakHelper.mjs, started once and kept while in use) instead of from this one. libuv starts a
 * child by forking the whole process and waits, on the event loop, until it has exec'd: from the
 * server (hundreds of MB, encode threads, Postgres pools) that took ~25-35 ms a sentence on 2 busy
 * cores, with every request waiting, plus the kernel time of copying its page tables. From the
 * helper a fork is cheap and the event loop only passes two small messages.
 *
 * The helper is read from the project directory at run time (as the encode threads' module is),
 * runs without this process's flags (plain JavaScript, no loader), never keeps this process alive
 * (unref'd while idle), and exits with it. It has a process group of its own, so a Ctrl-C or a
 * SIGTERM sent to this one's group does not cut off the runs a shutting-down worker waits for. A
 * run the helper could not answer (it died, or was retired as the run started) is tried once more
 * on a new helper, then rejected with EspeakHelperGone.
 */
export async function runEspeak(command: string, args: readonly string[], input: string): Promise<EspeakRun> {
  try {
    return await runOnce(command, args, input)
  } catch (error) {
    if (!(error instanceof EspeakHelperGone)) throw error
    return runOnce(command, args, input)
  }
}

function runOnce(command: string, args: readonly string[], input: string): Promise<EspeakRun> {
  const h = helper()
  const id = h.next++
  return new Promise<EspeakRun>((resolve, reject) => {
    h.pending.set(id, { resolve, reject })
    busy(h)
    h.child.send({ id, command, args, input }, (error) => {
      if (!error || !h.pending.has(id)) return
      h.pending.delete(id)
      settle(h)
      reject(new EspeakHelperGone(`the espeak-ng helper process could not take the run: ${error.message}`))
    })
  })
}

function helper(): Helper {
  const g = globalThis as Holder
  const current = g[KEY]
  if (current?.child.connected) return current
  if (current) retire(current)
  // spawn with an IPC channel, as fork does: Turbopack's build resolves fork()'s path as a module
  // request and fails on it (vercel/next.js#97952), spawn's it traces as a file. No flags of this
  // process (a loader it runs under) are passed on.
  const child = spawn(process.execPath, [path.join(process.cwd(), 'src/audio/providers/espeakHelper.mjs')], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  })
  // Synthesis is background work too: the helper and the espeak-ng runs it starts (they inherit
  // its priority) yield the CPU to requests.
  if (child.pid) lowerPriority(child.pid)
  const h: Helper = { child, pending: new Map(), next: 1 }
  const gone = (why: string) => {
    if (g[KEY] === h) delete g[KEY]
    if (h.idle) clearTimeout(h.idle)
    for (const p of h.pending.values()) p.reject(new EspeakHelperGone(why))
    h.pending.clear()
  }
  child.on('message', (reply: Reply) => {
    const p = h.pending.get(reply.id)
    if (!p) return
    h.pending.delete(reply.id)
    settle(h)
    if (reply.error !== undefined) p.reject(new Error(reply.error))
    else p.resolve({ code: reply.code ?? null, signal: reply.signal ?? null, stderr: reply.stderr ?? '' })
  })
  child.on('error', (error) => gone(`the espeak-ng helper process failed: ${error.message}`))
  child.on('exit', (code, signal) => gone(`the espeak-ng helper process exited (${signal ?? `code ${code}`})`))
  child.on('disconnect', () => gone('the espeak-ng helper process closed its channel'))
  g[KEY] = h
  return h
}

/** Runs in flight: the helper and its channel keep this process alive until they are answered. */
function busy(h: Helper): void {
  if (h.idle) {
    clearTimeout(h.idle)
    h.idle = undefined
  }
  h.child.ref()
  h.child.channel?.ref()
}

/** None in flight: let this process exit without waiting for the helper, and retire it when idle. */
function settle(h: Helper): void {
  if (h.pending.size > 0) return
  h.child.unref()
  h.child.channel?.unref()
  if (h.idle) clearTimeout(h.idle)
  h.idle = setTimeout(() => {
    if (h.pending.size === 0) retire(h)
  }, IDLE_MS)
  h.idle.unref()
}

/** No new runs go to `h` from now; it exits once its channel is closed. */
function retire(h: Helper): void {
  const g = globalThis as Holder
  if (g[KEY] === h) delete g[KEY]
  if (h.child.connected) h.child.disconnect()
}

/** The helper process's pid while one runs (the audio benchmark reads its CPU time). */
export function espeakHelperPid(): number | undefined {
  return (globalThis as Holder)[KEY]?.child.pid
}
