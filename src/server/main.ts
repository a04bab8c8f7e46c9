/**
 * Entry point of the app process (`npm start`, `npm run dev` run it as their child): the custom
 * server on PORT (default 3000). SIGTERM/SIGINT stop accepting, let in-flight requests finish
 * (bounded by SHUTDOWN_TIMEOUT_MS) and exit 0.
 */
import { startAppServer } from '@/server/httpServer'

const dev = process.argv.includes('--dev')
const port = Number(process.env.PORT || 3000)
const app = await startAppServer({ dev, port })
console.log(`[server] ${dev ? 'development' : 'production'} server listening on ${app.url}`)

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    const timeout = setTimeout(() => process.exit(0), Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000))
    timeout.unref()
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('[server] shutdown failed', err)
        process.exit(1)
      },
    )
  })
}
