import { spawn, type ChildProcess } from 'node:child_process'

export type JobsWorker = { process: ChildProcess; output: () => string; stop: () => Promise<void> }

/**
 * Starts `npm run jobs` (scripts/jobs.ts, the production queue worker) with `env` added and waits
 * until its worker loop runs. `output()` is the end of what it printed.
 */
export async function startJobsWorker(env: Record<string, string | undefined>, timeoutMs = 90_000): Promise<JobsWorker> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/jobs.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  for (const s of [child.stdout!, child.stderr!]) s.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-40_000)))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run jobs did not start within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`)), timeoutMs)
    const check = setInterval(() => {
      if (/Job worker started/.test(output)) {
        clearInterval(check)
        clearTimeout(timer)
        resolve()
      }
    }, 50)
    child.once('exit', (code) => {
      clearInterval(check)
      clearTimeout(timer)
      reject(new Error(`npm run jobs exited with ${code} before it started:\n${output.slice(-3000)}`))
    })
  })
  return {
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}
