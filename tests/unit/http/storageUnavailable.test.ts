import { describe, expect, it } from 'vitest'

import { isStorageUnavailable } from '@/domain/http/storageUnavailable'

/** An error as the AWS SDK throws it: the cause, with the request's `$metadata`. */
const sdk = <T extends object>(err: T, metadata: object = { attempts: 3 }) => Object.assign(err, { $metadata: metadata })

describe('object storage unavailable', () => {
  it.each([
    ['a refused connection', sdk(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9000'), { code: 'ECONNREFUSED' }))],
    ['a reset connection', sdk(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))],
    ['a 503 SlowDown', sdk(Object.assign(new Error('Please reduce your request rate.'), { name: 'SlowDown' }), { httpStatusCode: 503 })],
    ['a 500 InternalError', sdk(Object.assign(new Error('We encountered an internal error.'), { name: 'InternalError' }), { httpStatusCode: 500 })],
    ['a request timeout', sdk(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))],
    ['a wrapped SDK error', new Error('upload failed', { cause: sdk(Object.assign(new Error('x'), { code: 'ETIMEDOUT' })) })],
  ])('should recognise %s', (_name, err) => {
    expect(isStorageUnavailable(err)).toBe(true)
  })

  it.each([
    ['a missing bucket (404)', sdk(Object.assign(new Error('The specified bucket does not exist'), { name: 'NoSuchBucket' }), { httpStatusCode: 404 })],
    ['denied credentials (403)', sdk(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }), { httpStatusCode: 403 })],
    ['the database refusing a connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a plain bug', new TypeError('x is not a function')],
    ['nothing', undefined],
  ])('should not take %s for a storage outage', (_name, err) => {
    expect(isStorageUnavailable(err)).toBe(false)
  })
})
