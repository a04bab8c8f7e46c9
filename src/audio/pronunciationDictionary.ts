import type { Payload } from 'payload'

import { loadLexicon } from '@/audio/lexicon'
import type { TtsProvider } from '@/audio/providers/types'
import { LOCK, withSessionLock } from '@/db/locks'
import { primaryPool } from '@/db/postgres'
import { dictionaryChange, dictionaryHash, dictionaryOf, type Pronunciations } from '@/domain/audio/pronunciationDictionary'
import { LOCALE_CODES } from '@/locales'

/** The provider's dictionary of the current lexicon: its id and what it holds. */
export type SyncedDictionary = { id: string; pronunciations: Pronunciations }

type Row = { dictionary_id: string | null; content_hash: string; pronunciations: Pronunciations }

/**
 * Keeps the provider's pronunciation dictionary equal to the lexicon, for a provider that has one
 * (Sarvam bulbul:v3; see src/domain/audio/pronunciationDictionary.ts). The dictionary's id and
 * content are kept in `provider_dictionaries` (migration 20261130_190028_provider_dictionaries),
 * per provider and model. When the lexicon changed since the last sync: new or changed words are
 * uploaded to the same dictionary (update); when words were removed the dictionary is deleted and
 * made anew (an update keeps words it is not sent); no words, no dictionary. More words than the
 * provider takes: no dictionary (lines are rewritten instead) and a warning. One sync at a time
 * (advisory lock). Null when the provider has no dictionary or none is needed.
 */
export async function syncedDictionary(payload: Payload, provider: TtsProvider): Promise<SyncedDictionary | null> {
  const dictionary = provider.dictionary
  if (!dictionary) return null
  const { pronunciations, words } = dictionaryOf(
    await loadLexicon({ payload }),
    LOCALE_CODES.map((code) => ({ code, language: dictionary.languageOf(code) })),
  )
  const hash = dictionaryHash(provider.model, pronunciations)
  const current = (row: Row | undefined) => (row?.dictionary_id ? { id: row.dictionary_id, pronunciations: row.pronunciations } : null)
  const stored = await storedDictionary(payload, provider)
  if (stored?.content_hash === hash) return current(stored)
  return withSessionLock(payload, LOCK.dictionary, `${provider.name}|${provider.model}`, async () => {
    const before = await storedDictionary(payload, provider)
    if (before?.content_hash === hash) return current(before)
    let id = before?.dictionary_id ?? null
    const previous = before?.pronunciations ?? {}
    const usable = words > 0 && words <= dictionary.maxWords
    if (words > dictionary.maxWords) {
      payload.logger.warn({ msg: `The pronunciation lexicon has ${words} words for ${provider.name} ${provider.model}, over its dictionary's ${dictionary.maxWords}: lines are rewritten instead of using a dictionary` })
    }
    if (id && usable) {
      const { changed, changedWords, dropsWords } = dictionaryChange(previous, pronunciations)
      if (dropsWords) {
        await dictionary.remove(id)
        id = null
      } else if (changedWords > 0 && !(await dictionary.update(id, changed))) {
        id = null // deleted on the provider's side: make it anew
      }
    } else if (id) {
      await dictionary.remove(id)
      id = null
    }
    if (!id && usable) id = await dictionary.create(pronunciations)
    await primaryPool(payload).query(
      `INSERT INTO provider_dictionaries (provider, model, dictionary_id, content_hash, pronunciations, words, synced_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, now())
       ON CONFLICT (provider, model) DO UPDATE SET dictionary_id = EXCLUDED.dictionary_id, content_hash = EXCLUDED.content_hash,
         pronunciations = EXCLUDED.pronunciations, words = EXCLUDED.words, synced_at = EXCLUDED.synced_at`,
      [provider.name, provider.model, id, hash, JSON.stringify(id ? pronunciations : {}), id ? words : 0],
    )
    if (id) payload.logger.info({ msg: `Pronunciation dictionary ${id} of ${provider.name} ${provider.model} synced (${words} words)` })
    return id ? { id, pronunciations } : null
  })
}

async function storedDictionary(payload: Payload, provider: TtsProvider): Promise<Row | undefined> {
  const { rows } = await primaryPool(payload).query<Row>(
    'SELECT dictionary_id, content_hash, pronunciations FROM provider_dictionaries WHERE provider = $1 AND model = $2',
    [provider.name, provider.model],
  )
  return rows[0]
}
