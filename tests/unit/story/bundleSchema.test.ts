import { describe, expect, it } from 'vitest'

import { compileBundle } from '@/domain/story/bundle'
import { storyBundleSchema } from '@/domain/story/bundleSchema'
import { seedToGraph } from '@/domain/story/seedFormat'
import { LOCALE_CODES } from '@/locales'

import { SEEDS } from './seeds'

describe('storyBundleSchema', () => {
  const cases = SEEDS.flatMap(({ seed }) => LOCALE_CODES.map((locale) => [seed.slug, locale, seed] as const))

  it.each(cases)('should describe every field of the %s bundle in %s exactly', (_slug, locale, seed) => {
    const bundle = compileBundle(seedToGraph(seed), locale)
    // z.object drops keys it does not know: equality means the schema names every field.
    expect(storyBundleSchema.parse(bundle)).toEqual(bundle)
  })

  it('should carry formatVersion 1 in every bundle', () => {
    expect(compileBundle(seedToGraph(SEEDS[0]!.seed), 'hi')).toMatchObject({ formatVersion: 1, format: 1 })
  })

  it('should refuse a bundle of another format version', () => {
    const bundle = compileBundle(seedToGraph(SEEDS[0]!.seed), 'hi')
    expect(storyBundleSchema.safeParse({ ...bundle, formatVersion: 2 }).success).toBe(false)
  })

  it('should accept fields added later within the format version', () => {
    const bundle = compileBundle(seedToGraph(SEEDS[0]!.seed), 'hi')
    expect(storyBundleSchema.safeParse({ ...bundle, addedLater: true }).success).toBe(true)
  })
})
