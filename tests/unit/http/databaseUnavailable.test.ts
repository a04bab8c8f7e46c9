import { describe, expect, it } from 'vitest'

import { isDatabaseUnavailable } from '@/domain/http/databaseUnavailable'

describe('database unavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['an admin shutdown', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a server starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a connection ended mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool wait that timed out', new Error('timeout exceeded when trying to connect')],
    ['a driver error wrapped by drizzle', new Error('Failed query: select 1', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) })],
    ['a GraphQL error over a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { originalError: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }) })],
    ['refusals on every address', new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })], 'x')],
  ])('should recognise %s', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true)
  })

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a foreign key violation', Object.assign(new Error('fk'), { code: '23503' })],
    ['a plain bug', new TypeError('x is not a function')],
    ['nothing', undefined],
    // The object storage client's refusal (AWS SDK errors carry $metadata) is the bucket's outage.
    ['the bucket refusing a connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9000'), { code: 'ECONNREFUSED', $metadata: { attempts: 3 } })],
  ])('should not take %s for an outage', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false)
  })
})
