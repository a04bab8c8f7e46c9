import type { PayloadRequest } from 'payload'

import type { LocaleCode } from '@/locales'
import { recompileStoryBundles } from '@/services/storyBundles'
import type { MachineTranslator } from '@/translation/machine'
import { TranslationInputError, TranslationNotFound } from '@/translation/publication'
import { loadStoryTranslation } from '@/translation/service'
import { settings } from '@/settings'

export type MachineDraftResult = { drafted: string[]; model: string; remaining: number }

/**
 * Fills units of a locale with machine drafts: `units` null means every required unit that is
 * missing; named units may be missing or machine drafts already (drafted again). Translations are
 * fetched first, then written in one go through Payload with the user's own access, each save
 * marked `machine` (never approved; a person's save or approval replaces the mark). Call the
 * writing part inside a transaction via `write`.
 *
 * One call drafts at most `batch` units (MACHINE_DRAFT_BATCH): every unit costs a Sarvam request
 * at SARVAM_RPM, so a whole story at once could outlast a proxy's timeout and lose drafts already
 * paid for. `remaining` says how many missing units are left; the caller asks again for them.
 */
export async function draftWithMachine(
  req: PayloadRequest,
  storyId: string,
  locale: LocaleCode,
  units: string[] | null,
  translator: MachineTranslator,
  write: (work: (req: PayloadRequest) => Promise<void>) => Promise<void>,
  batch: number = settings().tts.machineDraftBatch,
): Promise<MachineDraftResult> {
  const t = await loadStoryTranslation(req, storyId, locale)
  if (!t) throw new TranslationNotFound(`No story ${storyId}.`)
  if (!t.report.sourceLocale) throw new TranslationInputError(`${locale} is the story's source language: there is nothing to translate.`, 'locale')
  const byId = new Map(t.rows.map((r) => [r.unit.id, r]))
  if (units) {
    const bad = units.filter((id) => !byId.get(id)?.required)
    if (bad.length) throw new TranslationInputError(`Unknown units or units without source text: ${bad.join(', ')}.`, 'units')
    const human = units.filter((id) => !['missing', 'machine'].includes(byId.get(id)!.status))
    if (human.length) throw new TranslationInputError(`These units have a person's translation; machine drafts only fill missing ones: ${human.join(', ')}.`, 'units')
    if (units.length > batch) throw new TranslationInputError(`At most ${batch} units per request (MACHINE_DRAFT_BATCH); ${units.length} were named.`, 'units')
  }
  const missing = t.rows.filter((r) => r.required && r.status === 'missing')
  const rows = units ? units.map((id) => byId.get(id)!) : missing.slice(0, batch)
  const drafts: { row: (typeof rows)[number]; text: string }[] = []
  for (const row of rows) drafts.push({ row, text: await translator.translate(row.source, row.sourceLocale!, locale) })
  await write(async (tx) => {
    for (const { row, text } of drafts) {
      await req.payload.update({
        collection: row.unit.collection,
        id: row.unit.docId,
        locale,
        data: { [row.unit.field]: text },
        req: tx,
        user: tx.user,
        overrideAccess: false,
        context: { translationAction: 'machine', skipBundleCompile: true },
        depth: 0,
      })
    }
    tx.context.translationAction = undefined
    tx.context.skipBundleCompile = false
    if (drafts.length) await recompileStoryBundles(tx, storyId, { kind: 'text', locale })
  })
  const drafted = new Set(drafts.map((d) => d.row.unit.id))
  return { drafted: [...drafted], model: translator.model, remaining: missing.filter((r) => !drafted.has(r.unit.id)).length }
}
