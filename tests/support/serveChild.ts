/**
 * A test HTTP server (tests/support/httpServer.ts) in its own process, for tests that need the app
 * on another database than the suite's: prints `LISTENING <url>` once ready; stops on SIGTERM.
 */
import { startTestServer } from './httpServer'
import { testPayload } from './payload'

// Its database at the latest migration first (a fresh database, or a run where no test migrated yet).
await testPayload()
const server = await startTestServer()
console.log(`LISTENING ${server.url}`)
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)))
