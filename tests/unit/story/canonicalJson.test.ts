import { describe, expect, it } from 'vitest'

import { canonicalJson, contentHash } from '@/domain/story/canonicalJson'

describe('canonicalJson', () => {
  it('should sort object keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}')
  })

  it('should keep the order of arrays', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]))
  })

  it('should escape strings like JSON', () => {
    expect(JSON.parse(canonicalJson({ 'क"': 'line\nकौआ' }))).toEqual({ 'क"': 'line\nकौआ' })
  })
})

describe('contentHash', () => {
  it('should be equal for objects that differ only in key order', () => {
    expect(contentHash({ a: 1, b: [{ c: 2, d: 3 }] })).toBe(contentHash({ b: [{ d: 3, c: 2 }], a: 1 }))
  })

  it('should change when any value changes', () => {
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }))
  })
})
