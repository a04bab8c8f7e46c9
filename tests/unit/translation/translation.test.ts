import { describe, expect, it } from 'vitest'

import type { LocaleCode } from '@/locales'
import { textHash } from '@/domain/translation/hash'
import { describeBlockers, localeReport, PUBLICATION_STATES, publicationMoveRefusal, publishBlockers, statusAfterSave, type UnitState, unitRow } from '@/domain/translation/status'
import { planImport } from '@/domain/translation/importPlan'
import { translationRequest } from '@/translation/machine'
import { bcp47Tag, localeOfTag } from '@/domain/translation/tags'
import { parseUnitId, sourceLocaleOf, translationUnits, unitId } from '@/domain/translation/units'

import { buildGraph } from '../story/builders'

const UUID = '0b6f4a52-9d0e-4d55-8a4c-1f2e3d4c5b6a'

describe('BCP 47 tags', () => {
  it.each([
    ['en', 'en'],
    ['hi', 'hi'],
    ['ta', 'ta'],
    ['od', 'or'],
    ['hi-mixed', 'hi-Latn'],
  ] as const)('should tag %s as %s', (locale, tag) => {
    expect(bcp47Tag(locale)).toBe(tag)
    expect(localeOfTag(tag.toUpperCase(), ['en', 'hi', 'ta', 'od', 'hi-mixed'])).toBe(locale)
  })

  it('should not know a tag of no locale', () => {
    expect(localeOfTag('fr', ['en', 'hi'])).toBeNull()
  })
})

describe('unit ids', () => {
  it.each([
    [`node/${UUID}/text_content`, { collection: 'story-nodes', docId: UUID, field: 'textContent' }],
    [`choice/${UUID}/text_content`, { collection: 'story-choices', docId: UUID, field: 'textContent' }],
    [`story/${UUID}/moral`, { collection: 'stories', docId: UUID, field: 'moral' }],
    [`character/${UUID}/name`, { collection: 'characters', docId: UUID, field: 'name' }],
    [`node/${UUID}/title`, null],
    [`story/${UUID}/text_content`, null],
    ['node/not-a-uuid/text_content', null],
    [`user/${UUID}/name`, null],
  ])('should parse %s', (id, expected) => {
    expect(parseUnitId(id)).toEqual(expected)
    if (expected) expect(unitId(expected.collection as never, expected.docId, expected.field as never)).toBe(id)
  })
})

describe('source locale', () => {
  it.each([
    ['hi', 'en', 'en'],
    ['ta', 'en', 'en'],
    ['hi-mixed', 'en', 'hi'],
    ['en', 'en', null],
    ['en', 'hi', 'hi'],
    ['hi', 'hi', null],
    ['hi-mixed', 'hi', 'hi'],
  ] as const)('should translate %s (story source %s) from %s', (locale, story, expected) => {
    expect(sourceLocaleOf(locale, story)).toBe(expected)
  })
})

describe('reading order', () => {
  // start -> ask (choice A -> a1 -> a2 end, B -> b1 end); orphan is unreachable; display order differs from reading order.
  const graph = buildGraph(
    [
      { id: 'orphan', type: 'narration' },
      { id: 'b1', type: 'end' },
      { id: 'start', type: 'narration', isStart: true },
      { id: 'ask', type: 'choice' },
      { id: 'a2', type: 'end' },
      { id: 'a1', type: 'dialogue' },
    ],
    [
      { node: 'start', key: 'A', next: 'ask', isDefault: true },
      { node: 'ask', key: 'B', next: 'b1' },
      { node: 'ask', key: 'A', next: 'a1', isDefault: true },
      { node: 'a1', key: 'A', next: 'a2', isDefault: true },
    ],
  )

  it('should list story texts, names, then nodes depth first from the start with their choices', () => {
    const units = translationUnits(graph)
    expect(units.map((u) => u.id)).toEqual([
      'story/s1/title',
      'story/s1/description',
      'story/s1/moral',
      'character/narrator/name',
      'node/start/text_content',
      'choice/start:A/text_content',
      'node/ask/text_content',
      'choice/ask:A/text_content',
      'choice/ask:B/text_content',
      'node/a1/text_content',
      'choice/a1:A/text_content',
      'node/a2/text_content',
      'node/b1/text_content',
      'node/orphan/text_content',
    ])
  })

  it('should give each line its kind, speaker and the line heard before it', () => {
    const byId = new Map(translationUnits(graph).map((u) => [u.id, u]))
    expect(byId.get('node/a1/text_content')).toMatchObject({ kind: 'dialogue', speakerId: 'narrator', previousUnitId: 'node/ask/text_content' })
    expect(byId.get('node/b1/text_content')).toMatchObject({ kind: 'ending', previousUnitId: 'node/ask/text_content' })
    expect(byId.get('node/ask/text_content')).toMatchObject({ kind: 'choice-prompt', previousUnitId: 'node/start/text_content' })
    expect(byId.get('choice/ask:B/text_content')).toMatchObject({ kind: 'choice-option', choiceKey: 'B', previousUnitId: 'node/ask/text_content' })
    expect(byId.get('node/orphan/text_content')).toMatchObject({ kind: 'narration', previousUnitId: null })
    expect(byId.get('story/s1/moral')).toMatchObject({ kind: 'moral', speakerId: null })
  })
})

describe('status of a unit', () => {
  const node = (text: Partial<Record<LocaleCode, string>>) =>
    translationUnits(buildGraph([{ id: 'n', type: 'end', text }])).find((u) => u.id === 'node/n/text_content')!
  const state = (over: Partial<UnitState> = {}): UnitState => ({
    unitId: 'node/n/text_content',
    locale: 'hi',
    status: 'translated',
    sourceHash: textHash('Hello'),
    sourceText: 'Hello',
    ...over,
  })

  it.each([
    ['missing without own text', { en: 'Hello' }, 'hi', null, { status: 'missing', stale: false, required: true }],
    ['translated with a matching source hash', { en: 'Hello', hi: 'नमस्ते' }, 'hi', state(), { status: 'translated', stale: false }],
    ['stale when the source changed', { en: 'Hello there', hi: 'नमस्ते' }, 'hi', state(), { status: 'translated', stale: true, previousSource: 'Hello', source: 'Hello there' }],
    ['approved and stale', { en: 'Hi', hi: 'नमस्ते' }, 'hi', state({ status: 'approved' }), { status: 'approved', stale: true }],
    ['machine', { en: 'Hello', hi: 'नमस्ते' }, 'hi', state({ status: 'machine' }), { status: 'machine', stale: false }],
    ['translated without any state (not stale: nothing to compare)', { en: 'Hello', hi: 'नमस्ते' }, 'hi', null, { status: 'translated', stale: false }],
    ['source in the source locale', { en: 'Hello' }, 'en', null, { status: 'source', required: false }],
    ['stale in hi-mixed when the Hindi changed', { en: 'Hello', hi: 'नमस्ते जी', 'hi-mixed': 'Namaste' }, 'hi-mixed', state({ locale: 'hi-mixed', sourceHash: textHash('नमस्ते') }), { status: 'translated', stale: true, source: 'नमस्ते जी' }],
    ['hi-mixed from English when Hindi is missing', { en: 'Hello' }, 'hi-mixed', null, { status: 'missing', source: 'Hello' }],
  ] as const)('should be %s', (_name, text, locale, st, expected) => {
    expect(unitRow(node(text), locale, 'en', st)).toMatchObject(expected)
  })

  it('should not require a unit whose source is empty', () => {
    const moral = translationUnits(buildGraph([{ id: 'n', type: 'end' }])).find((u) => u.kind === 'moral')!
    expect(unitRow({ ...moral, text: {} }, 'ta', 'en', null)).toMatchObject({ status: 'missing', required: false })
  })
})

describe('locale report and publishing', () => {
  const graph = buildGraph(
    [
      { id: 'a', type: 'narration', text: { en: 'One', ta: 'ஒன்று' } },
      { id: 'b', type: 'end', text: { en: 'Two', ta: 'இரண்டு' } },
    ],
  )
  graph.title = { en: 'T', ta: 'த' }
  graph.description = { en: 'D', ta: 'வி' }
  graph.moral = {}
  graph.characters[0]!.name = { en: 'Dadi', ta: 'பாட்டி' }
  const units = translationUnits(graph)
  const rows = (states: Record<string, Partial<UnitState>>) =>
    units.map((u) => {
      const s = states[u.id]
      return unitRow(u, 'ta', 'en', s ? ({ unitId: u.id, locale: 'ta', status: 'translated', sourceHash: null, sourceText: null, ...s } as UnitState) : null)
    })

  it('should count required units only (an empty moral is not one)', () => {
    expect(localeReport(rows({}), 'ta')).toMatchObject({ total: 5, missing: [], translated: 5, approved: 0, nodes: 2 })
  })

  it.each([
    ['nothing when everything is approved', { all: 'approved' }, true, 'none', []],
    ['unapproved units when approval is required', {}, true, 'none', ['unapproved']],
    ['nothing unapproved when approval is not required', {}, false, 'none', []],
    ['machine drafts even without approval', { 'node/a/text_content': 'machine' }, false, 'none', ['machine']],
    ['a stale unit', { all: 'approved', 'node/b/text_content': 'stale' }, true, 'none', ['stale']],
    ['nodes without audio when audio is required', { all: 'approved' }, true, 'generated', ['audio']],
  ] as const)('should block on %s', (_name, spec, requireApproval, audioRule, reasons) => {
    const states: Record<string, Partial<UnitState>> = {}
    for (const u of units) {
      const s = (spec as Record<string, string>)[u.id] ?? (spec as Record<string, string>).all
      if (s === 'stale') states[u.id] = { status: 'approved', sourceHash: textHash('Old'), sourceText: 'Old' }
      else if (s) states[u.id] = { status: s as UnitState['status'], sourceHash: textHash(u.text.en ?? '') }
    }
    const report = localeReport(rows(states), 'ta', () => 'none', audioRule)
    expect(publishBlockers(report, { requireApproval }).map((b) => b.reason)).toEqual(reasons)
  })

  it('should block a missing unit and name it', () => {
    const partial = units.map((u) => unitRow(u.id === 'node/b/text_content' ? { ...u, text: { en: 'Two' } } : u, 'ta', 'en', null))
    const blockers = publishBlockers(localeReport(partial, 'ta'), { requireApproval: false })
    expect(blockers).toEqual([{ reason: 'missing', units: ['node/b/text_content'] }])
    expect(describeBlockers('ta', blockers)).toContain('node/b/text_content')
  })

  it('should accept audio that is generated, and only approved audio under the approved rule', () => {
    const approvedRows = rows(Object.fromEntries(units.map((u) => [u.id, { status: 'approved' as const }])))
    expect(localeReport(approvedRows, 'ta', () => 'generated', 'generated').audioMissing).toEqual([])
    expect(localeReport(approvedRows, 'ta', () => 'generated', 'approved').audioMissing).toEqual(['node/a/text_content', 'node/b/text_content'])
    expect(localeReport(approvedRows, 'ta', () => 'approved', 'approved').audioMissing).toEqual([])
  })
})

describe('status after a save', () => {
  it('should keep the status of an unchanged save, an approved text stays approved', () => {
    expect(statusAfterSave('approved', true, false)).toBeNull()
    expect(statusAfterSave('translated', true, false)).toBeNull()
  })

  it("should make a changed text, a stale one or a checked machine draft translated, and a machine save machine", () => {
    expect(statusAfterSave('approved', false, false)).toBe('translated')
    expect(statusAfterSave('machine', true, false)).toBe('translated')
    expect(statusAfterSave('missing', true, false)).toBe('translated')
    expect(statusAfterSave(null, false, false)).toBe('translated')
    expect(statusAfterSave('approved', true, true)).toBe('machine')
  })
})

describe('who may move a locale between publication states', () => {
  it('should let an editor make every move', () => {
    for (const from of PUBLICATION_STATES) for (const to of PUBLICATION_STATES) expect(publicationMoveRefusal(from, to, { publishes: true })).toBeNull()
  })

  it('should let a translator only send a locale that is not live for review', () => {
    const allowed = PUBLICATION_STATES.flatMap((from) => PUBLICATION_STATES.map((to) => [from, to] as const)).filter(([from, to]) => publicationMoveRefusal(from, to, { publishes: false }) === null)
    expect(allowed).toEqual([
      ['draft', 'in_review'],
      ['in_review', 'in_review'],
    ])
    expect(publicationMoveRefusal('published', 'in_review', { publishes: false })).toContain('only an editor')
  })
})

describe('import plan', () => {
  const graph = buildGraph([
    { id: 'a', type: 'narration', text: { en: 'One', ta: 'ஒன்று' } },
    { id: 'b', type: 'end', text: { en: 'Two' } },
  ])
  const rows = translationUnits(graph).map((u) => unitRow(u, 'ta', 'en', null))

  it.each([
    ['written', { id: 'node/b/text_content', source: 'Two', target: 'இரண்டு' }, 'write'],
    ['a conflict when the source changed since the export', { id: 'node/b/text_content', source: 'Three', target: 'மூன்று' }, 'conflicts'],
    ['a conflict when the file has no source', { id: 'node/b/text_content', source: null, target: 'இரண்டு' }, 'conflicts'],
    ['unknown', { id: 'node/zzz/text_content', source: 'Two', target: 'x' }, 'unknown'],
    ['empty (never deletes)', { id: 'node/a/text_content', source: 'One', target: '  ' }, 'empty'],
    ['unchanged', { id: 'node/a/text_content', source: ' One\r\n', target: 'ஒன்று' }, 'unchanged'],
  ] as const)('should plan a unit as %s', (_name, entry, bucket) => {
    const plan = planImport(rows, [entry])
    const sizes = { write: plan.write.length, conflicts: plan.conflicts.length, unknown: plan.unknown.length, empty: plan.empty.length, unchanged: plan.unchanged.length }
    expect(sizes).toEqual({ write: 0, conflicts: 0, unknown: 0, empty: 0, unchanged: 0, [bucket]: 1 })
  })

  it('should report a unit listed twice', () => {
    const entry = { id: 'node/b/text_content', source: 'Two', target: 'இரண்டு' }
    expect(planImport(rows, [entry, entry]).duplicates).toEqual(['node/b/text_content'])
  })
})

describe('machine translation request', () => {
  it.each([
    ['ta', 'en', { source_language_code: 'en-IN', target_language_code: 'ta-IN', model: 'mayura:v1', mode: 'modern-colloquial' }],
    ['od', 'en', { target_language_code: 'od-IN', mode: 'modern-colloquial' }],
    ['hi-mixed', 'hi', { source_language_code: 'hi-IN', target_language_code: 'hi-IN', mode: 'code-mixed', output_script: 'roman' }],
  ] as const)('should ask Mayura for %s from %s in a kid-friendly colloquial style', (to, from, expected) => {
    const request = translationRequest('Hello', from, to)
    expect(request).toMatchObject({ input: 'Hello', ...expected })
    if (to !== 'hi-mixed') expect(request.output_script).toBeUndefined()
  })
})

describe('audio required to publish, spoken choices included', () => {
  const graph = buildGraph(
    [
      { id: 'q', type: 'choice', text: { en: 'Which way?', ta: 'எந்த வழி?' } },
      { id: 'l', type: 'end', text: { en: 'Left', ta: 'இடது' } },
      { id: 'r', type: 'end', text: { en: 'Right', ta: 'வலது' } },
    ],
    [
      { node: 'q', key: 'A', next: 'l', isDefault: true, text: { en: 'Go left', ta: 'இடது போ' } },
      { node: 'q', key: 'B', next: 'r', text: { en: 'Go right', ta: 'வலது போ' } },
    ],
  )
  const rows = translationUnits(graph).map((u) => unitRow(u, 'ta', 'en', null))
  const options = rows.filter((r) => r.unit.collection === 'story-choices').map((r) => r.unit.id)
  const spoken = (id: string) => graph.choices.some((c) => c.id === id)

  it('should require approved audio of every spoken option too, without counting options as nodes', () => {
    const nodesApproved = (id: string) => (graph.nodes.some((n) => n.id === id) ? 'approved' : 'generated') as 'approved' | 'generated'
    const report = localeReport(rows, 'ta', nodesApproved, 'approved', spoken)
    expect(options).toHaveLength(2)
    expect(report.audioMissing).toEqual(options)
    expect(report.nodes).toBe(3)
    expect(describeBlockers('ta', publishBlockers(report, { requireApproval: false }), 'approved')).toContain('without approved audio')
  })

  it('should leave options out when they are not spoken, and ask nothing when every line is approved', () => {
    expect(localeReport(rows, 'ta', () => 'generated', 'approved', () => false).audioMissing).toHaveLength(3)
    expect(localeReport(rows, 'ta', () => 'approved', 'approved', spoken).audioMissing).toEqual([])
  })
})
