/**
 * Hardening #10 hole 1: the address limits are keyed on is the socket peer; X-Forwarded-For is
 * believed only from TRUSTED_PROXIES, and a request whose address cannot be determined shares one
 * "unknown" limit (never unlimited). Through real HTTP, in a server process of its own with a low
 * sign-in limit (3 per minute).
 */
import { afterEach, describe, expect, it } from 'vitest'

import { startChildServer, type ChildServer } from '../support/childProcess'
import { deviceId } from '../support/listener'

let server: ChildServer | undefined

afterEach(async () => {
  await server?.stop()
  server = undefined
})

const signIn = (xff?: string) =>
  fetch(`${server!.url}/api/users/anonymous`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(xff !== undefined ? { 'x-forwarded-for': xff } : {}) },
    body: JSON.stringify({ anonymousId: deviceId() }),
  }).then((r) => r.status)

describe('the client address of rate limits', () => {
  it('should limit a client that sends a different X-Forwarded-For every time (no trusted proxy)', async () => {
    server = await startChildServer({ RATE_LIMIT_SIGNIN_IP: '3/60', TRUSTED_PROXIES: '' })
    const statuses = []
    for (const xff of ['198.51.100.1', '198.51.100.2', 'x', '2001:db8::9', 'unknown, 10.0.0.1']) statuses.push(await signIn(xff))
    expect(statuses.slice(0, 3).every((s) => s === 201 || s === 200)).toBe(true)
    expect(statuses.slice(3)).toEqual([429, 429])
  }, 180_000)

  it('should believe X-Forwarded-For from a trusted proxy and limit per forwarded client', async () => {
    server = await startChildServer({ RATE_LIMIT_SIGNIN_IP: '3/60', TRUSTED_PROXIES: '127.0.0.1,::1' })
    const a = []
    for (let i = 0; i < 4; i++) a.push(await signIn('203.0.113.7'))
    expect(a.slice(0, 3).every((s) => s === 201 || s === 200)).toBe(true)
    expect(a[3]).toBe(429)
    // Another client behind the same proxy has its own budget; a spoofed left part does not help.
    expect([200, 201]).toContain(await signIn('203.0.113.8'))
    expect(await signIn('1.1.1.1, 203.0.113.7')).toBe(429)
  }, 180_000)

  it('should limit requests without a usable address under one shared key', async () => {
    server = await startChildServer({ RATE_LIMIT_SIGNIN_IP: '3/60', TRUSTED_PROXIES: '127.0.0.1,::1' })
    const statuses = []
    for (const xff of ['x', 'not-an-ip', 'garbage', '??']) statuses.push(await signIn(xff))
    // Three fit the one shared budget, the fourth is refused: not four separate budgets, and not
    // a server refusing everything.
    expect(statuses.slice(0, 3).every((s) => s === 200 || s === 201), JSON.stringify(statuses)).toBe(true)
    expect(statuses[3]).toBe(429)
  }, 180_000)
})
