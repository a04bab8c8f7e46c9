/**
 * Hardening #10 hole 12: the staff cookie is honoured only from the app's own origin (CSRF), CORS
 * answers only that origin, the cookie is Secure behind HTTPS, and no GET has side effects for a
 * browser session (Payload's jobs runner endpoints are closed over HTTP).
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, type Staff } from '../support/api'
import { startChildServer, type ChildServer } from '../support/childProcess'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'

let payload: Payload
let server: TestServer
let editor: Staff
let cookie: string
let story: StoryFixture

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  editor = await createStaff(payload, server.url, 'editor')
  const login = await fetch(`${server.url}/api/editors/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: editor.email, password: editor.password }),
  })
  cookie = login.headers.getSetCookie().find((c) => c.startsWith('payload-token='))!.split(';')[0]!
  story = await createStory(payload)
})

afterAll(async () => {
  await story?.cleanup()
  await payload.delete({ collection: 'editors', id: editor.id })
  await server?.close()
})

const me = async (headers: Record<string, string>) => {
  const res = await fetch(`${server.url}/api/editors/me`, { headers: { cookie, ...headers } })
  return ((await res.json()) as { user: { email: string } | null }).user?.email ?? null
}

describe('the staff cookie (CSRF)', () => {
  it('should be ignored on a request from another origin', async () => {
    expect(await me({ origin: 'https://evil.example' })).toBeNull()
  })

  it('should be ignored on a cross-site request without Origin', async () => {
    expect(await me({ 'sec-fetch-site': 'cross-site' })).toBeNull()
  })

  it('should be honoured on a same-origin browser request', async () => {
    expect(await me({ 'sec-fetch-site': 'same-origin' })).toBe(editor.email)
  })

  it('should not let another origin change a story with the cookie', async () => {
    const res = await fetch(`${server.url}/api/stories/${story.storyId}`, {
      method: 'PATCH',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ durationMin: 42 }),
    })
    expect([401, 403]).toContain(res.status)
    expect((await payload.findByID({ collection: 'stories', id: story.storyId })).durationMin).not.toBe(42)
  })
})

describe('GET with side effects', () => {
  it.each(['payload-jobs/run', 'payload-jobs/handle-schedules'])('should refuse GET /api/%s to a signed-in editor', async (path) => {
    const sessions: Record<string, string>[] = [{ cookie, 'sec-fetch-site': 'same-origin' }, { authorization: `JWT ${editor.token}` }]
    for (const headers of sessions) {
      const res = await fetch(`${server.url}/api/${path}`, { headers })
      expect([401, 403, 405]).toContain(res.status)
    }
  })
})

describe('behind HTTPS (PUBLIC_SERVER_URL=https://…)', () => {
  let child: ChildServer | undefined
  const ORIGIN = 'https://cms.example.test'

  beforeAll(async () => {
    child = await startChildServer({ PUBLIC_SERVER_URL: ORIGIN })
  }, 120_000)

  afterAll(async () => {
    await child?.stop()
  })

  it('should set the staff cookie Secure', async () => {
    const login = await fetch(`${child!.url}/api/editors/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: editor.email, password: editor.password }),
    })
    expect(login.status).toBe(200)
    const set = login.headers.getSetCookie().find((c) => c.startsWith('payload-token='))!
    expect(set).toMatch(/;\s*Secure/i)
    expect(set).toMatch(/SameSite=Lax/i)
  })

  it('should answer CORS for its own origin only', async () => {
    const own = await fetch(`${child!.url}/api/stories?limit=1`, { headers: { origin: ORIGIN } })
    expect(own.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    const other = await fetch(`${child!.url}/api/stories?limit=1`, { headers: { origin: 'https://evil.example' } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })
})
