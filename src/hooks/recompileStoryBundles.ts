import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, FlattenedField, PayloadRequest } from 'payload'

import { idOf } from '@/db/idOf'
import { Coalescer } from '@/domain/concurrency/coalescer'
import { mergeChanges, type BundleChange } from '@/domain/story/bundleScope'
import { isLocale } from '@/locales'
import { recompileStoryBundles } from '@/services/storyBundles'

type Ref = string | { id: string } | null | undefined

/** The story a document belongs to (`story` field), or the document itself for stories. */
type StoryOf = (doc: Record<string, unknown>) => string | null
const storyField: StoryOf = (doc) => idOf(doc.story as Ref)

/**
 * Mark of a field no bundle reads (`custom: notInBundle`): a save that changes only such fields
 * recompiles nothing (a card position in a node's `metadata`, who saved last).
 */
export const notInBundle = { bundle: false } as const

const SKIPPED_TYPES = new Set(['join', 'ui'])
const SYSTEM_FIELDS = new Set(['id', 'createdAt', 'updatedAt'])

function comparable(field: FlattenedField, value: unknown): string {
  const normal = field.type === 'relationship' || field.type === 'upload' ? idOf(value as Ref) : value
  return JSON.stringify(normal ?? null)
}

/**
 * What an update changed, as far as bundles are concerned: a field the bundle reads that is not
 * localized (type, order, flags, speaker, target, key, default...) is a structural change; else
 * localized fields saved in the request's locale are a text change in that locale (even when the
 * text is the same: the save can change that locale's translation state); else nothing.
 */
export function changeOf(args: {
  fields: FlattenedField[]
  data: Record<string, unknown> | undefined
  doc: Record<string, unknown>
  previousDoc: Record<string, unknown> | undefined
  req: PayloadRequest
  /** false: only a text that differs counts (audio does not depend on a re-save's translation state). */
  resaveIsText?: boolean
}): BundleChange {
  const { fields, data, doc, previousDoc, req, resaveIsText = true } = args
  if (!previousDoc) return { kind: 'structure' }
  let text = false
  for (const field of fields) {
    if (SKIPPED_TYPES.has(field.type) || SYSTEM_FIELDS.has(field.name)) continue
    const differs = comparable(field, doc[field.name]) !== comparable(field, previousDoc[field.name])
    if (field.localized) {
      if (differs || (resaveIsText && data && field.name in data)) text = true
      continue
    }
    if ((field.custom as typeof notInBundle | undefined)?.bundle === false) continue
    if (differs) return { kind: 'structure' }
  }
  if (!text) return { kind: 'none' }
  return isLocale(req.locale) ? { kind: 'text', locale: req.locale } : { kind: 'structure' }
}

/**
 * One request's recompiles, per story. Payload runs the hooks of a bulk update or delete (the
 * admin's "Edit many" and "Delete", or `PATCH`/`DELETE` with a `where`) for all its documents at
 * once in the request's transaction: recompiling after each (every locale, under the story's
 * bundle lock) made a delete of 50 audio files take 8-9 s. Requests that arrive while the story's
 * recompile runs fold into one more (their changes merged), which starts after they were made, so
 * the bundles still see every change, and each hook still returns only once its change is
 * compiled (before the operation commits).
 */
const recompilesOf = new WeakMap<PayloadRequest, Coalescer<string, BundleChange>>()

export function recompileCoalesced(req: PayloadRequest, storyId: string, change: BundleChange): Promise<void> {
  if (change.kind === 'none') return Promise.resolve()
  let recompiles = recompilesOf.get(req)
  if (!recompiles) recompilesOf.set(req, (recompiles = new Coalescer((story, ask) => recompileStoryBundles(req, story, ask), mergeChanges)))
  return recompiles.request(storyId, change)
}

/**
 * Recompiles the bundles of the story a changed document belongs to (and the one it left): every
 * locale after a create or a structural change, only the locales that read the edited text after
 * a text edit in one locale, none after a change no bundle reads.
 */
export function recompileAfterChange(storyOf: StoryOf = storyField): CollectionAfterChangeHook {
  return async ({ collection, data, doc, previousDoc, operation, req }) => {
    const now = storyOf(doc)
    // A create's previousDoc is empty: no story before (`?? null`, not undefined).
    const before = previousDoc ? (storyOf(previousDoc) ?? null) : null
    const moved = before !== null && before !== now
    const change: BundleChange =
      operation === 'create' || moved ? { kind: 'structure' } : changeOf({ fields: collection.flattenedFields, data, doc, previousDoc, req })
    if (now) await recompileCoalesced(req, now, change)
    if (moved) await recompileCoalesced(req, before, change)
    return doc
  }
}

export function recompileAfterDelete(storyOf: StoryOf = storyField): CollectionAfterDeleteHook {
  return async ({ doc, req }) => {
    const story = storyOf(doc)
    if (story) await recompileCoalesced(req, story, { kind: 'structure' })
    return doc
  }
}
