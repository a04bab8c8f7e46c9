import { describe, expect, it } from 'vitest'

import { etagFor, etagMatches, negotiateEncoding } from '@/domain/http/negotiation'

describe('negotiateEncoding', () => {
  it.each([
    [null, 'identity'],
    ['', 'identity'],
    ['identity', 'identity'],
    ['gzip', 'gzip'],
    ['gzip, deflate', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['zstd', 'identity'],
    ['deflate', 'identity'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['gzip;q=0.4, br;q=0.8', 'br'],
    ['br;q=0.2, gzip;q=0.9', 'gzip'],
    ['GZIP;Q=1.0', 'gzip'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['identity;q=0, zstd', 'identity'],
  ])('should answer %j with %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected)
  })
})

describe('etagMatches', () => {
  it.each([
    ['"abc"', 'abc', true],
    ['"abc-gzip"', 'abc', true],
    ['"abc-br"', 'abc', true],
    ['W/"abc-gzip"', 'abc', true],
    ['"x", "abc"', 'abc', true],
    ['*', 'abc', true],
    ['"abd"', 'abc', false],
    ['"abc-zstd"', 'abc', false],
    [null, 'abc', false],
  ])('should match %j against version %s: %s', (header, version, expected) => {
    expect(etagMatches(header, version)).toBe(expected)
  })

  it('should give each coding its own strong validator', () => {
    expect(new Set(['identity', 'gzip', 'br'].map((c) => etagFor('v1', c as 'gzip')))).toHaveProperty('size', 3)
  })
})
