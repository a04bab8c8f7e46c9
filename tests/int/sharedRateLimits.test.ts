/**
 * Hardening #10 hole 2: rate limits live in Postgres, so N app processes on one database enforce
 * ONE limit, and a restart does not hand out a fresh budget. Two server processes of their own
 * (tests/support/serveChild.ts) on the suite's database, spoken to over real HTTP.
 *
 * Each test keys its limits on an address nobody else uses (forwarded by the trusted local peer),
 * so tests and other suites on the same database do not share budgets.
 */
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startChildServer, type ChildServer } from '../support/childProcess'
import { call, deviceId, signIn } from '../support/listener'

/**
 * The limits every test here uses, set on every server it starts: the tests share one pair of
 * processes (a server process takes ~10 s to start) and keep apart by address or listener.
 */
const LIMITS = { RATE_LIMIT_SIGNIN_IP: '4/60', RATE_LIMIT_ANALYTICS_LISTENER: '3/60' }

let servers: ChildServer[] = []
let a: ChildServer
let b: ChildServer

beforeAll(async () => {
  ;[a, b] = await Promise.all([start(LIMITS), start(LIMITS)])
}, 240_000)

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  servers = []
})

/** A TEST-NET-2 address of its own for each use (never the same one twice in a run). */
const used = new Set<number>()
const freshAddress = () => {
  let n: number
  do n = crypto.randomInt(1, 255)
  while (used.has(n))
  used.add(n)
  return `198.51.100.${n}`
}

const start = async (env: Record<string, string>) => {
  const server = await startChildServer({ TRUSTED_PROXIES: '127.0.0.1,::1', ...env })
  servers.push(server)
  return server
}

const signInFrom = (server: ChildServer, address: string) =>
  call(server.url, 'POST', 'users/anonymous', { body: { anonymousId: deviceId() }, headers: { 'x-forwarded-for': address } })

describe('shared rate limits', () => {
  it('should enforce one sign-in limit across two processes on one database', async () => {
    const address = freshAddress()
    const statuses: number[] = []
    // Alternating between the processes: each alone would allow 4, together they allow 4.
    for (let i = 0; i < 6; i++) statuses.push((await signInFrom(i % 2 === 0 ? a : b, address)).status)
    expect(statuses.slice(0, 4).every((s) => s === 200 || s === 201)).toBe(true)
    expect(statuses.slice(4)).toEqual([429, 429])
    const refused = await signInFrom(b, address)
    expect(refused.status).toBe(429)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    // Another address keeps its own budget.
    expect([200, 201]).toContain((await signInFrom(a, freshAddress())).status)
  }, 240_000)

  it('should enforce one analytics limit per listener across two processes', async () => {
    const listener = await signIn(a.url)
    const send = (server: ChildServer) =>
      call(server.url, 'POST', 'analytics/events', { token: listener.token, body: { events: [{ type: 'page_view', sessionId: 'shared-rl' }] } }).then((r) => r.status)
    const statuses = [await send(a), await send(b), await send(a), await send(b), await send(a)]
    expect(statuses).toEqual([202, 202, 202, 429, 429])
  }, 240_000)

  it('should keep counting after a restart', async () => {
    // Both processes gone, then a new one: the budget is the database's, not a process's.
    const address = freshAddress()
    for (let i = 0; i < 4; i++) expect([200, 201]).toContain((await signInFrom(a, address)).status)
    await Promise.all([a.stop(), b.stop()])
    const restarted = await start(LIMITS)
    expect((await signInFrom(restarted, address)).status).toBe(429)
    // A fresh address still has its budget on the new process.
    expect([200, 201]).toContain((await signInFrom(restarted, freshAddress())).status)
  }, 240_000)
})
