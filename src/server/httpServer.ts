import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { parse } from 'node:url'

import next from 'next'

import { applyResponsePolicy } from '@/server/responsePolicy'

export type AppServer = { server: http.Server; url: string; close: () => Promise<void> }

/**
 * The production (and dev) HTTP server: node:http in front of Next's request handler, so that one
 * place decides the content coding and the API response headers, and knows the real socket peer.
 * Next's own compression is off (next.config.ts): it cannot pass precompressed bodies through.
 */
export async function startAppServer(opts: { dev: boolean; port: number; dir?: string }): Promise<AppServer> {
  const app = next({ dev: opts.dev, dir: opts.dir ?? process.cwd(), hostname: 'localhost', port: opts.port })
  const handle = app.getRequestHandler()
  await app.prepare()
  const server = http.createServer((req, res) => {
    applyResponsePolicy(req, res, () => {
      handle(req, res, parse(req.url ?? '/', true)).catch((err: unknown) => {
        console.error('[server] request failed', err)
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify({ errors: [{ message: 'Internal server error' }] }))
      })
    })
  })
  // Keep-alive sockets outlive load balancers' idle timeouts (typically 60 s), never the reverse.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    // No host: every interface, IPv6 and IPv4 (dual stack), as `next start` does.
    server.listen(opts.port, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const close = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeIdleConnections()
    })
    await app.close()
  }
  return { server, url: `http://localhost:${port}`, close }
}
