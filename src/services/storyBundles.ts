import type { PayloadRequest } from 'payload'

import { audioProvider } from '@/audio/providers/audioProvider'
import { LOCK, lockInTransaction } from '@/db/locks'
import { transactionDb } from '@/db/postgres'
import { withTransaction } from '@/db/transaction'
import { voicesFingerprint } from '@/domain/audio/voices'
import { compileBundle, type StoryBundle } from '@/domain/story/bundle'
import { type BundleChange, localesAffected } from '@/domain/story/bundleScope'
import { LOCALE_CODES } from '@/locales'
import { notifyBundlesChanged } from '@/services/bundleCache'
import { loadStoryGraph } from '@/services/storyGraph'
import { settings } from '@/settings'
import { SLUGS } from '@/slugs'
import { deleteObjects, listObjects, objectStore, publicObjectUrl, putImmutable } from '@/storage/objectStore'
import { isStorageUnavailable } from '@/domain/http/storageUnavailable'
import { graphSource, reportFor } from '@/translation/service'
import { loadStates } from '@/translation/states'

/** Object key of an immutable, content-addressed bundle. */
export const bundleKey = (slug: string, locale: string, version: string) => `bundles/${slug}/${locale}/${version}.json`

async function publish(bundle: StoryBundle, slug: string, locale: string): Promise<string | null> {
  if (!objectStore()) return null
  const key = bundleKey(slug, locale, bundle.version)
  await putImmutable(key, JSON.stringify(bundle), 'application/json; charset=utf-8')
  return publicObjectUrl(key)
}

/**
 * Takes the story's bundle lock for the rest of the request's transaction (throws outside one).
 * Two saves of one story, each in its own transaction, would otherwise compile from what each can
 * see, without the other's uncommitted line, and the later commit would store a bundle lacking the
 * earlier one's change. With the lock the second compile waits for the first commit and reads it.
 * Re-entrant within a transaction; take it before writing a story-translations row that a
 * recompile also writes (publication.ts), so two transactions never wait on each other's row and lock.
 */
export async function lockStoryBundles(req: PayloadRequest, storyId: string): Promise<void> {
  // Outside a transaction the lock would be released as soon as it was granted.
  const db = await transactionDb(req)
  if (!db) throw new Error(`lockStoryBundles(${storyId}) needs the request's transaction: outside one the lock would guard nothing`)
  await lockInTransaction(db, LOCK.bundles, storyId)
}

/**
 * Recompiles the bundles of a story into its story-translations rows (the spec's content_json and
 * is_complete), publishes new versions to object storage, and tells every process's bundle cache.
 * Rows whose bundle did not change are not written. `change` says what was saved: the locales it
 * cannot affect are not compiled again (a locale without a row yet always is); by default every
 * locale is. Call it from afterChange / afterDelete hooks with the same `req`, so it joins the
 * save's transaction; called outside a transaction it runs in one of its own.
 *
 * Object storage is not needed to save: when the bucket cannot be reached, the row is written
 * without its `bundleUrl` (apps then read the bundle from the API) and a bundle refresh job is
 * queued, which publishes (or retracts) the copies once the bucket is back, retried with backoff.
 * With `req.context.requireBucket` (that job) a storage failure is thrown instead, so it retries.
 */
export async function recompileStoryBundles(req: PayloadRequest, storyId: string, change: BundleChange = { kind: 'structure' }): Promise<void> {
  if (req.context?.skipBundleCompile || change.kind === 'none') return
  // A caller without a transaction (a script's bare request) gets one: the lock and the rows it
  // guards must commit together.
  if (!(await transactionDb(req))) return withTransaction(req, (tx) => recompileStoryBundles(tx, storyId, change))
  await lockStoryBundles(req, storyId)
  const graph = await loadStoryGraph(req, storyId)
  if (!graph) return
  const affected = new Set(localesAffected(change, graphSource(graph)))
  const { payload } = req
  const existing = await payload.find({
    collection: SLUGS.storyTranslations,
    where: { story: { equals: storyId } },
    depth: 0,
    limit: 0,
    pagination: false,
    req,
    overrideAccess: true,
    select: { languageCode: true, version: true, isPublished: true, storySlug: true, bundleUrl: true, publicationState: true, progress: true, voices: true },
  })
  const rows = new Map(existing.docs.map((row) => [row.languageCode, row]))
  // The voices these bundles are compiled for (a row compiled for others is rewritten).
  const voices = voicesFingerprint(audioProvider(), settings().audio.narratorSpeaker)
  // Only the locales compiled below: a text edit in one locale reads that locale's states alone.
  const compiled = LOCALE_CODES.filter((locale) => !rows.has(locale) || affected.has(locale))
  const states = await loadStates(req, storyId, compiled)
  const slugs = new Set([graph.slug])
  let changed = false
  let deferred = false
  const strict = !!req.context?.requireBucket
  // A publish that fails because the bucket is away is left to the refresh job (see above).
  const tryPublish = async (bundle: StoryBundle, locale: string): Promise<string | null> => {
    try {
      return await publish(bundle, graph.slug, locale)
    } catch (error) {
      if (strict || !isStorageUnavailable(error)) throw error
      deferred = true
      payload.logger.warn({ msg: `Bundle ${graph.slug}/${locale} not published (object storage unreachable); a refresh job will publish it`, err: error })
      return null
    }
  }
  for (const locale of LOCALE_CODES) {
    const row = rows.get(locale)
    if (row && !affected.has(locale)) continue
    const bundle = compileBundle(graph, locale)
    if (row?.storySlug && row.storySlug !== graph.slug) slugs.add(row.storySlug)
    // Only a live locale (the source, or published) of an active story has a copy in the bucket:
    // an inactive story is a draft, nothing of it is public.
    const live = graph.isActive && (locale === graphSource(graph) || row?.publicationState === 'published')
    const progress = progressOf(reportFor(graph, states, locale))
    const same =
      row &&
      row.version === bundle.version &&
      row.isPublished === graph.isActive &&
      row.storySlug === graph.slug &&
      row.voices === voices &&
      sameProgress(row.progress, progress)
    if (same && (live && objectStore() ? !!row.bundleUrl : !row.bundleUrl)) continue
    const bundleUrl = !live ? null : row?.version === bundle.version && row.bundleUrl ? row.bundleUrl : await tryPublish(bundle, locale)
    const data = {
      story: storyId,
      languageCode: locale,
      storySlug: graph.slug,
      isPublished: graph.isActive,
      title: bundle.story.title || graph.slug,
      description: bundle.story.description || null,
      contentJson: bundle as unknown as Record<string, unknown>,
      isComplete: bundle.complete,
      version: bundle.version,
      bundleUrl,
      progress,
      voices,
    }
    // The row is derived (nobody edits it, it has no hooks of its own): an existing one is written
    // straight through the database adapter, in the save's transaction, without Payload reading the
    // whole row (its bundle) first, checking edit locks and reading it back (4 queries and ~2 bundle
    // (de)serialisations fewer per save).
    if (row) await payload.db.updateOne({ collection: SLUGS.storyTranslations, id: row.id, data: { ...data, updatedAt: new Date().toISOString() }, req, returning: false })
    else await payload.create({ collection: SLUGS.storyTranslations, data, req, overrideAccess: true })
    changed = true
  }
  if (changed) for (const slug of slugs) await notifyBundlesChanged(req, slug)
  // The refresh job retracts whatever may be left (a retraction it was queued for failed).
  if (!graph.isActive && (strict || existing.docs.some((row) => row.bundleUrl))) {
    try {
      await retractPublishedBundles(graph.slug)
    } catch (error) {
      if (strict || !isStorageUnavailable(error)) throw error
      deferred = true
      payload.logger.warn({ msg: `Bundles of ${graph.slug} not retracted yet (object storage unreachable); a refresh job will retract them`, err: error })
    }
  }
  if (deferred) {
    // Imported here: the task module imports this one.
    const { requestBundleRefresh } = await import('@/audio/jobs/refreshStoryAudioBundlesTask')
    await requestBundleRefresh(payload, storyId)
  }
}

/**
 * Removes every published bundle object of a story from the bucket (deactivated or deleted: its
 * public copies must not stay reachable). Done at once, not after the sweep's grace period; CDN
 * copies live until their TTL (purge `bundles/<slug>/*`).
 */
export async function retractPublishedBundles(slug: string): Promise<void> {
  if (!objectStore()) return
  const keys = (await listObjects(`bundles/${slug}/`)).map((o) => o.Key).filter((k): k is string => !!k)
  if (keys.length) await deleteObjects(keys)
}

type Progress = { units: number; missing: number; machine: number; stale: number; translated: number; approved: number; nodes: number; audioNodes: number }

function progressOf(report: ReturnType<typeof reportFor>): Progress {
  return {
    units: report.total,
    missing: report.missing.length,
    machine: report.machine.length,
    stale: report.stale.length,
    translated: report.translated,
    approved: report.approved,
    nodes: report.nodes,
    audioNodes: report.audioNodes,
  }
}

function sameProgress(stored: Partial<Record<keyof Progress, number | null>> | null | undefined, now: Progress): boolean {
  return (Object.keys(now) as (keyof Progress)[]).every((k) => (stored?.[k] ?? 0) === now[k])
}
