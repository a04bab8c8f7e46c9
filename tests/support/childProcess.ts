import { spawn, type ChildProcess } from 'node:child_process'

export type ChildRun = { code: number | null; output: string }

/**
 * Runs a TypeScript script (tsx) to its end with `env` added (in `cwd`); rejects after `timeoutMs`.
 * A run that exits 13 before printing anything hit Node's ESM loader stall (see
 * scripts/lib/runTypeScript.ts; seen on a loaded machine): run again, up to 3 times.
 */
export async function runScript(script: string, args: string[], env: Record<string, string | undefined>, timeoutMs = 120_000, cwd?: string): Promise<ChildRun> {
  for (let attempt = 1; ; attempt++) {
    const run = await runScriptOnce(script, args, env, timeoutMs, cwd)
    if (run.code !== 13 || run.output.trim() !== '' || attempt >= 3) return run
  }
}

function runScriptOnce(script: string, args: string[], env: Record<string, string | undefined>, timeoutMs: number, cwd?: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
    let output = ''
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${script} did not finish within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`))
    }, timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

export type ChildServer = { url: string; pid: number; output: () => string; stop: () => Promise<void> }

/**
 * Starts `script` (by default tests/support/serveChild.ts, the app) with `env` added and waits for its URL. A child that exits 13
 * before it is ready hit Node's ESM loader stall (see scripts/lib/runTypeScript.ts): started again.
 */
export async function startChildServer(env: Record<string, string | undefined>, timeoutMs = 90_000, script = 'tests/support/serveChild.ts'): Promise<ChildServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startChildServerOnce(env, timeoutMs, script)
    } catch (err) {
      if (attempt >= 3 || !/exited with 13\b/.test((err as Error).message)) throw err
    }
  }
}

async function startChildServerOnce(env: Record<string, string | undefined>, timeoutMs: number, script: string): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`test server did not start within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`))
    }, timeoutMs)
    const onData = (d: Buffer) => {
      output += d.toString()
      const m = output.match(/LISTENING (\S+)/)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`test server exited with ${code}:\n${output.slice(-3000)}`))
    })
  })
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    },
  }
}
