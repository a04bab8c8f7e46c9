import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'

import config from '@payload-config'
import { getPayload } from 'payload'

import { bodyLimitFor, bodyLimitsFromSettings, limitRequestBody } from '@/server/bodyLimit'
import { pinClientAddress, trustFromSettings } from '@/server/clientAddress'
import { applyResponsePolicy } from '@/server/responsePolicy'
import { graphqlPost } from '@/http/graphqlPost'
import { matchRoute, respond } from '@/http/routes'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

const NEXT_DROPS = new Set(['content-length', 'content-encoding', 'transfer-encoding'])

type Handler = (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>

const rest: Record<string, Handler> = {
  GET: REST_GET(config) as Handler,
  POST: REST_POST(config) as Handler,
  PATCH: REST_PATCH(config) as Handler,
  DELETE: REST_DELETE(config) as Handler,
  OPTIONS: REST_OPTIONS(config) as Handler,
}
const graphql = graphqlPost(config)

export type TestServer = { url: string; close: () => Promise<void> }

/**
 * A real HTTP server in front of the very route handlers the Next app mounts at /api (REST,
 * GraphQL, and the bundle and catalog routes), so integration tests speak HTTP without a Next
 * build. The e2e suite covers Next itself.
 */
export async function startTestServer(): Promise<TestServer> {
  const server = http.createServer((req, res) => {
    // As the production server does before Next: the real peer, X-Forwarded-For only from trusted
    // proxies (compiled per request here: tests change TRUSTED_PROXIES between cases).
    pinClientAddress(req, trustFromSettings())
    applyResponsePolicy(req, res, () => {
      if (!limitRequestBody(req, res, bodyLimitFor((req.url ?? '/').split('?')[0]!, req.headers['content-type'], bodyLimitsFromSettings()))) return
      void route(req, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Routes like the Next app's /api route table; responses go out through the production policy. */
async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : (Readable.toWeb(req) as ReadableStream)
      const requestHeaders = { ...(req.headers as Record<string, string>) }
      const request = new Request(url, {
        method: req.method,
        headers: requestHeaders,
        body,
        duplex: 'half',
      } as RequestInit)
      let response: Response
      // Like Next.js: a path whose percent-encoding is not UTF-8 is a bad request.
      try {
        decodeURIComponent(url.pathname)
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'path: malformed percent-encoding', field: 'path' }] }))
        return
      }
      // The app's own routes, from the same table the Next route files mount (src/http/routes.ts).
      const custom = matchRoute(req.method ?? 'GET', url.pathname)
      if (custom) response = await respond(custom.name, await getPayload({ config }), request, custom.params)
      else if (url.pathname === '/api/graphql' && req.method === 'POST') response = await graphql(request)
      else if (url.pathname.startsWith('/api/')) {
        const slug = url.pathname.slice('/api/'.length).split('/').filter(Boolean)
        const handler = rest[req.method ?? 'GET']
        response = handler ? await handler(request, { params: Promise.resolve({ slug }) }) : new Response(null, { status: 405 })
      } else response = new Response('not found', { status: 404 })
      // Like Next.js (send-response.ts), which drops these from route handlers' responses.
      const headers = Object.fromEntries([...response.headers].filter(([name]) => !NEXT_DROPS.has(name)))
      res.writeHead(response.status, headers)
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (err) {
      console.error(err)
      res.writeHead(500).end(String(err))
    }
}
