import { spawn } from 'node:child_process'

/**
 * Runs a TypeScript script in a child Node process (tsx loader) and restarts it if it never
 * reports that its imports finished. Node's ESM loader on this stack stalls, at random, while
 * importing @payloadcms/richtext-lexical's module graph (measured: 3-5 runs in 12 of a bare
 * `import('@payloadcms/richtext-lexical')` hang on Node 20.20; same symptom as payloadcms/payload
 * #17757, where `payload migrate` exits 0 having done nothing). The stall is in the import
 * itself, so the only cure is a fresh process: children call `reportImported()` once loaded.
 */
export async function runTypeScript(
  script: string,
  args: string[] = [],
  opts: { importTimeoutMs?: number; attempts?: number; stdoutToStderr?: boolean; onMessage?: (msg: unknown) => void } = {},
): Promise<number> {
  const attempts = opts.attempts ?? 4
  const timeoutMs = opts.importTimeoutMs ?? 45_000
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const result = await runOnce(script, args, timeoutMs, opts.stdoutToStderr ?? false, opts.onMessage)
    if (result !== 'stalled') return result
    console.warn(
      `[bhasha-kahani] ${script}: its imports stalled (did not finish within ${timeoutMs / 1000}s, or exit 13: Node ESM loader stall), restarting (${attempt}/${attempts})`,
    )
  }
  throw new Error(`${script} could not load its modules after ${attempts} attempts`)
}

function runOnce(script: string, args: string[], timeoutMs: number, stdoutToStderr: boolean, onMessage?: (msg: unknown) => void): Promise<number | 'stalled'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      // stdoutToStderr: for callers whose own stdout is machine-readable (npm run bench).
      stdio: ['inherit', stdoutToStderr ? 2 : 'inherit', 'inherit', 'ipc'],
      env: process.env,
    })
    let stalled = false
    const timer = setTimeout(() => {
      stalled = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('message', (msg) => {
      if (msg === 'imported') clearTimeout(timer)
      else onMessage?.(msg)
    })
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal)
    const onInt = forward('SIGINT')
    const onTerm = forward('SIGTERM')
    process.on('SIGINT', onInt)
    process.on('SIGTERM', onTerm)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      process.off('SIGINT', onInt)
      process.off('SIGTERM', onTerm)
      // Exit 13 is the same stall with an empty event loop: Node gives up on the unsettled
      // top-level await instead of hanging. It also strikes after the script's own imports, in the
      // dynamic imports Payload makes while it initialises (bench seeding exited 13 before its
      // first log line). Every script run this way is safe to run again: migrations run under an
      // advisory lock, seeding skips the slugs it finds, audio is keyed by content, jobs are claimed.
      if (stalled || code === 13) resolve('stalled')
      else resolve(code ?? (signal ? 1 : 0))
    })
  })
}

/** Called by a child run through runTypeScript once its heavy imports have finished. */
export function reportImported(): void {
  process.send?.('imported')
}

/**
 * The parent side of every script that works in child processes: with `services` started (the
 * local or throwaway database and S3 server), runs `steps` (child processes through
 * runTypeScript, returning an exit code), always stops the services, then exits with the code.
 */
export async function runWithServices<S extends { stop: () => Promise<void> }>(services: S, steps: (services: S) => Promise<number>): Promise<never> {
  let code = 1
  try {
    code = await steps(services)
  } finally {
    await services.stop()
  }
  process.exit(code)
}

/**
 * A script that does its work in a child of itself (the benchmarks): in the parent (no `--child`
 * argument) starts the throwaway services `name`, runs `script --child` through runTypeScript and
 * exits with its code; in the child it returns at once.
 */
export async function asChildWithServices(name: string, script: string): Promise<void> {
  if (process.argv.slice(2).includes('--child')) return
  const { startThrowawayServices } = await import('./throwawayServices')
  await runWithServices(await startThrowawayServices(name), () => runTypeScript(script, ['--child']))
}
