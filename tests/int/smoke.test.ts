import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { testPayload } from '../support/payload'
import { startTestServer, type TestServer } from '../support/httpServer'

let server: TestServer

beforeAll(async () => {
  await testPayload()
  server = await startTestServer()
})
afterAll(async () => server?.close())

describe('smoke', () => {
  it('should answer REST', async () => {
    const res = await fetch(`${server.url}/api/stories`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toHaveProperty('docs')
  })
})
