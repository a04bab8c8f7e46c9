import { describe, expect, it } from 'vitest'

import { bearerToken, signListenerToken, verifyListenerToken } from '@/domain/listener/token'

const ID = '0b6c3f0e-8d5a-4c1e-9f3e-2a1b3c4d5e6f'
const SECRET = 'unit-secret'
const NOW = 1_800_000_000

describe('listener tokens', () => {
  it('should verify a token it signed and return the listener id', () => {
    const token = signListenerToken(ID, SECRET, { ttlSec: 60, nowSec: NOW })
    expect(verifyListenerToken(token, SECRET, NOW + 10)).toEqual({ ok: true, claims: { sub: ID, iat: NOW, exp: NOW + 60 } })
  })

  it.each([
    ['another secret', (t: string) => t, 'other-secret', 'bad-signature'],
    ['a changed payload', (t: string) => t.replace(/\.([^.]+)\./, (_m, p: string) => `.${p.slice(0, -2)}AA.`), SECRET, 'bad-signature'],
    ['a changed signature', (t: string) => `${t.slice(0, -2)}xx`, SECRET, 'bad-signature'],
    ['a staff JWT shape', () => 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc', SECRET, 'malformed'],
    ['garbage', () => 'lt1.nope', SECRET, 'malformed'],
  ])('should refuse %s', (_name, change, secret, reason) => {
    const token = change(signListenerToken(ID, SECRET, { ttlSec: 60, nowSec: NOW }))
    expect(verifyListenerToken(token, secret, NOW)).toEqual({ ok: false, reason })
  })

  it('should refuse an expired token', () => {
    const token = signListenerToken(ID, SECRET, { ttlSec: 60, nowSec: NOW })
    expect(verifyListenerToken(token, SECRET, NOW + 60)).toEqual({ ok: false, reason: 'expired' })
  })

  it('should refuse a signed token whose subject is not a uuid', () => {
    const token = signListenerToken('not-a-uuid', SECRET, { ttlSec: 60, nowSec: NOW })
    expect(verifyListenerToken(token, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' })
  })

  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['JWT abc', 'abc'],
    ['Basic abc', null],
    ['Bearer', null],
    [null, null],
  ])('should read the token of %j', (header, token) => {
    expect(bearerToken(header)).toBe(token)
  })
})
