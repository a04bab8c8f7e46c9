import { describe, expect, it } from 'vitest'

import { acceptedEncodings, etagMatches } from '@/domain/http/negotiation'

describe('acceptedEncodings', () => {
  it.each([
    ['gzip, deflate, br', ['gzip', 'deflate', 'br']],
    ['br;q=0, gzip;q=0.5', ['gzip']],
    ['identity', ['identity']],
    ['', []],
    [null, []],
    ['GZIP;Q=1.0', ['gzip']],
  ])('should read %j as %j', (header, expected) => {
    expect([...acceptedEncodings(header)].sort()).toEqual([...expected].sort())
  })
})

describe('etagMatches', () => {
  it.each([
    ['"abc"', '"abc"', true],
    ['W/"abc"', '"abc"', true],
    ['"x", "abc"', '"abc"', true],
    ['*', '"abc"', true],
    ['"abd"', '"abc"', false],
    [null, '"abc"', false],
  ])('should match %j against %j: %s', (header, etag, expected) => {
    expect(etagMatches(header, etag)).toBe(expected)
  })
})
