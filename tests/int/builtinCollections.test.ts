/**
 * Hardening #10 holes 4 and 5: Payload's built-in collections (locked documents, preferences,
 * migrations, jobs) are staff-only, and only admins unlock staff accounts.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, rest, type Staff } from '../support/api'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'
import { call, deleteListeners, signIn, sql, type Listener } from '../support/listener'

let payload: Payload
let server: TestServer
let listener: Listener
let admin: Staff
let editor: Staff
let translator: Staff
let story: StoryFixture

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  listener = await signIn(server.url)
  ;[admin, editor, translator] = await Promise.all([
    createStaff(payload, server.url, 'admin'),
    createStaff(payload, server.url, 'editor'),
    createStaff(payload, server.url, 'translator', ['hi']),
  ])
  story = await createStory(payload)
})

afterAll(async () => {
  await sql(payload, `DELETE FROM payload_locked_documents`)
  await sql(payload, `DELETE FROM payload_preferences WHERE key LIKE 'hardening-%'`)
  await story?.cleanup()
  await deleteListeners(payload, listener.id)
  await payload.delete({ collection: 'editors', where: { id: { in: [admin.id, editor.id, translator.id] } } })
  await server?.close()
})

const builtIn = () => payload.config.collections.map((c) => c.slug).filter((s) => s.startsWith('payload-'))
const count = async (table: string) => Number((await sql<{ n: string }>(payload, `SELECT count(*) AS n FROM ${table}`))[0]!.n)
const tableOf = (slug: string) => slug.replace(/-/g, '_')

describe('built-in collections', () => {
  it('should include locked documents, preferences, migrations and jobs', () => {
    expect(builtIn()).toEqual(expect.arrayContaining(['payload-locked-documents', 'payload-preferences', 'payload-migrations', 'payload-jobs']))
  })

  for (const who of ['anonymous', 'listener'] as const) {
    const token = () => (who === 'listener' ? listener.token : undefined)

    it(`should refuse every built-in collection's list, create, update and delete to ${who}`, async () => {
      for (const slug of builtIn()) {
        const before = await count(tableOf(slug))
        const list = await call(server.url, 'GET', `${slug}?limit=5`, { token: token() })
        expect(list.status, `GET ${slug}`).toBeGreaterThanOrEqual(400)
        expect(list.status, `GET ${slug}`).toBeLessThan(500)
        const body =
          slug === 'payload-locked-documents'
            ? { document: { relationTo: 'stories', value: story.storyId }, user: { relationTo: 'users', value: listener.id } }
            : slug === 'payload-preferences'
              ? { key: 'hardening-x', value: { a: 1 }, user: { relationTo: 'users', value: listener.id } }
              : { name: 'x', batch: 1, taskSlug: 'generateAudio', input: {} }
        const created = await call(server.url, 'POST', slug, { token: token(), body })
        expect(created.status, `POST ${slug}`).toBeGreaterThanOrEqual(400)
        expect(created.status, `POST ${slug}`).toBeLessThan(500)
        const updated = await call(server.url, 'PATCH', `${slug}?where[id][exists]=true`, { token: token(), body: {} })
        expect([200, 400, 401, 403, 404]).toContain(updated.status)
        if (updated.status === 200) expect(updated.body.docs ?? []).toEqual([])
        const deleted = await call(server.url, 'DELETE', `${slug}?where[id][exists]=true`, { token: token() })
        expect([200, 400, 401, 403, 404]).toContain(deleted.status)
        if (deleted.status === 200) expect(deleted.body.docs ?? []).toEqual([])
        expect(await count(tableOf(slug)), `rows of ${slug}`).toBe(before)
      }
    })

    it(`should refuse the preferences endpoints (/:key) to ${who}`, async () => {
      const before = await count('payload_preferences')
      const write = await call(server.url, 'POST', 'payload-preferences/hardening-big', { token: token(), body: { value: 'x'.repeat(10_000) } })
      expect([401, 403]).toContain(write.status)
      const read = await call(server.url, 'GET', 'payload-preferences/hardening-big', { token: token() })
      expect([401, 403, 404]).toContain(read.status)
      expect(await count('payload_preferences')).toBe(before)
    })

    it(`should not let ${who} lock a story (an editor's save stays 200)`, async () => {
      await call(server.url, 'POST', 'payload-locked-documents', {
        token: token(),
        body: { document: { relationTo: 'stories', value: story.storyId }, user: { relationTo: 'users', value: listener.id } },
      })
      const save = await rest(server.url, 'PATCH', `stories/${story.storyId}`, { token: editor.token, body: { durationMin: 7 } })
      expect(save.status).toBe(200)
    })
  }

  it('should keep locked documents and preferences working for staff', async () => {
    const lock = await rest(server.url, 'POST', 'payload-locked-documents', {
      token: editor.token,
      body: { document: { relationTo: 'stories', value: story.storyId }, user: { relationTo: 'editors', value: editor.id } },
    })
    expect(lock.status).toBe(201)
    const locks = await rest(server.url, 'GET', 'payload-locked-documents', { token: translator.token })
    expect(locks.status).toBe(200)
    await rest(server.url, 'DELETE', `payload-locked-documents/${lock.body.doc.id}`, { token: editor.token })
    const pref = await rest(server.url, 'POST', 'payload-preferences/hardening-columns', { token: translator.token, body: { value: { columns: ['title'] } } })
    expect(pref.status).toBe(200)
    const back = await rest(server.url, 'GET', 'payload-preferences/hardening-columns', { token: translator.token })
    expect(back.body.value).toEqual({ columns: ['title'] })
  })

  it('should keep migrations and jobs closed to editors', async () => {
    for (const slug of ['payload-migrations', 'payload-jobs']) {
      const list = await rest(server.url, 'GET', slug, { token: editor.token })
      expect(list.status, slug).toBeGreaterThanOrEqual(400)
    }
  })
})

describe('unlocking staff accounts', () => {
  it('should refuse an unlock by a translator or an editor, and an anonymous one', async () => {
    for (const token of [translator.token, editor.token, undefined]) {
      const res = await rest(server.url, 'POST', 'editors/unlock', { token, body: { email: admin.email } })
      expect(res.status).toBe(403)
    }
  })

  it('should answer a non-admin the same for an existing and an unknown e-mail', async () => {
    const known = await rest(server.url, 'POST', 'editors/unlock', { token: translator.token, body: { email: admin.email } })
    const unknown = await rest(server.url, 'POST', 'editors/unlock', { token: translator.token, body: { email: 'nobody-here@test.local' } })
    expect(unknown.status).toBe(known.status)
    expect(unknown.body).toEqual(known.body)
  })

  it('should let an admin unlock, and keep the login lockout', async () => {
    const victim = await createStaff(payload, server.url, 'translator', ['ta'])
    try {
      const max = payload.collections.editors.config.auth.maxLoginAttempts
      expect(max).toBeGreaterThan(0)
      for (let i = 0; i < max; i++) {
        await rest(server.url, 'POST', 'editors/login', { body: { email: victim.email, password: 'wrong password' } })
      }
      const locked = await rest(server.url, 'POST', 'editors/login', { body: { email: victim.email, password: victim.password } })
      expect(locked.status).toBeGreaterThanOrEqual(400)
      const unlock = await rest(server.url, 'POST', 'editors/unlock', { token: admin.token, body: { email: victim.email } })
      expect(unlock.status).toBe(200)
      const ok = await rest(server.url, 'POST', 'editors/login', { body: { email: victim.email, password: victim.password } })
      expect(ok.status).toBe(200)
    } finally {
      await payload.delete({ collection: 'editors', id: victim.id })
    }
  })
})
