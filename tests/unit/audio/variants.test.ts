import { describe, expect, it } from 'vitest'

import { contentKey } from '@/domain/audio/contentKey'
import { compileLexicon, type LexiconEntry } from '@/domain/audio/lexicon'
import { currentAudio, describeLinesToVoice, parseLocales, planAudio, variantFor, variantName, type PlanInput } from '@/domain/audio/variants'
import { LOCALE_CODES } from '@/locales'

const identity = { provider: 'local', model: 'espeak-ng:binary', settings: {} }

describe('variantFor', () => {
  it.each([
    ['no text at all', undefined],
    ['null text', null],
    ['empty text', ''],
  ])('should give no variant for %s (untranslated nodes are reported, not voiced)', (_, text) => {
    expect(variantFor({ node: 'n1', locale: 'hi', text, speaker: 'meera' }, identity)).toBeNull()
  })

  it('should key the variant on text, locale, speaker, provider, model and measured code-mix', () => {
    const v = variantFor({ node: 'n1', locale: 'hi-mixed', text: 'Mera phone kho gaya', speaker: ' Meera ' }, identity)!
    expect(v).toMatchObject({ node: 'n1', locale: 'hi-mixed', speaker: 'meera', chars: 19 })
    expect(v.codeMixRatio).toBeGreaterThan(0)
    expect(v.contentKey).toBe(
      contentKey({ text: 'Mera phone kho gaya', locale: 'hi-mixed', speaker: 'meera', model: 'espeak-ng:binary', provider: 'local', settings: {}, codeMixRatio: v.codeMixRatio }),
    )
  })

  it.each([
    ['text', { text: 'एक दिन।' }],
    ['speaker', { speaker: 'arvind' }],
    ['locale', { locale: 'mr' }],
  ])('should change the content key when the %s changes', (_, change) => {
    const base = { node: 'n1', locale: 'hi', text: 'एक समय की बात है', speaker: 'meera' }
    expect(variantFor({ ...base, ...change }, identity)!.contentKey).not.toBe(variantFor(base, identity)!.contentKey)
  })

  it('should change the content key when the model changes', () => {
    const base = { node: 'n1', locale: 'hi', text: 'एक समय की बात है', speaker: 'meera' }
    expect(variantFor(base, { ...identity, model: 'bulbul:v3', provider: 'sarvam' })!.contentKey).not.toBe(variantFor(base, identity)!.contentKey)
  })

  it('should count characters as code points of the trimmed text', () => {
    expect(variantFor({ node: 'n', locale: 'hi', text: '  नमस्ते  ', speaker: 'meera' }, identity)!.chars).toBe(6)
  })
})

function input(over: Partial<PlanInput> = {}): PlanInput {
  return {
    nodes: [
      { id: 'a', speaker: 'meera', texts: { en: 'Once upon a time', hi: 'एक समय की बात है' } },
      { id: 'b', speaker: 'arvind', texts: { en: 'The crow drinks.', hi: null } },
    ],
    locales: ['en', 'hi'],
    identity,
    rows: [],
    jobs: [],
    ...over,
  }
}

const keyOf = (node: string, locale: 'en' | 'hi') => {
  const n = input().nodes.find((x) => x.id === node)!
  return variantFor({ node, locale, text: n.texts[locale], speaker: n.speaker }, identity)!.contentKey
}

describe('planAudio', () => {
  it('should count missing and untranslated nodes per locale with the characters to voice', () => {
    const plan = planAudio(input())
    expect(plan.locales).toEqual([
      expect.objectContaining({ locale: 'en', nodes: 2, missing: 2, noText: 0, done: 0, charsToVoice: 16 + 16 }),
      expect.objectContaining({ locale: 'hi', nodes: 2, missing: 1, noText: 1, done: 0, charsToVoice: 16 }),
    ])
  })

  it('should mark a variant done only when its row has the current content key', () => {
    const rows = [
      { node: 'a', languageCode: 'en', speakerId: 'meera', contentKey: keyOf('a', 'en') },
      { node: 'a', languageCode: 'hi', speakerId: 'meera', contentKey: 'old-key' },
    ]
    const plan = planAudio(input({ rows }))
    expect(plan.items.find((i) => i.node === 'a' && i.locale === 'en')).toMatchObject({ state: 'done', outdated: false, needsSynthesis: false })
    expect(plan.items.find((i) => i.node === 'a' && i.locale === 'hi')).toMatchObject({ state: 'missing', outdated: true, needsSynthesis: true })
    expect(plan.locales[1]).toMatchObject({ missing: 1, outdated: 1 })
  })

  it('should not count a row of another speaker as done', () => {
    const rows = [{ node: 'a', languageCode: 'en', speakerId: 'arvind', contentKey: keyOf('a', 'en') }]
    expect(planAudio(input({ rows })).items[0]).toMatchObject({ node: 'a', locale: 'en', state: 'missing' })
  })

  it('should take the state of the latest job, a pending one first', () => {
    const jobs = [
      { node: 'a', locale: 'en', state: 'failed' as const, error: 'EMPTY_TEXT: …', createdAt: '2026-01-01T00:00:00Z' },
      { node: 'b', locale: 'en', state: 'failed' as const, error: 'old', createdAt: '2026-01-01T00:00:00Z' },
      { node: 'b', locale: 'en', state: 'queued' as const, createdAt: '2026-01-02T00:00:00Z' },
    ]
    const plan = planAudio(input({ jobs, locales: ['en'] }))
    expect(plan.items.map((i) => [i.node, i.state])).toEqual([
      ['a', 'failed'],
      ['b', 'queued'],
    ])
    expect(plan.locales[0]!.errors).toEqual([{ node: 'a', message: 'EMPTY_TEXT: …' }])
  })

  it('should not bill characters whose audio exists elsewhere, nor the same line twice', () => {
    const twins = input({ nodes: [
      { id: 'a', speaker: 'meera', texts: { en: 'Again!' } },
      { id: 'b', speaker: 'meera', texts: { en: 'Again!' } },
      { id: 'c', speaker: 'meera', texts: { en: 'Known line' } },
    ], locales: ['en'] })
    const known = variantFor({ node: 'c', locale: 'en', text: 'Known line', speaker: 'meera' }, identity)!.contentKey
    const plan = planAudio({ ...twins, knownKeys: new Set([known]) })
    expect(plan.locales[0]).toMatchObject({ missing: 3, charsToVoice: 6 })
  })
})

describe('lexicon in variants', () => {
  const lexicon: LexiconEntry[] = [{ term: 'चिंटू', locale: 'hi', spoken: 'चिन्टू' }]
  const nodes = [
    { id: 'a', speaker: 'meera', texts: { hi: 'चिंटू ने पानी पिया।', en: 'Chintu drank.' } },
    { id: 'b', speaker: 'meera', texts: { hi: 'कौआ उड़ गया।', en: 'The crow flew.' } },
  ]

  it('should speak the lexicon form and key only the lines that contain the term on it', () => {
    const withLex = compileLexicon(lexicon, 'hi')
    const a = variantFor({ node: 'a', locale: 'hi', text: nodes[0]!.texts.hi, speaker: 'meera' }, identity, withLex)!
    expect(a.spokenText).toBe('चिन्टू ने पानी पिया।')
    expect(a.text).toBe('चिंटू ने पानी पिया।')
    expect(a.contentKey).not.toBe(variantFor({ node: 'a', locale: 'hi', text: nodes[0]!.texts.hi, speaker: 'meera' }, identity)!.contentKey)
    const b = variantFor({ node: 'b', locale: 'hi', text: nodes[1]!.texts.hi, speaker: 'meera' }, identity, withLex)!
    expect(b.contentKey).toBe(variantFor({ node: 'b', locale: 'hi', text: nodes[1]!.texts.hi, speaker: 'meera' }, identity)!.contentKey)
  })

  it('should plan exactly the lines a new entry touches as missing', () => {
    const before = planAudio({ nodes, locales: ['hi', 'en'], identity, rows: [], jobs: [] })
    const rows = before.items.map((i) => ({ node: i.node, languageCode: i.locale, speakerId: i.speaker, contentKey: i.contentKey }))
    const after = planAudio({ nodes, locales: ['hi', 'en'], identity, rows, jobs: [], lexicon })
    expect(after.items.filter((i) => i.state !== 'done').map((i) => `${i.node}:${i.locale}`)).toEqual(['a:hi'])
  })
})

describe('describeLinesToVoice', () => {
  it('should list exactly the lines a lexicon entry touches, with the entry', () => {
    const nodes = [
      { id: 'a', speaker: 'meera', texts: { en: 'The crow was thirsty and looked everywhere for a little water to drink.' } },
      { id: 'b', speaker: 'meera', texts: { en: 'Once upon a time.' } },
    ]
    const done = planAudio({ nodes, locales: ['en'], identity, rows: [], jobs: [] })
    const rows = done.items.map((i) => ({ node: i.node, languageCode: i.locale, speakerId: i.speaker, contentKey: i.contentKey }))
    const plan = planAudio({ nodes, locales: ['en'], identity, rows, jobs: [], lexicon: [{ term: 'crow', locale: null, spoken: 'kroh' }] })
    expect(describeLinesToVoice(plan.items, 20)).toEqual(['en\ta\tmissing (outdated)\t"The crow was thirst…"  lexicon: crow → kroh'])
  })
})

describe('currentAudio', () => {
  const nodes = [
    { id: 'a', speaker: 'meera', texts: { hi: 'नई बात।', en: 'New words.' } },
    { id: 'b', speaker: 'arvind', texts: { hi: 'वही बात।' } },
  ]
  const key = (node: string, locale: string, text: string, speaker: string) => variantFor({ node, locale, text, speaker }, identity)!.contentKey

  it('should keep only rows made from the current text, speaker and lexicon', () => {
    const rows = [
      { id: 1, node: 'a', languageCode: 'hi', speakerId: 'meera', contentKey: key('a', 'hi', 'पुरानी बात।', 'meera') }, // old text
      { id: 2, node: 'a', languageCode: 'en', speakerId: 'meera', contentKey: key('a', 'en', 'New words.', 'meera') }, // current
      { id: 3, node: 'b', languageCode: 'hi', speakerId: 'meera', contentKey: key('b', 'hi', 'वही बात।', 'meera') }, // old speaker
      { id: 4, node: 'b', languageCode: 'hi', speakerId: 'arvind', contentKey: key('b', 'hi', 'वही बात।', 'arvind') }, // current
      { id: 5, node: 'b', languageCode: 'en', speakerId: 'arvind', contentKey: key('b', 'en', 'Same.', 'arvind') }, // text removed
    ]
    const out = currentAudio({ nodes, rows, identity })
    expect(out.get('a')).toEqual({ en: rows[1] })
    expect(out.get('b')).toEqual({ hi: rows[3] })
    const withLexicon = currentAudio({ nodes, rows, identity, lexicon: [{ term: 'बात', locale: null, spoken: 'बा त' }] })
    expect(withLexicon.get('b')).toBeUndefined()
    expect(withLexicon.get('a')).toEqual({ en: rows[1] })
  })

  it('should key a spoken choice’s audio by the choice, never mixing it with its node’s own line', () => {
    const choices = [{ id: 'c1', node: 'a', speaker: 'meera', texts: { en: 'New words.' } }]
    // The option says the same words as node a: same content key, but its row names the choice.
    const same = key('a', 'en', 'New words.', 'meera')
    const rows = [
      { id: 1, node: 'a', choice: null, languageCode: 'en', speakerId: 'meera', contentKey: same },
      { id: 2, node: 'a', choice: 'c1', languageCode: 'en', speakerId: 'meera', contentKey: same },
    ]
    const out = currentAudio({ nodes, choices, rows, identity })
    expect(out.get('a')).toEqual({ en: rows[0] })
    expect(out.get('c1')).toEqual({ en: rows[1] })
    // Without its own row the option has no audio (the node's is not borrowed), and vice versa.
    expect(currentAudio({ nodes, choices, rows: [rows[0]!], identity }).get('c1')).toBeUndefined()
    expect(currentAudio({ nodes, choices, rows: [rows[1]!], identity }).get('a')).toBeUndefined()
  })
})

describe('planAudio with spoken choices', () => {
  it('should plan every option of a choice node after the nodes, in its node’s voice, as its own variant', () => {
    const plan = planAudio({
      nodes: [{ id: 'n1', speaker: 'meera', texts: { en: 'What now?', hi: 'अब क्या?' } }],
      choices: [
        { id: 'cA', node: 'n1', speaker: 'meera', texts: { en: 'Fly away', hi: 'उड़ जाओ' } },
        { id: 'cB', node: 'n1', speaker: 'meera', texts: { en: 'Stay' } },
      ],
      locales: ['en', 'hi'],
      identity,
      rows: [{ node: 'n1', choice: 'cA', languageCode: 'en', speakerId: 'meera', contentKey: variantFor({ node: 'n1', choice: 'cA', locale: 'en', text: 'Fly away', speaker: 'meera' }, identity)!.contentKey }],
      jobs: [{ node: 'n1', choice: 'cB', locale: 'en', state: 'queued', createdAt: '2026-01-01T00:00:00Z' }],
    })
    expect(plan.items.map((i) => `${i.locale} ${i.choice ?? i.node} ${i.state}`)).toEqual(['en n1 missing', 'en cA done', 'en cB queued', 'hi n1 missing', 'hi cA missing'])
    expect(plan.locales.find((l) => l.locale === 'hi')).toMatchObject({ nodes: 1, noText: 1 })
    expect(variantName(plan.items[1]!)).not.toBe(variantName(plan.items[0]!))
  })
})

describe('parseLocales', () => {
  it('should default to every locale', () => {
    expect(parseLocales(undefined, LOCALE_CODES)).toEqual(LOCALE_CODES)
    expect(parseLocales('', LOCALE_CODES)).toEqual(LOCALE_CODES)
  })

  it('should read a comma-separated list or an array, without duplicates', () => {
    expect(parseLocales('hi, ta,hi', LOCALE_CODES)).toEqual(['hi', 'ta'])
    expect(parseLocales(['hi-mixed'], LOCALE_CODES)).toEqual(['hi-mixed'])
  })

  it('should name unknown locales and the valid ones', () => {
    expect(() => parseLocales('hi,xx,yy', LOCALE_CODES)).toThrow(/Unknown locales xx, yy; valid: en, hi/)
  })
})

describe('a line voice (a rejected line regenerated alone)', () => {
  const base = { node: 'a', locale: 'hi', text: 'एक समय की बात है', speaker: 'meera' }

  it('should give every take its own content key, even with the same speaker and pace', () => {
    const cast = variantFor(base, identity)!
    const take1 = variantFor({ ...base, voice: { speaker: null, pace: null, take: 1 } }, identity)!
    const take2 = variantFor({ ...base, voice: { speaker: null, pace: null, take: 2 } }, identity)!
    expect(take1.speaker).toBe('meera')
    expect(new Set([cast.contentKey, take1.contentKey, take2.contentKey]).size).toBe(3)
  })

  it('should voice the line by the chosen speaker at the chosen pace', () => {
    const v = variantFor({ ...base, voice: { speaker: 'Arvind', pace: 0.8, take: 1 } }, identity)!
    expect(v).toMatchObject({ speaker: 'arvind', pace: 0.8 })
    expect(v.contentKey).not.toBe(variantFor({ ...base, voice: { speaker: 'arvind', pace: 0.9, take: 1 } }, identity)!.contentKey)
  })

  it('should plan and bundle the line by its row’s voice, and only that line', () => {
    const voice = { speaker: 'arvind', pace: 0.8, take: 1 }
    const retake = variantFor({ ...base, voice }, identity)!
    const enB = variantFor({ node: 'b', locale: 'en', text: 'The crow drinks.', speaker: 'arvind' }, identity)!
    const rows = [
      { node: 'a', languageCode: 'hi', speakerId: 'arvind', contentKey: retake.contentKey, lineVoice: voice },
      { node: 'b', languageCode: 'en', speakerId: 'arvind', contentKey: enB.contentKey },
    ]
    const plan = planAudio(input({ rows }))
    expect(plan.items.find((i) => i.node === 'a' && i.locale === 'hi')).toMatchObject({ state: 'done', speaker: 'arvind', pace: 0.8 })
    expect(plan.items.find((i) => i.node === 'b' && i.locale === 'en')).toMatchObject({ state: 'done', voice: null })
    expect(plan.items.find((i) => i.node === 'a' && i.locale === 'en')).toMatchObject({ state: 'missing', speaker: 'meera', voice: null })
    expect(currentAudio({ nodes: input().nodes, rows, identity }).get('a')?.hi).toBe(rows[0])
    // Its text changes: the row no longer matches, and the line is planned again in its own voice.
    const edited = input({ rows, nodes: [{ id: 'a', speaker: 'meera', texts: { hi: 'एक दिन।' } }] })
    expect(planAudio(edited).items[0]).toMatchObject({ state: 'missing', outdated: true, speaker: 'arvind', pace: 0.8 })
    expect(currentAudio({ nodes: edited.nodes, rows, identity }).get('a')).toBeUndefined()
  })
})

describe('review counts in the plan', () => {
  it('should count the review states of each locale’s current audio only', () => {
    const key = (node: string, locale: string, text: string, speaker: string) => variantFor({ node, locale, text, speaker }, identity)!.contentKey
    const rows = [
      { node: 'a', languageCode: 'en', speakerId: 'meera', contentKey: key('a', 'en', 'Once upon a time', 'meera'), reviewStatus: 'approved' },
      { node: 'b', languageCode: 'en', speakerId: 'arvind', contentKey: key('b', 'en', 'The crow drinks.', 'arvind'), reviewStatus: 'rejected' },
      { node: 'a', languageCode: 'hi', speakerId: 'meera', contentKey: key('a', 'hi', 'एक समय की बात है', 'meera') },
      // Outdated audio (made from older text) is not counted: it is not what a listener hears.
      { node: 'b', languageCode: 'hi', speakerId: 'arvind', contentKey: 'old', reviewStatus: 'approved' },
    ]
    const { locales } = planAudio(input({ rows }))
    expect(locales.map((l) => [l.locale, l.review])).toEqual([
      ['en', { pending: 0, approved: 1, rejected: 1 }],
      ['hi', { pending: 1, approved: 0, rejected: 0 }],
    ])
  })
})
