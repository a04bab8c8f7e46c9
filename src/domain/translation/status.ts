/**
 * # Translation status of a unit in a locale, and what a locale lacks to go live
 *
 * - **missing**: the unit has no own text in the locale (while its source has text).
 * - **machine**: own text drafted by machine translation, not yet edited or approved by a person.
 * - **translated**: own text a person wrote or confirmed.
 * - **approved**: a reviewer approved it.
 * - **stale** overlays the last three: the source text changed since the translation was made
 *   (the stored hash of the source it was made from differs from the current source's hash).
 *   Own text without any recorded state (text typed before tracking existed and not backfilled)
 *   counts as translated and not stale: there is nothing to compare with.
 * - The story's source locale itself has status **source**.
 *
 * A locale is *complete* when no required unit is missing. It may be published when it is
 * complete, has no stale unit, no machine draft (machine drafts never count as complete), every
 * unit approved when approval is required, and audio for every node as the audio rule says.
 */
import type { LocaleCode } from '@/locales'

import { textHash } from '@/domain/translation/hash'
import { sourceLocaleOf, sourceText, type TranslationUnit } from '@/domain/translation/units'
import { hasOwnText } from '@/domain/story/graph'

export const STORED_STATUSES = ['machine', 'translated', 'approved'] as const
export type StoredStatus = (typeof STORED_STATUSES)[number]
export type UnitStatus = 'source' | 'missing' | StoredStatus

/** What is stored per unit per locale (the translation-states collection). */
export type UnitState = {
  unitId: string
  locale: LocaleCode
  status: StoredStatus
  /** Hash of the source text the translation was made from; null when unknown. */
  sourceHash: string | null
  /** That source text itself, to show a word diff when it went stale. */
  sourceText: string | null
  updatedAt?: string | null
  updatedBy?: string | null
}

export type UnitRow = {
  unit: TranslationUnit
  locale: LocaleCode
  sourceLocale: LocaleCode | null
  source: string
  target: string
  status: UnitStatus
  stale: boolean
  /** The source the translation was made from, when it is stale and that is known. */
  previousSource: string | null
  required: boolean
  state: UnitState | null
}

export type AudioRule = 'none' | 'generated' | 'approved'

/** Where a story's translation into one locale stands (story_translations.publication_state). */
export const PUBLICATION_STATES = ['draft', 'in_review', 'published'] as const
export type PublicationState = (typeof PUBLICATION_STATES)[number]

/**
 * The status a save leaves a unit in, or null when there is nothing to record. A save that changes
 * neither the text nor its source keeps the status (an approved text stays approved), except a
 * machine draft, which a person's save turns into `translated` (they have checked it).
 */
export function statusAfterSave(previous: UnitStatus | null, unchanged: boolean, machine: boolean): StoredStatus | null {
  if (unchanged && !machine && previous !== null && previous !== 'machine' && previous !== 'missing' && previous !== 'source') return null
  return machine ? 'machine' : 'translated'
}

/**
 * Who may move a locale from one publication state to another. Editors (who publish) may make any
 * move. A locale's translators may only send it for review, and never from `published`: leaving
 * `published` takes the locale offline, which is an editor's decision. Returns why not, or null.
 */
export function publicationMoveRefusal(from: PublicationState, to: PublicationState, who: { publishes: boolean }): string | null {
  if (who.publishes) return null
  if (to !== 'in_review') return 'Only editors publish and unpublish languages.'
  if (from === 'published') return 'This language is published: only an editor can take it offline for review.'
  return null
}

export type AudioState = 'none' | 'generated' | 'approved'

export function unitRow(unit: TranslationUnit, locale: LocaleCode, storySource: LocaleCode, state: UnitState | null): UnitRow {
  const sourceLocale = sourceLocaleOf(locale, storySource)
  const source = sourceLocale ? sourceText(unit.text, sourceLocale) : (unit.text[locale] ?? '')
  const own = hasOwnText(unit.text, locale)
  const target = own ? unit.text[locale]! : ''
  const required = source.trim() !== ''
  if (!sourceLocale) {
    return { unit, locale, sourceLocale, source, target, status: 'source', stale: false, previousSource: null, required: false, state: null }
  }
  if (!own) {
    return { unit, locale, sourceLocale, source, target, status: 'missing', stale: false, previousSource: null, required, state }
  }
  const status: UnitStatus = state?.status ?? 'translated'
  const stale = !!state?.sourceHash && required && state.sourceHash !== textHash(source)
  return { unit, locale, sourceLocale, source, target, status, stale, previousSource: stale ? (state?.sourceText ?? null) : null, required, state }
}

export type LocaleReport = {
  locale: LocaleCode
  sourceLocale: LocaleCode | null
  /** Units that need a translation (their source has text). */
  total: number
  missing: string[]
  machine: string[]
  stale: string[]
  translated: number
  approved: number
  /** Required units not approved (missing, machine or translated). */
  unapproved: string[]
  /** Lines (node units and spoken choice options) whose audio in the locale does not meet the rule. */
  audioMissing: string[]
  /** The rule `audioMissing` was computed with. */
  audioRule: AudioRule
  /** Nodes with audio in the locale (any state), of nodes with text. */
  audioNodes: number
  nodes: number
}

/**
 * `audio` gives the state of a line's audio by document id (a node's, or a spoken choice's);
 * `spoken` says which choices are read aloud (the options of choice nodes): their audio is required
 * like a node's, but they do not count in `nodes`/`audioNodes`.
 */
export function localeReport(
  rows: UnitRow[],
  locale: LocaleCode,
  audio: (docId: string) => AudioState = () => 'none',
  rule: AudioRule = 'none',
  spoken: (choiceId: string) => boolean = () => false,
): LocaleReport {
  const required = rows.filter((r) => r.required)
  const voiced = (r: UnitRow) => r.required || r.status === 'source'
  const nodeRows = rows.filter((r) => r.unit.collection === 'story-nodes' && voiced(r))
  const lineRows = rows.filter((r) => voiced(r) && (r.unit.collection === 'story-nodes' || (r.unit.collection === 'story-choices' && spoken(r.unit.docId))))
  const meets = (s: AudioState) => (rule === 'approved' ? s === 'approved' : s !== 'none')
  return {
    locale,
    sourceLocale: rows[0]?.sourceLocale ?? null,
    total: required.length,
    missing: required.filter((r) => r.status === 'missing').map((r) => r.unit.id),
    machine: required.filter((r) => r.status === 'machine').map((r) => r.unit.id),
    stale: required.filter((r) => r.stale).map((r) => r.unit.id),
    translated: required.filter((r) => r.status === 'translated' || r.status === 'approved' || r.status === 'machine').length,
    approved: required.filter((r) => r.status === 'approved').length,
    unapproved: required.filter((r) => r.status !== 'approved').map((r) => r.unit.id),
    audioMissing: rule === 'none' ? [] : lineRows.filter((r) => !meets(audio(r.unit.docId))).map((r) => r.unit.id),
    audioRule: rule,
    audioNodes: nodeRows.filter((r) => audio(r.unit.docId) !== 'none').length,
    nodes: nodeRows.length,
  }
}

export type PublishBlocker = { reason: 'missing' | 'machine' | 'stale' | 'unapproved' | 'audio'; units: string[] }

/** Why a locale may not be published yet (empty when it may). */
export function publishBlockers(report: LocaleReport, opts: { requireApproval: boolean }): PublishBlocker[] {
  const blockers: PublishBlocker[] = []
  if (report.missing.length) blockers.push({ reason: 'missing', units: report.missing })
  if (report.machine.length) blockers.push({ reason: 'machine', units: report.machine })
  if (report.stale.length) blockers.push({ reason: 'stale', units: report.stale })
  if (opts.requireApproval) {
    const others = new Set([...report.missing, ...report.machine])
    const unapproved = report.unapproved.filter((id) => !others.has(id))
    if (unapproved.length) blockers.push({ reason: 'unapproved', units: unapproved })
  }
  if (report.audioMissing.length) blockers.push({ reason: 'audio', units: report.audioMissing })
  return blockers
}

const REASON_TEXT: Record<PublishBlocker['reason'], string> = {
  missing: 'missing',
  machine: 'machine drafts not yet checked by a person',
  stale: 'stale (the source changed since)',
  unapproved: 'not approved',
  audio: 'without audio',
}

/** One sentence naming every blocking unit, for the 409 answer and the admin. */
export function describeBlockers(locale: string, blockers: PublishBlocker[], audioRule: AudioRule = 'generated'): string {
  const text = (reason: PublishBlocker['reason']) =>
    reason === 'audio' && audioRule === 'approved' ? 'without approved audio (REQUIRE_AUDIO_TO_PUBLISH=approved: a reviewer approves each voiced line)' : REASON_TEXT[reason]
  return `Cannot publish ${locale}: ${blockers.map((b) => `${b.units.length} unit(s) ${text(b.reason)}: ${b.units.join(', ')}`).join('; ')}.`
}
