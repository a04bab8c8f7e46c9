// A small process that starts espeak-ng runs for the server (see espeakSpawner.ts). Forking the
// server itself for each run blocked its event loop ~25-35 ms a sentence under load and cost it
// kernel time in page-table copies; this process is small, so its forks are cheap, and the
// server's event loop only passes messages. Plain JavaScript without dependencies: it starts fast
// and is read from the project directory as is (no bundler, no TypeScript loader).
import { spawn } from 'node:child_process'

/** Runs started and not yet closed: waited for (so reaped here) before the helper exits. */
const running = new Set()
let leaving = false
/** After the server went away, how long runs in flight may take before they are killed (and reaped). */
const LEAVE_AFTER_MS = 10_000

process.on('message', (msg) => {
  const { id, command, args, input } = msg
  let stderr = ''
  let settled = false
  const reply = (result) => {
    if (settled) return
    settled = true
    if (process.connected) process.send({ id, ...result })
  }
  let child
  try {
    child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe'] })
  } catch (error) {
    reply({ error: String(error?.message ?? error) })
    return
  }
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d))
  child.on('error', (error) => reply({ error: error.message }))
  running.add(child)
  child.on('close', (code, signal) => {
    running.delete(child)
    reply({ code, signal, stderr })
    if (leaving && running.size === 0) process.exit(0)
  })
  child.stdin.on('error', () => {
    // EPIPE when espeak exits early; its exit code and stderr report the real failure.
  })
  child.stdin.end(input, 'utf8')
})

// The server went away: so does this helper, once its runs in flight have finished and been reaped
// here (left behind, they would be orphaned to PID 1, which in a container without an init need not
// reap them). A run that hangs is killed after LEAVE_AFTER_MS.
process.on('disconnect', () => {
  leaving = true
  if (running.size === 0) process.exit(0)
  setTimeout(() => {
    for (const child of running) child.kill('SIGKILL')
  }, LEAVE_AFTER_MS).unref()
})
