import { describe, expect, it } from 'vitest'

import { clientIp, inCidrs, normalizeIp, parseTrustedProxies, storedIp } from '@/domain/listener/clientIp'

describe('client address behind proxies', () => {
  const trusted = parseTrustedProxies('10.0.0.0/8, 127.0.0.1, fd00::/8')

  it('should ignore X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientIp('203.0.113.9', '1.2.3.4', trusted)).toBe('203.0.113.9')
  })

  it('should ignore X-Forwarded-For entirely when no proxy is trusted', () => {
    expect(clientIp('127.0.0.1', '1.2.3.4', [])).toBe('127.0.0.1')
  })

  it('should take the last hop a trusted proxy added', () => {
    expect(clientIp('10.1.2.3', '198.51.100.7', trusted)).toBe('198.51.100.7')
  })

  it('should not believe hops a client prepended', () => {
    expect(clientIp('10.1.2.3', '6.6.6.6, 198.51.100.7, 10.9.9.9', trusted)).toBe('198.51.100.7')
  })

  it('should stop at a hop that is not an address', () => {
    expect(clientIp('10.1.2.3', 'garbage', trusted)).toBe('10.1.2.3')
  })

  it('should match IPv6 ranges and IPv4-mapped addresses', () => {
    expect(inCidrs('fd12::1', trusted)).toBe(true)
    expect(inCidrs('::ffff:10.0.0.1', trusted)).toBe(true)
    expect(inCidrs('2001:db8::1', trusted)).toBe(false)
  })

  it.each([
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['1.2.3.4:8080', '1.2.3.4'],
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['fe80::1%eth0', 'fe80::1'],
    ['nonsense', null],
  ])('should normalise %s', (raw, ip) => {
    expect(normalizeIp(raw)).toBe(ip)
  })

  it('should refuse a bad TRUSTED_PROXIES entry', () => {
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/TRUSTED_PROXIES/)
    expect(() => parseTrustedProxies('proxy.local')).toThrow(/TRUSTED_PROXIES/)
  })
})

describe('stored address', () => {
  it.each([
    ['203.0.113.77', 'truncate', '203.0.113.0'],
    ['2001:db8:abcd:12::1', 'truncate', '2001:db8:abcd::'],
    ['203.0.113.77', 'full', '203.0.113.77'],
    ['203.0.113.77', 'none', null],
  ] as const)('should store %s as %s -> %s', (ip, mode, stored) => {
    expect(storedIp(ip, mode)).toBe(stored)
  })
})
