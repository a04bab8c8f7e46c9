import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { staffUser } from '@/access/roles'
import { hasOwnText, type LocalizedText } from '@/domain/story/graph'
import { textHash } from '@/domain/translation/hash'
import { statusAfterSave, type StoredStatus, type UnitState } from '@/domain/translation/status'
import { sourceLocaleOf, sourceText, TRANSLATABLE_FIELDS, type UnitCollection, type UnitField, unitId } from '@/domain/translation/units'
import { isLocale, type LocaleCode } from '@/locales'
import { idOf } from '@/db/idOf'
import { drizzleFor } from '@/db/postgres'

type Row = Record<string, unknown>

async function query<T extends Row>(req: PayloadRequest, statement: ReturnType<typeof sql>): Promise<T[]> {
  const db = await drizzleFor(req)
  const result = (await db.execute(statement)) as unknown as { rows: T[] }
  return result.rows
}

/** The Payload table holding each collection's localized texts, and each field's column there. */
const LOCALES_TABLE: Record<UnitCollection, string> = {
  stories: 'stories_locales',
  characters: 'characters_locales',
  'story-nodes': 'story_nodes_locales',
  'story-choices': 'story_choices_locales',
}
const COLUMN: Record<UnitField, string> = { title: 'title', description: 'description', moral: 'moral', name: 'name', textContent: 'text_content' }

type StoredRow = { status: StoredStatus; source_hash: string | null; target_hash: string | null }

export type StateChange = {
  storyId: string
  unit: string
  locale: LocaleCode
  /** New status, or null to clear the state (the text was removed). */
  status: StoredStatus | null
  source: string
  target: string
  action: 'saved' | 'machine' | 'approved' | 'unapproved' | 'cleared'
}

/**
 * Writes one unit's state (insert or update, or delete when cleared) and appends the change to its
 * history, in one statement. `previous` is the state the caller read (null: none stored).
 */
export async function writeState(req: PayloadRequest, change: StateChange, previous: Pick<StoredRow, 'status'> | null): Promise<void> {
  const by = staffUser(req)?.id ?? null
  const from = previous?.status ?? 'missing'
  const event = sql`INSERT INTO translation_events (story_id, unit_id, locale, action, from_status, to_status, by_id, updated_at, created_at)
        VALUES (${change.storyId}, ${change.unit}, ${change.locale}, ${change.action}, ${from}, ${change.status ?? 'missing'}, ${by}, now(), now())`
  if (change.status === null) {
    if (!previous) return
    await query(req, sql`WITH gone AS (DELETE FROM translation_states WHERE unit_id = ${change.unit} AND locale = ${change.locale}) ${event}`)
    return
  }
  const sourceHash = textHash(change.source)
  const targetHash = textHash(change.target)
  await query(
    req,
    sql`WITH saved AS (
          INSERT INTO translation_states (story_id, unit_id, locale, status, source_hash, source_text, target_hash, updated_by_id, updated_at, created_at)
          VALUES (${change.storyId}, ${change.unit}, ${change.locale}, ${change.status}, ${sourceHash}, ${change.source}, ${targetHash}, ${by}, now(), now())
          ON CONFLICT (unit_id, locale) DO UPDATE SET status = EXCLUDED.status, source_hash = EXCLUDED.source_hash,
            source_text = EXCLUDED.source_text, target_hash = EXCLUDED.target_hash, updated_by_id = EXCLUDED.updated_by_id,
            updated_at = now(), story_id = EXCLUDED.story_id)
        ${event}`,
  )
}

/** Appends a locale-level event (publication changes). */
export async function writeLocaleEvent(req: PayloadRequest, storyId: string, locale: LocaleCode, from: string, to: string): Promise<void> {
  const by = staffUser(req)?.id ?? null
  await query(
    req,
    sql`INSERT INTO translation_events (story_id, unit_id, locale, action, from_status, to_status, by_id, updated_at, created_at)
        VALUES (${storyId}, ${null}, ${locale}, ${'publication'}, ${from}, ${to}, ${by}, now(), now())`,
  )
}

/** Every stored state of a story's units (of the given locales only, when given). */
export async function loadStates(req: PayloadRequest, storyId: string, locales?: readonly LocaleCode[]): Promise<UnitState[]> {
  if (locales && !locales.length) return []
  const only = locales ? sql` AND locale IN (${sql.join(locales.map((l) => sql`${l}`), sql`, `)})` : sql``
  const rows = await query<{ unit_id: string; locale: string; status: StoredStatus; source_hash: string | null; source_text: string | null; updated_at: string | Date; updated_by: string | null }>(
    req,
    sql`SELECT unit_id, locale::text AS locale, status::text AS status, source_hash, source_text, updated_at, updated_by_id AS updated_by
          FROM translation_states WHERE story_id = ${storyId}${only}`,
  )
  return rows
    .filter((r) => isLocale(r.locale))
    .map((r) => ({
      unitId: r.unit_id,
      locale: r.locale as LocaleCode,
      status: r.status,
      sourceHash: r.source_hash,
      sourceText: r.source_text,
      updatedAt: r.updated_at instanceof Date ? r.updated_at.toISOString() : r.updated_at,
      updatedBy: r.updated_by,
    }))
}

/**
 * Records what a save in locale L did to each translated text it carried: a text saved (changed or
 * not) becomes `translated` (`machine` when the save is a machine draft) against the current
 * source, so saving or confirming a stale text makes it current; a removed text clears its state.
 * A save that changes neither the text nor its source keeps the status (an approved text stays
 * approved), except a machine draft, which a person's save turns into `translated`. Saves in the story's source locale record nothing: they are what others go stale from.
 */
export function recordTranslationState(collection: UnitCollection): CollectionAfterChangeHook {
  return async ({ doc, data, req }) => {
    const locale = req.locale
    if (!isLocale(locale) || !data) return doc
    const touched = TRANSLATABLE_FIELDS[collection].filter((f) => f in data)
    if (!touched.length) return doc
    const storyId = collection === 'stories' ? String(doc.id) : idOf(doc.story)
    if (!storyId) return doc
    const units = touched.map((field) => unitId(collection, String(doc.id), field))
    const known = await saveContext(req, collection, String(doc.id), storyId, units, locale)
    const storySource = collection === 'stories' && isLocale(doc.sourceLocale) ? doc.sourceLocale : known.storySource
    const source = sourceLocaleOf(locale, storySource)
    if (!source) return doc
    const machine = req.context?.translationAction === 'machine'
    for (const [i, field] of touched.entries()) {
      const unit = units[i]!
      const previous = known.states.get(unit) ?? null
      const texts = known.texts[field]
      const own = hasOwnText(texts, locale)
      const src = sourceText(texts, source)
      if (!own) {
        await writeState(req, { storyId, unit, locale, status: null, source: src, target: '', action: 'cleared' }, previous)
        continue
      }
      const target = texts[locale]!
      const unchanged = !!previous && previous.target_hash === textHash(target) && previous.source_hash === textHash(src)
      const status = statusAfterSave(previous?.status ?? null, unchanged, machine)
      if (status === null) continue
      await writeState(req, { storyId, unit, locale, status, source: src, target, action: machine ? 'machine' : 'saved' }, previous)
    }
    return doc
  }
}

/**
 * What a save's state records need, in one query: the story's source locale, the document's own
 * text of every locale of each translatable field, and the stored states of the saved units.
 */
async function saveContext(
  req: PayloadRequest,
  collection: UnitCollection,
  docId: string,
  storyId: string,
  units: string[],
  locale: LocaleCode,
): Promise<{ storySource: LocaleCode; texts: Record<UnitField, LocalizedText>; states: Map<string, StoredRow> }> {
  const fields = TRANSLATABLE_FIELDS[collection]
  const pairs = fields.map((f) => `'${f}', "${COLUMN[f]}"`).join(', ')
  // Table and column names come from the constants above, never from input; values are parameters.
  const rows = await query<{ story_source: string | null; texts: { locale: string; f: Record<string, unknown> }[] | null; states: (StoredRow & { unit_id: string })[] | null }>(
    req,
    sql`SELECT (SELECT source_locale::text FROM stories WHERE id = ${storyId}) AS story_source,
               (SELECT json_agg(json_build_object('locale', _locale::text, 'f', json_build_object(${sql.raw(pairs)})))
                  FROM ${sql.raw(LOCALES_TABLE[collection])} WHERE _parent_id = ${docId}) AS texts,
               (SELECT json_agg(json_build_object('unit_id', unit_id, 'status', status::text, 'source_hash', source_hash, 'target_hash', target_hash))
                  FROM translation_states WHERE locale = ${locale} AND unit_id IN (${sql.join(
                    units.map((u) => sql`${u}`),
                    sql`, `,
                  )})) AS states`,
  )
  const row = rows[0]
  const texts = Object.fromEntries(fields.map((f) => [f, {} as LocalizedText])) as Record<UnitField, LocalizedText>
  for (const { locale: l, f } of row?.texts ?? []) {
    if (!isLocale(l)) continue
    for (const field of fields) {
      const text = f[field]
      if (typeof text === 'string' && text.trim() !== '') texts[field][l] = text
    }
  }
  const storySource = isLocale(row?.story_source) ? row.story_source : 'en'
  return { storySource, texts, states: new Map((row?.states ?? []).map((st) => [st.unit_id, st])) }
}
