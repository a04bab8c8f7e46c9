import { describe, expect, it } from 'vitest'

import { isConcurrentChangeConflict } from '@/domain/http/concurrentChange'

describe('concurrent change conflicts', () => {
  it.each([
    ['a deadlock victim', Object.assign(new Error('deadlock detected'), { code: '40P01' })],
    ['a serialization failure', Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' })],
    ['a lock wait past lock_timeout', Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' })],
    ['a deadlock wrapped by drizzle', new Error('Failed query: update "story_translations" ...', { cause: Object.assign(new Error('deadlock detected'), { code: '40P01' }) })],
    // GraphQL keeps the resolver's error as originalError (graphql-js), not as cause.
    ['a GraphQL error over drizzle over a deadlock', Object.assign(new Error('Failed query: ...'), { originalError: new Error('Failed query', { cause: Object.assign(new Error('deadlock detected'), { code: '40P01' }) }) })],
  ])('should recognise %s', (_name, err) => {
    expect(isConcurrentChangeConflict(err)).toBe(true)
  })

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a statement timeout', Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })],
    ['the database going away', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a plain bug', new TypeError('x is not a function')],
    ['a string', 'deadlock detected'],
    ['nothing', undefined],
  ])('should not take %s for one', (_name, err) => {
    expect(isConcurrentChangeConflict(err)).toBe(false)
  })
})
