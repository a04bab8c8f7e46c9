import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { parse } from 'node:url'

import next from 'next'

import { runShutdownHooks } from '@/lifecycle/shutdown'
import { metrics, routeTemplate } from '@/observability/metrics'
import { bodyLimitFor, bodyLimitsFromSettings, limitRequestBody } from '@/server/bodyLimit'
import { pinClientAddress, trustFromSettings } from '@/server/clientAddress'
import { applyResponsePolicy } from '@/server/responsePolicy'
import { watchSlowRequest } from '@/server/slowRequests'
import { settings } from '@/settings'

/**
 * A request signed in as staff (Payload's cookie, or a Payload JWT; listener tokens are `lt1.…`):
 * its reads go to the primary, so an editor always sees their own writes, on any process.
 */
function isStaffRequest(req: http.IncomingMessage): boolean {
  const auth = req.headers.authorization ?? ''
  return /(^|;\s*)payload-token=/.test(req.headers.cookie ?? '') || /^(JWT|Bearer) (?!lt1\.)/.test(auth)
}

/** `GET /api/health`: the process is up and its event loop turns (no I/O, never touches Next). */
function health(res: http.ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify({ status: 'ok', pid: process.pid, uptimeSeconds: Math.round(process.uptime()) }))
}

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
  const trust = trustFromSettings()
  const limits = bodyLimitsFromSettings()
  const slowMs = settings().server.slowRequestMs
  const warn = (line: string) => console.warn(line)
  const server = http.createServer((req, res) => {
    // The real socket peer (X-Forwarded-For only from TRUSTED_PROXIES), before Next sees the request.
    pinClientAddress(req, trust)
    applyResponsePolicy(req, res, () => {
      // Bodies are held to their route's limit while they stream in, before Next or Payload reads them.
      if (!limitRequestBody(req, res, bodyLimitFor((req.url ?? '/').split('?')[0]!, req.headers['content-type'], limits))) return
      if (req.url === '/api/health' || req.url?.startsWith('/api/health?')) return health(res)
      const m = metrics()
      const t0 = performance.now()
      watchSlowRequest(req, res, (status) => routeTemplate(req.url ?? '/', status), slowMs, warn, t0)
      res.once('finish', () => {
        const route = routeTemplate(req.url ?? '/', res.statusCode)
        m.httpRequests.inc({ route, method: req.method ?? 'GET', status: String(res.statusCode) })
        m.httpDuration.observe({ route, method: req.method ?? 'GET' }, (performance.now() - t0) / 1000)
      })
      const context = { route: routeTemplate(req.url ?? '/', 200), primary: isStaffRequest(req) }
      m.requestContext.run(context, () => handle(req, res, parse(req.url ?? '/', true))).catch((err: unknown) => {
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
    await runShutdownHooks()
  }
  return { server, url: `http://localhost:${port}`, close }
}
