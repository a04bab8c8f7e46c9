/**
 * Builds and runs the real production app (`npm run build`, `npm start`) for the e2e suite, each in
 * its own process group so that nothing it starts (tsx, next, next-server, postgres) outlives the run.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs'
import path from 'node:path'

export const ROOT = process.cwd()
export const RESULTS_DIR = path.join(ROOT, 'test-results')

const started = Date.now()

/** Progress line on stderr (a benchmark's stdout is machine-readable) with the seconds since the suite started. */
export function progress(msg: string): void {
  console.error(`[e2e +${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`)
}

/**
 * The environment of the children: the database, S3 and secret that globalSetup exported, without
 * vitest's own markers (a child should behave as it does outside the test runner).
 */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key === 'NODE_ENV' || key === 'TEST' || key === 'PORT') continue
    env[key] = value
  }
  // npm run build / npm start set NODE_ENV=production themselves; say so for npm and tsx too.
  return { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...extra }
}

/** Output of a child, kept in a log file and in memory (the tail goes into error messages). */
class OutputLog {
  private readonly chunks: string[] = []
  private file: number | null

  constructor(readonly filePath: string) {
    fs.mkdirSync(path.dirname(filePath), { recursive: true })
    this.file = fs.openSync(filePath, 'w')
  }

  attach(child: ChildProcess): void {
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        this.chunks.push(chunk.toString('utf8'))
        // Output that arrives after close (a dying process flushing) is kept in memory only.
        if (this.file !== null) fs.writeSync(this.file, chunk)
      })
    }
  }

  text(): string {
    return this.chunks.join('')
  }

  tail(lines = 80): string {
    return this.text().split('\n').slice(-lines).join('\n')
  }

  close(): void {
    if (this.file === null) return
    fs.closeSync(this.file)
    this.file = null
  }
}

/** Spawns `command` as the leader of a new process group; resolves once it runs (rejects when it cannot). */
async function spawnGroup(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildProcess & { pid: number }> {
  // detached: the child leads a new process group, so one signal to -pid reaches all it starts.
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  await once(child, 'spawn')
  return child as ChildProcess & { pid: number }
}

/** Runs `npm run build`; rejects with the end of its log when it fails or takes too long. */
export async function buildApp(opts: { timeoutMs?: number } = {}): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 1_200_000 // ~1 min on a quiet 2-core machine; far longer when it is shared
  const log = new OutputLog(path.join(RESULTS_DIR, 'e2e-build.log'))
  const t0 = Date.now()
  progress('build started (npm run build)')
  const child = await spawnGroup('npm', ['run', 'build'], childEnv({}))
  log.attach(child)
  const group = new ProcessGroup(child.pid)
  let code: number | string
  try {
    code = await new Promise<number | string>((resolve, reject) => {
      const timer = setTimeout(() => resolve('timeout'), timeoutMs)
      child.once('error', reject)
      // 'close', not 'exit': all output has been read by then.
      child.once('close', (c, signal) => {
        clearTimeout(timer)
        resolve(c ?? signal ?? 'unknown')
      })
    })
  } finally {
    try {
      await group.stop() // after success too: nothing of the build may linger, nor our signal handlers
    } finally {
      log.close()
    }
  }
  if (code !== 0) {
    const what = code === 'timeout' ? `did not finish within ${timeoutMs / 1000} s` : `exited with ${code}`
    throw new Error(`npm run build ${what} (full log: ${log.filePath}):\n${log.tail(120)}`)
  }
  progress(`build finished in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
}

export type RunningApp = {
  url: string
  port: number
  /** Everything the server printed so far. */
  log: () => string
  /** SIGTERM to the group, SIGKILL after a grace period; throws when a process survives even that. */
  stop: () => Promise<void>
}

/**
 * Starts `npm start` on `port` and waits until `GET /api/stories` answers 200. Rejects early when
 * the server exits, and with the end of its log when it is not ready within `readyTimeoutMs`.
 */
export async function startApp(opts: { port: number; env?: Record<string, string>; readyTimeoutMs?: number }): Promise<RunningApp> {
  const readyTimeoutMs = opts.readyTimeoutMs ?? 300_000
  const url = `http://localhost:${opts.port}`
  const log = new OutputLog(path.join(RESULTS_DIR, `e2e-server-${opts.port}.log`))
  const t0 = Date.now()
  progress(`server starting (npm start, PORT=${opts.port})`)
  const child = await spawnGroup('npm', ['start'], childEnv({ PORT: String(opts.port), ...opts.env }))
  log.attach(child)
  const group = new ProcessGroup(child.pid)
  let exited: string | null = null
  child.once('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`
  })
  const stop = async () => {
    try {
      await group.stop()
    } finally {
      log.close()
    }
  }

  try {
    await waitUntil(
      async () => {
        if (exited) throw new Error(`npm start ${exited} before it was ready`)
        const res = await fetch(`${url}/api/stories?limit=1&depth=0`, { signal: AbortSignal.timeout(10_000) }).catch(() => null)
        return res?.status === 200
      },
      readyTimeoutMs,
      500,
    )
  } catch (err) {
    await stop()
    throw new Error(`${(err as Error).message} (full log: ${log.filePath}):\n${log.tail()}`)
  }
  progress(`server ready at ${url} in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  return { url, port: opts.port, log: () => log.text(), stop }
}

/**
 * `npm run jobs` against the e2e database and bucket (the shared server runs no audio worker: its
 * database is not the embedded default): voices what the seed queued, as an operator's worker does.
 */
export async function startJobsWorker(opts: { env?: Record<string, string> } = {}): Promise<{ log: () => string; stop: () => Promise<void> }> {
  const log = new OutputLog(path.join(RESULTS_DIR, `e2e-jobs-${Date.now()}.log`))
  const child = await spawnGroup('npm', ['run', 'jobs'], childEnv(opts.env ?? {}))
  log.attach(child)
  const group = new ProcessGroup(child.pid)
  progress('jobs worker started (npm run jobs)')
  return {
    log: () => log.text(),
    stop: async () => {
      try {
        await group.stop()
      } finally {
        log.close()
      }
    },
  }
}

/** Resolves once `check` is true, checking every `intervalMs`; rejects after `timeoutMs`. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, intervalMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs / 1000} s`)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}

type ProcInfo = { pid: number; ppid: number; pgid: number; startTime: string; cmd: string }

/** Every live process on the machine, from /proc (Linux). */
function processTable(): ProcInfo[] {
  const out: ProcInfo[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    let cmd: string
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim()
    } catch (err) {
      // The process ended while the table was read: it is not part of it.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ESRCH') continue
      throw err
    }
    // "pid (comm) state ppid pgrp … starttime(22nd)": comm may contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (fields[0] === 'Z') continue // a zombie has ended, it is only not reaped yet
    out.push({ pid: Number(entry), ppid: Number(fields[1]), pgid: Number(fields[2]), startTime: fields[19] ?? '', cmd })
  }
  return out
}

const identity = (p: ProcInfo) => `${p.pid}@${p.startTime}`

const TERMINATING_SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP']

/**
 * A process group led by `leader`, plus every descendant ever seen of it (a child that called
 * setsid, as a database server may, leaves the group but stays tracked). Processes are identified by
 * pid and start time, so a recycled pid is never signalled.
 */
class ProcessGroup {
  private readonly known = new Set<string>()
  private readonly onExit = () => this.signalAll('SIGKILL')
  /** Vitest ends a worker with SIGTERM (Ctrl-C sends SIGINT): kill the tree, then die of the signal. */
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.signalAll('SIGKILL')
    this.unregister()
    process.kill(process.pid, signal)
  }

  constructor(private readonly leader: number) {
    this.members()
    // Last resort when the test process ends without running afterAll: the group is detached from
    // the terminal and the test worker, so nothing else would stop it.
    process.once('exit', this.onExit)
    for (const signal of TERMINATING_SIGNALS) process.once(signal, this.onSignal)
  }

  private unregister(): void {
    process.removeListener('exit', this.onExit)
    for (const signal of TERMINATING_SIGNALS) process.removeListener(signal, this.onSignal)
  }

  /** The group's live members and live descendants of anything tracked (remembered for later). */
  members(): ProcInfo[] {
    const table = processTable()
    const byParent = new Map<number, ProcInfo[]>()
    for (const p of table) byParent.set(p.ppid, [...(byParent.get(p.ppid) ?? []), p])
    const found = new Map<number, ProcInfo>()
    const queue = table.filter((p) => p.pgid === this.leader || this.known.has(identity(p)))
    while (queue.length) {
      const p = queue.pop()!
      if (found.has(p.pid)) continue
      found.set(p.pid, p)
      queue.push(...(byParent.get(p.pid) ?? []))
    }
    for (const p of found.values()) this.known.add(identity(p))
    return [...found.values()]
  }

  private signalAll(signal: NodeJS.Signals): void {
    for (const target of [-this.leader, ...this.members().map((p) => p.pid)]) {
      try {
        process.kill(target, signal)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err
      }
    }
  }

  private async waitGone(ms: number): Promise<ProcInfo[]> {
    const deadline = Date.now() + ms
    let alive = this.members()
    while (alive.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100))
      alive = this.members()
    }
    return alive
  }

  /** SIGTERM, then SIGKILL after 10 s; throws when anything still lives after that. */
  async stop(): Promise<void> {
    this.signalAll('SIGTERM')
    let alive = await this.waitGone(10_000)
    if (alive.length) {
      progress(`SIGKILL to ${alive.length} process(es) that ignored SIGTERM: ${alive.map((p) => `${p.pid} ${p.cmd.slice(0, 80)}`).join('; ')}`)
      this.signalAll('SIGKILL')
      alive = await this.waitGone(5_000)
    }
    this.unregister()
    if (alive.length) throw new Error(`processes survived SIGKILL: ${alive.map((p) => `${p.pid} ${p.cmd}`).join('; ')}`)
  }
}
