import type { PayloadRequest } from 'payload'

import { parse as parseCsv } from 'csv-parse/sync'
import { stringify as stringifyCsv } from 'csv-stringify/sync'
import js2xliff from 'xliff/js2xliff'
import xliff2js from 'xliff/xliff2js'

import { type ImportEntry, planImport, type ImportPlan } from '@/domain/translation/importPlan'
import { bcp47Tag, localeOfTag } from '@/domain/translation/tags'
import { UNIT_KIND_LABELS } from '@/domain/translation/units'
import { LOCALE_CODES, type LocaleCode } from '@/locales'
import { recompileStoryBundles } from '@/services/storyBundles'
import { loadStoryTranslation, type StoryTranslation } from '@/translation/service'
import { TranslationInputError, TranslationNotFound } from '@/translation/publication'

export const CSV_COLUMNS = ['id', 'kind', 'speaker', 'source', 'target', 'status'] as const

function speakerOf(t: StoryTranslation, speakerId: string | null, locale: LocaleCode): string {
  if (!speakerId) return ''
  const c = t.graph.characters.find((x) => x.id === speakerId)
  return c ? (c.name[locale] ?? c.name[t.report.sourceLocale ?? 'en'] ?? c.name.en ?? c.slug) : ''
}

/** Note of a unit for outside translators: what it is, who says it, what comes before it. */
function noteOf(t: StoryTranslation, i: number, locale: LocaleCode): string {
  const r = t.rows[i]!
  const parts: string[] = [UNIT_KIND_LABELS[r.unit.kind] + (r.unit.choiceKey ? ` ${r.unit.choiceKey}` : '')]
  const speaker = speakerOf(t, r.unit.speakerId, locale)
  if (speaker) parts.push(`speaker: ${speaker}`)
  const previous = r.unit.previousUnitId ? t.rows.find((x) => x.unit.id === r.unit.previousUnitId) : undefined
  if (previous) parts.push(`after: ${previous.source}`)
  if (r.stale) parts.push('stale: the source changed since this was translated')
  return parts.join(' | ')
}

async function load(req: PayloadRequest, storyId: string, locale: LocaleCode): Promise<StoryTranslation> {
  const t = await loadStoryTranslation(req, storyId, locale)
  if (!t) throw new TranslationNotFound(`No story ${storyId}.`)
  if (!t.report.sourceLocale) throw new TranslationInputError(`${locale} is the story's source language: there is nothing to translate.`, 'locale')
  return t
}

/** XLIFF 2.0 of one story x locale (one file element, the story's slug; units keyed by unit id). */
export async function exportXliff(req: PayloadRequest, storyId: string, locale: LocaleCode): Promise<{ body: string; filename: string }> {
  const t = await load(req, storyId, locale)
  const units: Record<string, { source: string; target: string; note: string }> = {}
  t.rows.forEach((r, i) => {
    if (r.required) units[r.unit.id] = { source: r.source, target: r.target, note: noteOf(t, i, locale) }
  })
  const body = await js2xliff({ resources: { [t.graph.slug]: units }, sourceLanguage: bcp47Tag(t.report.sourceLocale!), targetLanguage: bcp47Tag(locale) })
  return { body, filename: `${t.graph.slug}.${bcp47Tag(locale)}.xlf` }
}

/** CSV (id, kind, speaker, source, target, status) of one story x locale, for spreadsheets. */
export async function exportCsv(req: PayloadRequest, storyId: string, locale: LocaleCode): Promise<{ body: string; filename: string }> {
  const t = await load(req, storyId, locale)
  const records = t.rows
    .filter((r) => r.required)
    .map((r) => [r.unit.id, UNIT_KIND_LABELS[r.unit.kind], speakerOf(t, r.unit.speakerId, locale), r.source, r.target, r.stale ? 'stale' : r.status])
  // A BOM so spreadsheet programs read the Indic text as UTF-8.
  const body = '\ufeff' + stringifyCsv(records, { header: true, columns: [...CSV_COLUMNS] })
  return { body, filename: `${t.graph.slug}.${bcp47Tag(locale)}.csv` }
}

/** Reads the units of an XLIFF 2.0 file; the file's target language must be `locale`. */
export async function readXliff(text: string, locale: LocaleCode): Promise<ImportEntry[]> {
  let js: { resources?: Record<string, Record<string, { source?: unknown; target?: unknown }>>; targetLanguage?: string }
  try {
    js = await xliff2js(text)
  } catch (err) {
    throw new TranslationInputError(`The file is not XLIFF 2.0: ${(err as Error).message}`, 'file')
  }
  if (!js || (!js.targetLanguage && !js.resources)) throw new TranslationInputError('The file is not XLIFF 2.0 (no trgLang and no units).', 'file')
  const tag = js.targetLanguage ? localeOfTag(js.targetLanguage, LOCALE_CODES) : null
  if (tag !== locale) throw new TranslationInputError(`The file's target language is ${js.targetLanguage ?? 'missing'}, not ${bcp47Tag(locale)}.`, 'trgLang')
  const entries: ImportEntry[] = []
  for (const units of Object.values(js.resources ?? {})) {
    for (const [id, unit] of Object.entries(units)) {
      entries.push({ id, source: plain(unit.source), target: plain(unit.target) })
    }
  }
  if (!entries.length) throw new TranslationInputError('The file has no units.', 'file')
  return entries
}

/** Text of a segment part; inline markup (which we never export) is refused as unreadable. */
function plain(value: unknown): string | null {
  if (value === undefined || value === null) return null
  if (typeof value === 'string') return value
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('')
  return null
}

export function readCsv(text: string): ImportEntry[] {
  let records: Record<string, string>[]
  try {
    records = parseCsv(text.replace(/^\ufeff/, ''), { columns: true, skip_empty_lines: true, relax_column_count: false })
  } catch (err) {
    throw new TranslationInputError(`The file is not valid CSV: ${(err as Error).message}`, 'file')
  }
  if (!records.length) throw new TranslationInputError('The file has no rows.', 'file')
  for (const column of ['id', 'source', 'target']) {
    if (!(column in records[0]!)) throw new TranslationInputError(`The CSV has no "${column}" column (expected ${CSV_COLUMNS.join(', ')}).`, column)
  }
  return records.map((r) => ({ id: r.id ?? '', source: r.source ?? null, target: r.target ?? null }))
}

export type ImportReport = {
  written: number
  unchanged: number
  empty: number
  unknown: string[]
  conflicts: ImportPlan['conflicts']
}

/**
 * Applies a planned import: every written unit is a save of its document in the locale through
 * Payload with the importing user's access (so the same rules and state records as the workspace),
 * bundles recompiled once at the end. Call inside a transaction: any failure writes nothing.
 */
export async function importEntries(req: PayloadRequest, storyId: string, locale: LocaleCode, entries: ImportEntry[]): Promise<ImportReport> {
  const t = await load(req, storyId, locale)
  const plan = planImport(t.rows, entries)
  if (plan.duplicates.length) throw new TranslationInputError(`These units are in the file more than once: ${plan.duplicates.join(', ')}.`, 'file')
  for (const { row, target } of plan.write) {
    await req.payload.update({
      collection: row.unit.collection,
      id: row.unit.docId,
      locale,
      data: { [row.unit.field]: target },
      req,
      user: req.user,
      overrideAccess: false,
      context: { skipBundleCompile: true },
      depth: 0,
    })
  }
  req.context.skipBundleCompile = false
  if (plan.write.length) await recompileStoryBundles(req, storyId, { kind: 'text', locale })
  return { written: plan.write.length, unchanged: plan.unchanged.length, empty: plan.empty.length, unknown: plan.unknown, conflicts: plan.conflicts }
}
