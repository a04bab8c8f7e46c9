/**
 * Hardening #10 hole 3: against an external database no staff account is created with a known
 * password unless SEED_ACCOUNTS=dev asks for it, no password is printed, and
 * POST /api/editors/first-register creates the first admin only with the one-time setup token.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SEED_ADMIN, SEED_STAFF } from '@/seed/accounts'
import { runScript, startChildServer, type ChildServer } from '../support/childProcess'

const base = new URL(process.env.DATABASE_URL!)
const dbName = `bk_setup_${process.pid}_${Date.now() % 100000}`
const dbUrl = (() => {
  const u = new URL(base)
  u.pathname = `/${dbName}`
  return u.toString()
})()

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = base.toString()): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}
const editors = () => admin(async (c) => (await c.query<{ email: string; role: string }>('SELECT email, role FROM editors ORDER BY email')).rows, dbUrl)

let server: ChildServer | undefined
const SETUP_TOKEN = 'setup-token-for-this-test-0123456789'

beforeAll(async () => {
  await admin((c) => c.query(`CREATE DATABASE ${dbName}`))
})

afterAll(async () => {
  await server?.stop()
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`))
})

describe('seeding an external database', () => {
  it('should create no staff account and print no password without SEED_ACCOUNTS', async () => {
    const run = await runScript('scripts/bootstrap.ts', ['--seed=when-empty'], { DATABASE_URL: dbUrl, NODE_ENV: 'production', SEED_ACCOUNTS: undefined, ADMIN_SETUP_TOKEN: undefined })
    expect(run.code, run.output).toBe(0)
    expect(await editors()).toEqual([])
    for (const password of [SEED_ADMIN.password, ...SEED_STAFF.map((s) => s.password)]) expect(run.output).not.toContain(password)
  })

  it('should refuse POST /api/editors/first-register without the setup token, and accept it with the token (as admin)', async () => {
    await admin((c) => c.query('DELETE FROM editors'), dbUrl)
    server = await startChildServer({ DATABASE_URL: dbUrl, ADMIN_SETUP_TOKEN: SETUP_TOKEN, SEED_ACCOUNTS: undefined })
    const register = (body: Record<string, unknown>) =>
      fetch(`${server!.url}/api/editors/first-register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const account = { email: 'first@test.local', password: 'a long first password', role: 'admin' }
    expect((await register(account)).status).toBe(403)
    expect((await register({ ...account, setupToken: 'wrong' })).status).toBe(403)
    expect(await editors()).toEqual([])
    const ok = await register({ ...account, setupToken: SETUP_TOKEN })
    expect(ok.status, await ok.clone().text()).toBe(200)
    expect(await editors()).toEqual([{ email: 'first@test.local', role: 'admin' }])
    // One time: a second first-register is refused even with the token.
    expect((await register({ ...account, email: 'second@test.local', setupToken: SETUP_TOKEN })).status).toBe(403)
    await server.stop()
    server = undefined
  })

  it('should create the documented dev accounts when SEED_ACCOUNTS=dev', async () => {
    const run = await runScript('scripts/bootstrap.ts', ['--seed=never'], { DATABASE_URL: dbUrl, NODE_ENV: 'production', SEED_ACCOUNTS: 'dev' })
    expect(run.code, run.output).toBe(0)
    const emails = (await editors()).map((e) => e.email)
    expect(emails).toEqual(expect.arrayContaining([SEED_ADMIN.email, ...SEED_STAFF.map((s) => s.email)]))
  })
})
