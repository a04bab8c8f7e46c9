/**
 * A bare Node HTTP server behind the request body limiter (1 MiB), in its own process so a client
 * in the test process meets it the way a client meets `npm start`. Its handler behaves like one of
 * the handlers behind the limiter, chosen by LIMITED_SERVER_MODE:
 * - `abort`: reads the body and, when it ends early, destroys the response and the request (Next's
 *   response pipe does this when the stream it pipes aborts);
 * - `early`: answers 403 before reading the body, then drops the request (Payload refusing a
 *   create before it reads the body).
 * Prints `LISTENING <url>`; stops on SIGTERM.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { limitRequestBody } from '@/server/bodyLimit'

const mode = process.env.LIMITED_SERVER_MODE
const server = http.createServer((req, res) => {
  if (!limitRequestBody(req, res, 1024 * 1024)) return
  if (mode === 'early') {
    const body = JSON.stringify({ errors: [{ message: 'You are not allowed to perform this action.' }] })
    res.writeHead(403, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
    res.end(body, () => req.destroy())
    return
  }
  req.on('data', () => {})
  req.on('end', () => {
    res.destroy(new Error('aborted'))
    req.destroy()
  })
})
server.listen(0, '127.0.0.1', () => console.log(`LISTENING http://127.0.0.1:${(server.address() as AddressInfo).port}`))
process.on('SIGTERM', () => {
  server.closeAllConnections()
  server.close(() => process.exit(0))
})
