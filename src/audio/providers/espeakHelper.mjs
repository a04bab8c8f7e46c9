// A small process that starts espeak-ng runs for the server (see espeakSpawner.ts). Forking the
// server itself for each run blocked its event loop ~25-35 ms a sentence under load and cost it
// kernel time in page-table copies; this process is small, so its forks are cheap, and the
// server's event loop only passes messages. Plain JavaScript without dependencies: it starts fast
// and is read from the project directory as is (no bundler, no TypeScript loader).
import { spawn } from 'node:child_process'

process.on('message', (msg) => {
  const { id, command, args, input } = msg
  let stderr = ''
  let settled = false
  const reply = (result) => {
    if (settled) return
    settled = true
    process.send?.({ id, ...result })
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
  child.on('close', (code, signal) => reply({ code, signal, stderr }))
  child.stdin.on('error', () => {
    // EPIPE when espeak exits early; its exit code and stderr report the real failure.
  })
  child.stdin.end(input, 'utf8')
})

// The server went away: so does this helper (runs in flight finish on their own).
process.on('disconnect', () => process.exit(0))
