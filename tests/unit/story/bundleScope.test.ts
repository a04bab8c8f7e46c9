import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { compileBundle } from '@/domain/story/bundle'
import { localesAffected, localesReading, mergeChanges, type BundleChange } from '@/domain/story/bundleScope'
import type { StoryGraph } from '@/domain/story/graph'
import { localeReport, unitRow } from '@/domain/translation/status'
import { translationUnits } from '@/domain/translation/units'
import { LOCALE_CODES, type LocaleCode } from '@/locales'

import { randomStoryGraph } from './builders'

describe('localesReading', () => {
  it.each([
    ['en', 'en', LOCALE_CODES],
    ['hi', 'en', ['hi', 'hi-mixed']],
    ['hi-mixed', 'en', ['hi-mixed']],
    ['ta', 'en', ['ta']],
    // A Hindi-source story: every translation reads Hindi; English is still everyone's last fallback.
    ['hi', 'hi', LOCALE_CODES],
    ['en', 'hi', LOCALE_CODES],
  ] as [LocaleCode, LocaleCode, LocaleCode[]][])('should say text of %s (story source %s) is read by %j', (locale, source, readers) => {
    expect(localesReading(locale, source)).toEqual(readers)
  })
})

describe('localesAffected', () => {
  it('should be every locale for a structural change and none for a change no bundle reads', () => {
    expect(localesAffected({ kind: 'structure' }, 'en')).toEqual(LOCALE_CODES)
    expect(localesAffected({ kind: 'none' }, 'en')).toEqual([])
    expect(localesAffected({ kind: 'text', locale: 'bn' }, 'en')).toEqual(['bn'])
  })
})

/** What a locale's recompile writes: the bundle version and the translation progress. */
function compiled(graph: StoryGraph, locale: LocaleCode) {
  const rows = translationUnits(graph).map((unit) => unitRow(unit, locale, graph.sourceLocale ?? 'en', null))
  return { version: compileBundle(graph, locale).version, progress: localeReport(rows, locale) }
}

const someLocale = fc.constantFrom(...LOCALE_CODES)

describe('a text edit in one locale', () => {
  it('should leave the bundle and progress of every locale outside localesAffected exactly as they were', () => {
    fc.assert(
      fc.property(
        randomStoryGraph,
        fc.array(fc.tuple(someLocale, fc.nat()), { maxLength: 20 }),
        someLocale,
        fc.nat(),
        fc.constantFrom<LocaleCode>('en', 'hi'),
        fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: null }),
        (base, translations, edited, which, source, newText) => {
          // Some texts in other locales first, so fallbacks and sources vary.
          const graph: StoryGraph = { ...base, sourceLocale: source, nodes: base.nodes.map((n) => ({ ...n, text: { ...n.text } })) }
          for (const [locale, i] of translations) {
            const node = graph.nodes[i % graph.nodes.length]!
            node.text[locale] = `${locale} ${i}`
          }
          const before = Object.fromEntries(LOCALE_CODES.map((l) => [l, compiled(graph, l)]))
          const target = graph.nodes[which % graph.nodes.length]!
          const after: StoryGraph = {
            ...graph,
            nodes: graph.nodes.map((n) => (n.id === target.id ? { ...n, text: { ...n.text, [edited]: newText ?? undefined } } : n)),
          }
          const affected = localesAffected({ kind: 'text', locale: edited }, source)
          for (const locale of LOCALE_CODES) {
            if (affected.includes(locale)) continue
            expect(compiled(after, locale)).toEqual(before[locale])
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('mergeChanges', () => {
  const change = fc.oneof(
    fc.constant<BundleChange>({ kind: 'none' }),
    fc.constant<BundleChange>({ kind: 'structure' }),
    fc.constantFrom(...LOCALE_CODES).map((locale): BundleChange => ({ kind: 'text', locale })),
  )

  it('should cover every locale either change affects', () => {
    fc.assert(
      fc.property(change, change, fc.constantFrom<LocaleCode>('en', 'hi'), (a, b, source) => {
        const merged = new Set(localesAffected(mergeChanges(a, b), source))
        for (const locale of [...localesAffected(a, source), ...localesAffected(b, source)]) expect(merged.has(locale)).toBe(true)
      }),
    )
  })

  it('should keep one text edit a text edit and widen two locales to every locale', () => {
    expect(mergeChanges({ kind: 'text', locale: 'ta' }, { kind: 'text', locale: 'ta' })).toEqual({ kind: 'text', locale: 'ta' })
    expect(mergeChanges({ kind: 'none' }, { kind: 'text', locale: 'ta' })).toEqual({ kind: 'text', locale: 'ta' })
    expect(mergeChanges({ kind: 'text', locale: 'ta' }, { kind: 'text', locale: 'hi' })).toEqual({ kind: 'structure' })
    expect(mergeChanges({ kind: 'none' }, { kind: 'none' })).toEqual({ kind: 'none' })
  })
})
