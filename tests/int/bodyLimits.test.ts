/**
 * Hardening #10 hole 9: every route holds its request body to a limit WHILE it streams in, before
 * Next or Payload reads it (src/server/bodyLimit.ts): a 50 MB chunked body is refused with 413
 * and the server's memory stays flat. A server process of its own (the same request pipeline as
 * the production server), so its resident memory is measured alone, from /proc.
 */
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startChildServer, type ChildServer } from '../support/childProcess'
import { sendChunked as sendChunkedTo } from '../support/chunkedUpload'
import { signIn } from '../support/listener'

let server: ChildServer

beforeAll(async () => {
  server = await startChildServer({})
})

afterAll(async () => {
  await server?.stop()
})

const MB = 1024 * 1024

const sendChunked = (path: string, totalBytes: number, headers: Record<string, string | null> = {}) => sendChunkedTo(`${server.url}${path}`, server.pid, totalBytes, headers)

describe('request body limits', () => {
  it.each([
    ['Payload REST create', '/api/stories'],
    ['GraphQL', '/api/graphql'],
    ['analytics ingest', '/api/analytics/events'],
  ])('should refuse a 50 MB chunked body to %s with 413 while it streams, memory flat', async (_name, path) => {
    const listener = path.includes('analytics') ? await signIn(server.url) : null
    const outcome = await sendChunked(path, 50 * MB, listener ? { authorization: `Bearer ${listener.token}` } : {})
    console.info(`${path}: ${outcome.status} after ${(outcome.sentBytes / MB).toFixed(2)} MB sent, server RSS +${(outcome.peakRssGrowth / MB).toFixed(1)} MB, ${outcome.ms} ms`)
    expect(outcome.status).toBe(413)
    expect(JSON.parse(outcome.body).errors[0].field).toBe('body')
    // Refused long before the whole body was sent, and the server did not hold it.
    expect(outcome.sentBytes).toBeLessThan(25 * MB)
    expect(outcome.peakRssGrowth).toBeLessThan(20 * MB)
  }, 120_000)

  // A body that is not JSON (no Content-Type) is never read: Payload parses only JSON and multipart
  // bodies, so the create has no data and answers 400 on `body` at once, with a few socket buffers
  // of the upload received. Nothing is held, so no limit is reached: 400 is the accurate answer.
  it('should answer 400 on body, without reading it, to a 50 MB chunked create with no Content-Type', async () => {
    const outcome = await sendChunked('/api/stories', 50 * MB, { 'content-type': null })
    console.info(`no content-type: ${outcome.status} after ${(outcome.sentBytes / MB).toFixed(2)} MB sent, server RSS +${(outcome.peakRssGrowth / MB).toFixed(1)} MB, ${outcome.ms} ms`)
    expect(outcome.status).toBe(400)
    expect(JSON.parse(outcome.body).errors[0].data.errors[0].path).toBe('body')
    expect(outcome.sentBytes).toBeLessThan(25 * MB)
    expect(outcome.peakRssGrowth).toBeLessThan(20 * MB)
    const after = await fetch(`${server.url}/api/stories/catalog?locale=en`)
    expect(after.status).toBe(200)
  }, 120_000)

  it('should refuse a declared Content-Length over the limit before reading the body', async () => {
    const outcome = await new Promise<{ status: number; ms: number }>((resolve, reject) => {
      const t0 = Date.now()
      const req = http.request(`${server.url}/api/progress/any-story/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(50 * MB) },
      })
      req.on('response', (res) => {
        res.resume()
        resolve({ status: res.statusCode ?? 0, ms: Date.now() - t0 })
      })
      req.on('error', reject)
      req.setTimeout(15_000, () => req.destroy(new Error('no answer within 15 s: the server waited for the body')))
      req.write('{')
    })
    expect(outcome.status).toBe(413)
  })

  it('should still take a body under the limit in chunks', async () => {
    const listener = await signIn(server.url)
    const res = await fetch(`${server.url}/api/analytics/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${listener.token}` },
      body: new Blob([JSON.stringify({ events: [{ type: 'page_view', sessionId: 'chunked-ok' }] })]).stream(),
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(202)
  })
})
