import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import path from 'node:path'

import { onStopSignal, prepareLocalEnvironment } from './localEnv'
import { runTypeScript } from './runTypeScript'
import { parseSettings } from '@/settings'
import { SEED_ADMIN, seedAccountsMode } from '@/seed/accounts'

type Mode = 'dev' | 'start' | 'build'

/** Starts local services as needed, prepares the database, runs `next <mode>` and cleans up after it. */
export async function runNext(mode: Mode): Promise<void> {
  // As the `next` CLI does: our server runs Next in-process and must see the same NODE_ENV (the
  // in-server audio worker, among others, is on in development).
  ;(process.env as Record<string, string>).NODE_ENV = mode === 'dev' ? 'development' : 'production'
  // `npm run dev -- --replica` (or DEV_REPLICA=1): a streaming standby of the embedded primary too.
  const env = await prepareLocalEnvironment(undefined, { replica: process.argv.includes('--replica') || process.env.DEV_REPLICA === '1' })
  const port = process.env.PORT || '3000'
  let linesQueued = 0
  let queuedAt = 0
  if (mode !== 'build') {
    const seedWhenEmpty = env.embeddedDatabase || mode === 'dev' || parseSettings(process.env).seed.onEmpty
    // First-register needs a one-time setup token; one is generated per start unless the operator set it.
    if (!process.env.ADMIN_SETUP_TOKEN) {
      process.env.ADMIN_SETUP_TOKEN = crypto.randomBytes(24).toString('base64url')
      process.env.BK_SETUP_TOKEN_GENERATED = '1'
    }
    console.log('[bhasha-kahani] applying migrations…')
    const code = await runTypeScript('scripts/bootstrap.ts', [`--seed=${seedWhenEmpty ? 'when-empty' : 'never'}`], {
      onMessage: (msg) => {
        if (msg && typeof msg === 'object' && 'audioLinesQueued' in msg) {
          linesQueued = Number(msg.audioLinesQueued) || 0
          queuedAt = Date.now()
        }
      },
    })
    if (code !== 0) {
      await env.stop()
      process.exit(code)
    }
  }
  // build: Next's CLI; dev and start: our server (src/server/main.ts) in front of Next's handler.
  const args =
    mode === 'build'
      ? [path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next'), 'build']
      : ['--import', 'tsx', path.join(process.cwd(), 'src', 'server', 'main.ts'), ...(mode === 'dev' ? ['--dev'] : [])]
  const child = spawn(process.execPath, args, {
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: port,
      NEXT_TELEMETRY_DISABLED: '1',
      // The server's audio worker says "Audio ready" for the sample stories even when the start-up
      // worker (below) voiced them all before it started.
      ...(linesQueued > 0 ? { BK_AUDIO_LINES_QUEUED: String(linesQueued), BK_AUDIO_VOICING_SINCE: String(queuedAt) } : {}),
    },
  })
  if (mode !== 'build') {
    const url = `http://localhost:${port}`
    console.log(
      [
        '',
        '  Bhasha Kahani is starting:',
        // Never a password here: the dev logins are documented in README (SEED_ACCOUNTS=dev).
        `    Admin    ${url}/admin${seedAccountsMode() === 'dev' ? `   (dev logins, e.g. ${SEED_ADMIN.email}: see README)` : ''}`,
        `    REST     ${url}/api/stories`,
        `    GraphQL  ${url}/api/graphql`,
        ...env.started.map((s) => `    ${s}`),
        '',
      ].join('\n'),
    )
  }
  const startupWorker = mode !== 'build' && linesQueued > 0 && parseSettings(process.env).audio.worker === 'server' ? startStartupWorker() : null
  const stop = async (code: number) => {
    if (startupWorker && startupWorker.exitCode === null && startupWorker.signalCode === null) {
      startupWorker.kill('SIGTERM')
      await new Promise((resolve) => startupWorker.once('exit', resolve))
    }
    await env.stop()
    process.exit(code)
  }
  // The server drains its requests, then stop() stops the local services (Postgres stays up meanwhile).
  onStopSignal((signal) => {
    const forward = signal === 'SIGHUP' ? 'SIGTERM' : signal
    child.kill(forward)
    startupWorker?.kill(forward)
  })
  child.on('exit', (code) => void stop(code ?? 0))
}

/**
 * The sample stories were just queued for voicing and the server will run the audio worker, but
 * only once Next has compiled its API routes (20-60 s under `next dev`). This worker voices them
 * from now (one line at a time, leaving a core to Next), beside the server's own worker once that
 * starts (each job goes to exactly one of them), and exits when the queue is empty.
 */
function startStartupWorker(): ChildProcess {
  console.log('[bhasha-kahani] voicing the sample stories while the server starts')
  const worker = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'scripts', 'jobs.ts'), '--jobs-child', '--until-empty', '--concurrency', '1'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: process.env,
  })
  worker.on('exit', (code, signal) => {
    if (code !== 0 && !signal) console.error(`[bhasha-kahani] the start-up audio worker exited with code ${code}; the server's worker voices the rest`)
  })
  return worker
}
