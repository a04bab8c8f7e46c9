/**
 * The body limiter on a real socket, in another process, with handlers behind it that behave like
 * Next's and Payload's (tests/support/limitedServer.ts). Whatever the handler does, a client still
 * streaming its upload reads the answer: the connection is never reset under it.
 */
import { afterEach, describe, expect, it } from 'vitest'

import { startChildServer, type ChildServer } from '../../support/childProcess'
import { sendChunked } from '../../support/chunkedUpload'

const MB = 1024 * 1024
const ROUNDS = 20
let server: ChildServer | undefined

afterEach(async () => {
  await server?.stop()
  server = undefined
})

describe('limitRequestBody on a real socket', () => {
  it('should get the 413 to a client still sending when the handler reading the body destroys the request and response', async () => {
    server = await startChildServer({ LIMITED_SERVER_MODE: 'abort' }, 60_000, 'tests/support/limitedServer.ts')
    for (let i = 0; i < ROUNDS; i++) {
      const outcome = await sendChunked(`${server.url}/api/things`, server.pid, 50 * MB)
      expect(outcome.status).toBe(413)
      expect(JSON.parse(outcome.body).errors[0].field).toBe('body')
      // (How much the client sent before it read the answer is not this test's business: the
      // lingering server drops bytes as fast as loopback brings them. tests/e2e/bodyLimits.test.ts
      // measures it against the app.)
    }
  })

  it("should get the handler's own early answer to a client still sending", async () => {
    server = await startChildServer({ LIMITED_SERVER_MODE: 'early' }, 60_000, 'tests/support/limitedServer.ts')
    for (let i = 0; i < ROUNDS; i++) {
      const outcome = await sendChunked(`${server.url}/api/things`, server.pid, 50 * MB)
      expect(outcome.status).toBe(403)
    }
  })
})
