import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { answeringEndpoint } from '@/http/response'

/** A request whose payload records what it logs. */
function request() {
  const logged: { level: string; entry: unknown }[] = []
  const logger = { error: (entry: unknown) => logged.push({ level: 'error', entry }), warn: (entry: unknown) => logged.push({ level: 'warn', entry }) }
  return { req: { payload: { logger } } as unknown as PayloadRequest, logged }
}

describe('answeringEndpoint', () => {
  it('should pass the handler’s own answers through', async () => {
    const endpoint = answeringEndpoint({ path: '/:id/x', method: 'get', handler: async () => Response.json({ ok: true }, { status: 201 }) })
    const { req, logged } = request()
    const res = await endpoint.handler(req)
    expect(res.status).toBe(201)
    expect(logged).toEqual([])
  })

  it('should answer an unexpected error with the logged 500 in the one error shape, without internals', async () => {
    const endpoint = answeringEndpoint({
      path: '/:id/x',
      method: 'post',
      handler: async () => {
        throw new Error('secret internals')
      },
    })
    const { req, logged } = request()
    const res = await endpoint.handler(req)
    expect(res.status).toBe(500)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({ errors: [{ message: 'Something went wrong on our side. It has been logged; please try again.' }] })
    expect(text).not.toContain('secret')
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatchObject({ level: 'error', entry: { msg: 'POST /:id/x failed' } })
    expect((logged[0]!.entry as { err: Error }).err.message).toBe('secret internals')
  })

  it('should answer 503 with Retry-After when the database cannot be reached', async () => {
    const endpoint = answeringEndpoint({
      path: '/x',
      method: 'get',
      handler: async () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
      },
    })
    const { req, logged } = request()
    const res = await endpoint.handler(req)
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    expect(logged.map((l) => l.level)).toEqual(['warn'])
  })

  it('should answer 503 with Retry-After when object storage cannot be reached', async () => {
    const endpoint = answeringEndpoint({
      path: '/x',
      method: 'get',
      handler: async () => {
        throw Object.assign(new Error('SlowDown'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } })
      },
    })
    const { req, logged } = request()
    const res = await endpoint.handler(req)
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    expect((await res.json()).errors[0].message).toMatch(/^Object storage \(the bucket\) cannot be reached right now/)
    expect(logged.map((l) => l.level)).toEqual(['warn'])
  })
})
