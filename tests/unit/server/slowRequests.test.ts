import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from 'vitest'

import { watchSlowRequest } from '@/server/slowRequests'

/** A real HTTP server whose handler answers after `delayMs` (or never), watched with `thresholdMs`. */
async function serve(delayMs: number | null, thresholdMs: number, lines: string[]) {
  const server = http.createServer((req, res) => {
    watchSlowRequest(req, res, () => '/api/stories/:id/publication', thresholdMs, (l) => lines.push(l))
    if (delayMs === null) return
    setTimeout(() => res.writeHead(409, { 'content-type': 'application/json' }).end('{}'), delayMs)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stories/1/publication`
  servers.push(server)
  return url
}

const servers: http.Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections()
    await new Promise((r) => s.close(r))
  }
})

/** Waits until `lines` has `n` entries (the log is written when the response's socket closes). */
async function logged(lines: string[], n: number) {
  for (let i = 0; i < 100 && lines.length < n; i++) await new Promise((r) => setTimeout(r, 20))
  return lines
}

describe('slow request log', () => {
  it('should log a request answered after the threshold with its method, route, status and time', async () => {
    const lines: string[] = []
    const url = await serve(120, 50, lines)
    const res = await fetch(url, { method: 'POST', body: '{}' })
    expect(res.status).toBe(409)
    expect(await logged(lines, 1)).toHaveLength(1)
    expect(lines[0]).toMatch(/^\[server\] slow request: POST \/api\/stories\/:id\/publication answered 409 in \d+\.\d s$/)
  })

  it('should log nothing for a request answered sooner, or with the threshold 0', async () => {
    const lines: string[] = []
    const fast = await serve(0, 2_000, lines)
    const off = await serve(120, 0, lines)
    expect((await fetch(fast)).status).toBe(409)
    expect((await fetch(off)).status).toBe(409)
    await new Promise((r) => setTimeout(r, 200))
    expect(lines).toEqual([])
  })

  it('should log a request its client gave up on after the threshold, before it was answered', async () => {
    const lines: string[] = []
    const url = await serve(null, 50, lines)
    await expect(fetch(url, { signal: AbortSignal.timeout(150) })).rejects.toThrow()
    expect(await logged(lines, 1)).toHaveLength(1)
    expect(lines[0]).toMatch(/^\[server\] slow request: GET \/api\/stories\/:id\/publication closed by the client after \d+\.\d s, before it was answered$/)
  })
})
