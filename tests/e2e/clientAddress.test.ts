/**
 * Hardening #10 holes 1 and 2 through `npm start` with two workers (WEB_CONCURRENCY=2): the
 * address a limit is keyed on is the socket peer, X-Forwarded-For is believed only from
 * TRUSTED_PROXIES, and the limit is ONE limit across the workers (kept in Postgres). Each
 * request opens its own connection, so the cluster spreads them over both workers.
 *
 * The app trusts 127.0.0.1 only: requests over IPv6 loopback (::1) come from an untrusted peer.
 */
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../../scripts/lib/ports'
import { startApp, type RunningApp } from '../support/e2eServer'

let app: RunningApp

beforeAll(async () => {
  app = await startApp({ port: await freePort(), env: { WEB_CONCURRENCY: '2', RATE_LIMIT_SIGNIN_IP: '4/60', TRUSTED_PROXIES: '127.0.0.1' } })
})

afterAll(async () => {
  await app?.stop()
})

/** One anonymous sign-in on a connection of its own, from `host` (127.0.0.1 or [::1]). */
function signIn(host: string, xff?: string): Promise<number> {
  const body = JSON.stringify({ anonymousId: `dev-${Math.random().toString(16).slice(2)}${Date.now().toString(16)}` })
  return new Promise((resolve, reject) => {
    const req = http.request(
      `http://${host}:${app.port}/api/users/anonymous`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(xff ? { 'x-forwarded-for': xff } : {}) } },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const ok = (s: number) => s === 200 || s === 201

describe('client address and shared limits on npm start (2 workers)', () => {
  it('should ignore X-Forwarded-For from an untrusted peer and limit it once across workers', async () => {
    const statuses: number[] = []
    for (const xff of ['198.51.100.1', '198.51.100.2', 'x', '2001:db8::9', 'unknown, 10.0.0.1', '198.51.100.3']) statuses.push(await signIn('[::1]', xff))
    expect(statuses.slice(0, 4).every(ok)).toBe(true)
    expect(statuses.slice(4)).toEqual([429, 429])
  })

  it('should believe X-Forwarded-For from a trusted proxy, one budget per forwarded client across workers', async () => {
    const a: number[] = []
    for (let i = 0; i < 6; i++) a.push(await signIn('127.0.0.1', '203.0.113.70'))
    expect(a.slice(0, 4).every(ok)).toBe(true)
    expect(a.slice(4)).toEqual([429, 429])
    // Another client behind the same proxy has its own budget; a spoofed left part does not help.
    expect(ok(await signIn('127.0.0.1', '203.0.113.71'))).toBe(true)
    expect(await signIn('127.0.0.1', '1.1.1.1, 203.0.113.70')).toBe(429)
  })
})
