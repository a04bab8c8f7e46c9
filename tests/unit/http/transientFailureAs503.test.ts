import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { transientFailureAs503 as hook } from '@/hooks/transientFailureAs503'

const warnings: string[] = []
const request = () => ({ payload: { logger: { warn: (o: { msg: string }) => warnings.push(o.msg) } }, responseHeaders: new Headers({ 'x-request-id': 'abc' }) }) as unknown as PayloadRequest

const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' })
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
const bucket = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9000'), { code: 'ECONNREFUSED', $metadata: { attempts: 3 } })

/** What Payload's GraphQL handler passes: a GraphQL error (the resolver's error as originalError) and the formatted result. */
const graphqlArgs = (inner: Error) => ({
  error: Object.assign(new Error(inner.message), { originalError: inner }),
  graphqlResult: { message: 'Something went wrong.', path: ['updateStoryNode'], extensions: { name: 'Error', statusCode: 500 } },
  req: request(),
  context: {},
})

describe('transientFailureAs503 (the afterError hook of moment\'s failures)', () => {
  it.each([
    ['a concurrent change', deadlock, 1, /at the same moment/],
    ['the database away', refused, 5, /database cannot be reached/],
    ['the bucket away', bucket, 5, /Object storage \(the bucket\) cannot be reached/],
  ] as const)('should answer REST with status 503 and Retry-After for %s, keeping the headers already set', async (_name, error, retryAfter, message) => {
    const req = request()
    const result = await hook({ error, req, context: {}, result: { errors: [{ message: 'Something went wrong.' }] } } as never)
    expect(result).toMatchObject({ status: 503, response: { errors: [{ message: expect.stringMatching(message) }] } })
    expect(req.responseHeaders?.get('retry-after')).toBe(String(retryAfter))
    expect(req.responseHeaders?.get('x-request-id')).toBe('abc')
  })

  it.each([
    ['a concurrent change', deadlock, 1, /at the same moment/],
    ['the database away', refused, 5, /database cannot be reached/],
    ['the bucket away', bucket, 5, /Object storage \(the bucket\) cannot be reached/],
  ] as const)('should answer GraphQL with the error statusCode 503 for %s, keeping its path', async (_name, error, retryAfter, message) => {
    const result = (await hook(graphqlArgs(error) as never)) as { graphqlResult: Record<string, any> }
    expect(result.graphqlResult).toMatchObject({ message: expect.stringMatching(message), path: ['updateStoryNode'], extensions: { name: 'Error', statusCode: 503, retryAfter } })
  })

  it('should leave other errors to the next hook', async () => {
    expect(await hook({ error: new TypeError('x is not a function'), req: request(), context: {} } as never)).toBeUndefined()
    expect(await hook(graphqlArgs(Object.assign(new Error('duplicate key'), { code: '23505' })) as never)).toBeUndefined()
  })
})
