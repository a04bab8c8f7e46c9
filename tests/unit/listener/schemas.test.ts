import { describe, expect, it } from 'vitest'

import { anonymousSignInSchema, fieldIssues, mergePreferences, preferencesPatchSchema, preferencesSchema } from '@/domain/listener/schemas'

describe('anonymous id', () => {
  it.each(['abcdefghijklmnop', 'A1_b2-C3d4E5f6G7', 'x'.repeat(64), '550e8400-e29b-41d4-a716-446655440000'])('should accept %s', (anonymousId) => {
    expect(anonymousSignInSchema.safeParse({ anonymousId }).success).toBe(true)
  })

  it.each([
    ['too short', 'abc'],
    ['too long', 'x'.repeat(65)],
    ['spaces', 'abcdefgh ijklmnop'],
    ['dots', 'abcdefgh.ijklmnop'],
    ['non-ASCII letters', 'abcdefghijklmnoé'],
    ['a number', 1234567890123456789],
  ])('should refuse %s with the field path', (_name, anonymousId) => {
    const result = anonymousSignInSchema.safeParse({ anonymousId })
    expect(result.success).toBe(false)
    if (!result.success) expect(fieldIssues(result.error)[0]!.field).toBe('anonymousId')
  })

  it('should refuse unknown keys', () => {
    expect(anonymousSignInSchema.safeParse({ anonymousId: 'abcdefghijklmnop', email: 'x@y.z' }).success).toBe(false)
  })
})

describe('preferences', () => {
  it('should accept every documented key', () => {
    expect(preferencesSchema.parse({ language: 'hi-mixed', codeMix: 0.3, autoplay: true, textSize: 'large' })).toBeTruthy()
  })

  it.each([{ language: 'fr' }, { codeMix: 2 }, { autoplay: 'yes' }, { textSize: 'huge' }, { colour: 'red' }])('should refuse %j', (prefs) => {
    expect(preferencesSchema.safeParse(prefs).success).toBe(false)
  })

  it('should merge a patch and remove keys set to null', () => {
    const patch = preferencesPatchSchema.parse({ preferences: { autoplay: false, language: null } })
    expect(mergePreferences({ language: 'hi', textSize: 'small' }, patch.preferences)).toEqual({ textSize: 'small', autoplay: false })
  })

  it('should name the nested field of a bad patch', () => {
    const result = preferencesPatchSchema.safeParse({ preferences: { textSize: 'huge' } })
    expect(result.success).toBe(false)
    if (!result.success) expect(fieldIssues(result.error)[0]!.field).toBe('preferences.textSize')
  })
})
