import { describe, expect, it } from 'vitest'

import { normalizeIp, storedIp } from '@/domain/listener/clientIp'

describe('client address normalisation', () => {
  it.each([
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['1.2.3.4:8080', '1.2.3.4'],
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['fe80::1%eth0', 'fe80::1'],
    ['nonsense', null],
  ])('should normalise %s', (raw, ip) => {
    expect(normalizeIp(raw)).toBe(ip)
  })
})

describe('stored address', () => {
  it.each([
    ['203.0.113.77', 'truncate', '203.0.113.0'],
    ['2001:db8:abcd:12::1', 'truncate', '2001:db8:abcd::'],
    ['203.0.113.77', 'full', '203.0.113.77'],
    ['203.0.113.77', 'none', null],
    ['::ffff:203.0.113.77', 'truncate', '203.0.113.0'],
    ['::1', 'truncate', '::'],
  ] as const)('should store %s as %s -> %s', (ip, mode, stored) => {
    expect(storedIp(ip, mode)).toBe(stored)
  })
})
