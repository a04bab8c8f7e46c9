import type { PayloadRequest } from 'payload'

import { publicationMoveRefusal, publishBlockers } from '@/domain/translation/status'
import { LOCALE_CODES, type LocaleCode } from '@/locales'
import { notifyBundlesChanged } from '@/services/bundleCache'
import { loadStoryGraph } from '@/services/storyGraph'
import { lockStoryBundles, recompileStoryBundles } from '@/services/storyBundles'
import type { PublicationState } from '@/domain/translation/status'
import { SLUGS } from '@/slugs'
import { deleteObjects, listObjects, objectStore } from '@/storage/objectStore'
import { graphSource, loadStoryTranslation, PublishRefused, reportFor, translationRow } from '@/translation/service'
import { settings as appSettings, type Settings } from '@/settings'
import { loadStates, writeLocaleEvent, writeState } from '@/translation/states'

export class TranslationNotFound extends Error {}
/** The caller may not make this move (403). */
export class PublicationForbidden extends Error {}
/** A request that names something wrong: 400 with `field`. */
export class TranslationInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message)
  }
}

/**
 * Moves a locale of a story to draft, in review or published. Publishing checks the locale is
 * ready (complete, nothing stale, no machine draft, approved and voiced as the settings require)
 * and otherwise throws `PublishRefused` naming every blocking unit. A published locale gets its
 * bucket copy; leaving `published` removes every bucket copy of that locale and drops it from
 * every process's cache, so it is offline everywhere when this returns. Call inside a transaction.
 * `who.publishes` is false for a locale's translators: they may only send a locale that is not
 * live for review (`PublicationForbidden` otherwise, see `publicationMoveRefusal`).
 */
export async function setPublicationState(
  req: PayloadRequest,
  storyId: string,
  locale: LocaleCode,
  state: PublicationState,
  who: { publishes: boolean },
  settings: Settings['publishing'] = appSettings().publishing,
): Promise<{ previous: PublicationState; state: PublicationState }> {
  // First on what is committed, without the story's bundle lock: a refused move (or one that
  // changes nothing) answers at once instead of waiting behind a recompile of the story.
  const seen = await checkMove(req, storyId, locale, state, who, settings)
  if (seen.row && seen.previous === state) return { previous: seen.previous, state }
  // Then again under the lock, before the row is written: the recompile below takes it too (see
  // lockStoryBundles), and what a save committed meanwhile is seen.
  await lockStoryBundles(req, storyId)
  let { graph, row, previous } = await checkMove(req, storyId, locale, state, who, settings)
  if (!row) {
    await recompileStoryBundles(req, storyId)
    row = await translationRow(req, storyId, locale)
    if (!row) throw new TranslationNotFound(`No ${locale} translation of story ${storyId}.`)
    ;({ previous } = await checkMove(req, storyId, locale, state, who, settings))
  }
  if (previous === state) return { previous, state }
  await req.payload.update({ collection: SLUGS.storyTranslations, id: row.id, data: { publicationState: state }, req, overrideAccess: true })
  if (previous === 'published' && objectStore()) {
    const keys = (await listObjects(`bundles/${graph.slug}/${locale}/`)).map((o) => o.Key!).filter(Boolean)
    await deleteObjects(keys)
  }
  await recompileStoryBundles(req, storyId, { kind: 'text', locale })
  await notifyBundlesChanged(req, graph.slug)
  await writeLocaleEvent(req, storyId, locale, previous, state)
  return { previous, state }
}

/**
 * Whether the move may be made now: throws what refuses it (no story, the source language, a move
 * the caller may not make, a locale not ready to publish). The locale's row is null when the story
 * has none for it yet (its bundles were never compiled): its state is then draft.
 */
async function checkMove(
  req: PayloadRequest,
  storyId: string,
  locale: LocaleCode,
  state: PublicationState,
  who: { publishes: boolean },
  settings: Settings['publishing'],
) {
  const graph = await loadStoryGraph(req, storyId)
  if (!graph) throw new TranslationNotFound(`No story ${storyId}.`)
  if (locale === graphSource(graph)) {
    throw new TranslationInputError(`${locale} is the story's source language: it is live whenever the story is active.`, 'locale')
  }
  const row = await translationRow(req, storyId, locale)
  const previous = (row?.publicationState ?? 'draft') as PublicationState
  const refusal = publicationMoveRefusal(previous, state, who)
  if (refusal) throw new PublicationForbidden(refusal)
  if (state === 'published') {
    const report = reportFor(graph, await loadStates(req, storyId), locale, settings.requireAudio)
    const blockers = publishBlockers(report, { requireApproval: settings.requireApproval })
    if (blockers.length) throw new PublishRefused(locale, blockers, settings.requireAudio)
  }
  return { graph, row, previous }
}

/**
 * Approves (or takes back approval of) units of a locale: `units` null means every unit that has
 * text. Approving confirms the text against the current source (it is no longer stale). Units
 * without text cannot be approved; unknown ids are refused. Returns how many changed.
 */
export async function reviewUnits(
  req: PayloadRequest,
  storyId: string,
  locale: LocaleCode,
  units: string[] | null,
  action: 'approve' | 'unapprove',
): Promise<{ changed: number }> {
  const t = await loadStoryTranslation(req, storyId, locale)
  if (!t) throw new TranslationNotFound(`No story ${storyId}.`)
  if (t.report.sourceLocale === null) throw new TranslationInputError(`${locale} is the story's source language: there is nothing to review.`, 'locale')
  const byId = new Map(t.rows.map((r) => [r.unit.id, r]))
  if (units) {
    const unknown = units.filter((id) => !byId.has(id))
    if (unknown.length) throw new TranslationInputError(`Unknown units: ${unknown.join(', ')}.`, 'units')
  }
  const chosen = units ? units.map((id) => byId.get(id)!) : t.rows.filter((r) => r.status !== 'missing')
  const missing = chosen.filter((r) => r.status === 'missing')
  if (missing.length) throw new TranslationInputError(`These units have no ${locale} text to approve: ${missing.map((r) => r.unit.id).join(', ')}.`, 'units')
  let changed = 0
  for (const row of chosen) {
    const status = action === 'approve' ? 'approved' : 'translated'
    if (row.status === status && !row.stale) continue
    // The state loaded with the rows above, in this transaction: no second read per unit.
    await writeState(req, { storyId, unit: row.unit.id, locale, status, source: row.source, target: row.target, action: action === 'approve' ? 'approved' : 'unapproved' }, row.state)
    changed++
  }
  if (changed) await recompileStoryBundles(req, storyId, { kind: 'text', locale })
  return { changed }
}

/** For the seed: approves and publishes every locale of the story that is complete (not its source). */
export async function publishCompleteLocales(req: PayloadRequest, storyId: string): Promise<LocaleCode[]> {
  const graph = await loadStoryGraph(req, storyId)
  if (!graph) return []
  const states = await loadStates(req, storyId)
  const published: LocaleCode[] = []
  for (const locale of LOCALE_CODES) {
    if (locale === graphSource(graph)) continue
    const report = reportFor(graph, states, locale)
    if (report.missing.length || report.total === 0) continue
    await reviewUnits(req, storyId, locale, null, 'approve')
    await setPublicationState(req, storyId, locale, 'published', { publishes: true })
    published.push(locale)
  }
  return published
}
