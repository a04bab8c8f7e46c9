/**
 * The production server (`npm start`, the e2e project's shared server with SLOW_REQUEST_MS=3000)
 * logs a request its client gave up on after the threshold, by route template, without the id.
 * The client is plain node:http: it sends a chunked body to Payload REST slowly and then hangs up.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { describe, expect, inject, it } from 'vitest'

import { RESULTS_DIR } from '../support/e2eServer'

const base = () => inject('appUrl')

describe('slow request log on npm start', () => {
  it('should log a request its client gave up on after 3 s, by route template and without the id', async () => {
    const url = new URL(`${base()}/api/story-nodes/00000000-0000-4000-8000-00000000abcd?depth=0`)
    const log = path.join(RESULTS_DIR, `e2e-server-${url.port}.log`)
    const before = fs.readFileSync(log, 'utf8').length
    // Headers and the start of a body, then nothing more for 3.5 s, then the client hangs up.
    await new Promise<void>((resolve) => {
      const req = http.request(url, { method: 'PATCH', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } })
      req.on('error', () => resolve())
      req.write('{"textContent":')
      setTimeout(() => {
        req.destroy()
        resolve()
      }, 3_500)
    })
    let found: string | undefined
    for (let i = 0; i < 50 && !found; i++) {
      await new Promise((r) => setTimeout(r, 100))
      found = fs
        .readFileSync(log, 'utf8')
        .slice(before)
        .split('\n')
        .find((l) => l.includes('[server] slow request: PATCH'))
    }
    expect(found).toMatch(/\[server\] slow request: PATCH \/api\/story-nodes\/:id closed by the client after 3\.\d s, before it was answered/)
    expect(found).not.toContain('abcd')
  })
})
