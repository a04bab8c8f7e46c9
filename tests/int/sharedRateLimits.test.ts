/**
 * Hardening #10 hole 2: rate limits live in Postgres, so N app processes on one database enforce
 * ONE limit, and a restart does not hand out a fresh budget. Two server processes of their own
 * (tests/support/serveChild.ts) on the suite's database, spoken to over real HTTP.
 *
 * Each test keys its limits on an address nobody else uses (forwarded by the trusted local peer),
 * so tests and other suites on the same database do not share budgets.
 */
import crypto from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'

import { startChildServer, type ChildServer } from '../support/childProcess'
import { call, deviceId, signIn } from '../support/listener'

let servers: ChildServer[] = []

afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  servers = []
})

/** A TEST-NET-2 address of its own for each test. */
const freshAddress = () => `198.51.100.${crypto.randomInt(1, 255)}`

const start = async (env: Record<string, string>) => {
  const server = await startChildServer({ TRUSTED_PROXIES: '127.0.0.1,::1', ...env })
  servers.push(server)
  return server
}

const signInFrom = (server: ChildServer, address: string) =>
  call(server.url, 'POST', 'users/anonymous', { body: { anonymousId: deviceId() }, headers: { 'x-forwarded-for': address } })

describe('shared rate limits', () => {
  it('should enforce one sign-in limit across two processes on one database', async () => {
    const env = { RATE_LIMIT_SIGNIN_IP: '4/60' }
    const [a, b] = await Promise.all([start(env), start(env)])
    const address = freshAddress()
    const statuses: number[] = []
    // Alternating between the processes: each alone would allow 4, together they allow 4.
    for (let i = 0; i < 6; i++) statuses.push((await signInFrom(i % 2 === 0 ? a! : b!, address)).status)
    expect(statuses.slice(0, 4).every((s) => s === 200 || s === 201)).toBe(true)
    expect(statuses.slice(4)).toEqual([429, 429])
    const refused = await signInFrom(b!, address)
    expect(refused.status).toBe(429)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    // Another address keeps its own budget.
    expect([200, 201]).toContain((await signInFrom(a!, `203.0.113.${crypto.randomInt(1, 255)}`)).status)
  }, 240_000)

  it('should enforce one analytics limit per listener across two processes', async () => {
    const env = { RATE_LIMIT_ANALYTICS_LISTENER: '3/60' }
    const [a, b] = await Promise.all([start(env), start(env)])
    const listener = await signIn(a!.url)
    const send = (server: ChildServer) =>
      call(server.url, 'POST', 'analytics/events', { token: listener.token, body: { events: [{ type: 'page_view', sessionId: 'shared-rl' }] } }).then((r) => r.status)
    const statuses = [await send(a!), await send(b!), await send(a!), await send(b!), await send(a!)]
    expect(statuses).toEqual([202, 202, 202, 429, 429])
  }, 240_000)

  it('should keep counting after a restart', async () => {
    const env = { RATE_LIMIT_SIGNIN_IP: '3/60' }
    const address = freshAddress()
    const first = await start(env)
    for (let i = 0; i < 3; i++) expect([200, 201]).toContain((await signInFrom(first, address)).status)
    await first.stop()
    const second = await start(env)
    expect((await signInFrom(second, address)).status).toBe(429)
  }, 240_000)
})
