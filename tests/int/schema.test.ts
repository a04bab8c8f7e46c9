import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { primaryPool } from '@/db/postgres'

import { createStory } from '../support/fixtures'
import { testPayload } from '../support/payload'

let payload: Payload

async function query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await primaryPool(payload).query(sql, params)).rows as T[]
}

beforeAll(async () => {
  payload = await testPayload()
})

/** The spec's index table: (table, columns, partial predicate). */
const SPEC_INDEXES: [string, string[], string | null][] = [
  ['users', ['anonymous_id'], null],
  ['users', ['last_active'], null],
  ['stories', ['slug'], null],
  ['stories', ['age_range'], null],
  ['stories', ['region'], null],
  ['stories', ['is_active'], 'is_active = true'],
  ['story_translations', ['story_id'], null],
  ['story_translations', ['language_code'], null],
  ['characters', ['story_id'], null],
  ['characters', ['bulbul_speaker'], null],
  ['story_nodes', ['story_id'], null],
  ['story_nodes', ['node_type'], null],
  ['story_nodes', ['story_id', 'display_order'], null],
  ['story_nodes', ['story_id', 'is_start'], 'is_start = true'],
  ['story_choices', ['node_id'], null],
  ['story_choices', ['next_node_id'], null],
  ['audio_files', ['node_id'], null],
  ['audio_files', ['language_code'], null],
  ['audio_files', ['speaker_id'], null],
  ['audio_files', ['accessed_at'], null],
  ['user_progress', ['user_id'], null],
  ['user_progress', ['story_id'], null],
  ['user_progress', ['user_id', 'is_completed'], 'is_completed = true'],
  ['bookmarks', ['user_id'], null],
  ['bookmarks', ['story_id'], null],
  ['analytics_events', ['user_id'], null],
  ['analytics_events', ['story_id'], null],
  ['analytics_events', ['event_type'], null],
  ['analytics_events', ['created_at'], null],
  ['analytics_events', ['session_id'], null],
]

const SPEC_UNIQUE: [string, string[]][] = [
  ['users', ['anonymous_id']],
  ['stories', ['slug']],
  ['story_translations', ['story_id', 'language_code']],
  ['story_choices', ['node_id', 'choice_key']],
  ['audio_files', ['node_id', 'language_code', 'code_mix_ratio', 'speaker_id']],
  ['user_progress', ['user_id', 'story_id']],
  ['bookmarks', ['user_id', 'story_id']],
]

describe('database schema matches the spec', () => {
  it.each(SPEC_INDEXES)('should have an index on %s(%j) %s', async (table, columns, predicate) => {
    const rows = await query<{ indexdef: string }>('SELECT indexdef FROM pg_indexes WHERE tablename = $1', [table])
    const cols = `(${columns.join(', ')})`
    const match = rows.find((r) => {
      const def = r.indexdef.replace(/"/g, '')
      if (!def.includes(cols)) return false
      return predicate ? def.toLowerCase().includes(`where (${predicate})`) : !/ where /i.test(def)
    })
    expect(match, `no index ${table}${cols}${predicate ? ` WHERE ${predicate}` : ''}; have ${rows.map((r) => r.indexdef).join('\n')}`).toBeDefined()
  })

  it.each(SPEC_UNIQUE)('should have a unique index on %s(%j)', async (table, columns) => {
    const rows = await query<{ indexdef: string }>('SELECT indexdef FROM pg_indexes WHERE tablename = $1', [table])
    const cols = `(${columns.join(', ')})`
    expect(rows.some((r) => r.indexdef.startsWith('CREATE UNIQUE') && r.indexdef.replace(/"/g, '').includes(cols))).toBe(true)
  })

  it.each([
    ['audio_files', 'code_mix_ratio', 'numeric', 3, 2],
    ['audio_files', 'duration_sec', 'numeric', 6, 2],
    ['user_progress', 'completion_percentage', 'numeric', 5, 2],
    ['stories', 'duration_min', 'integer', null, null],
    ['story_nodes', 'display_order', 'integer', null, null],
  ])('should type %s.%s as %s(%s,%s)', async (table, column, type, precision, scale) => {
    const [row] = await query<{ data_type: string; numeric_precision: number; numeric_scale: number }>(
      'SELECT data_type, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name = $1 AND column_name = $2',
      [table, column],
    )
    expect(row?.data_type).toBe(type)
    if (precision !== null) expect([row?.numeric_precision, row?.numeric_scale]).toEqual([precision, scale])
  })

  it('should store analytics_events.ip_address in a real inet column', async () => {
    const [row] = await query<{ udt_name: string }>(
      "SELECT udt_name FROM information_schema.columns WHERE table_name = 'analytics_events' AND column_name = 'ip_address'",
    )
    expect(row?.udt_name).toBe('inet')
  })

  it('should keep the jsonb columns as jsonb', async () => {
    const rows = await query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE (table_name, column_name) IN (('story_translations','content_json'),('story_nodes','metadata'),('story_choices','metadata'),
       ('users','preferences'),('users','metadata'),('user_progress','choices_made'),('analytics_events','event_data'))`,
    )
    expect(rows).toHaveLength(7)
    expect(rows.every((r) => r.data_type === 'jsonb')).toBe(true)
  })

  it.each([
    ['story_nodes', 'text_content'],
    ['story_choices', 'text_content'],
    ['stories', 'title'],
    ['stories', 'description'],
    ['stories', 'moral'],
    ['characters', 'name'],
  ])('should store %s.%s per locale', async (table, column) => {
    const rows = await query('SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = $2', [`${table}_locales`, column])
    expect(rows).toHaveLength(1)
  })

  it('should refuse a code-mix ratio outside [0, 1] even below the API', async () => {
    const story = await createStory(payload)
    const err = await query(
      "INSERT INTO audio_files (node_id, language_code, code_mix_ratio, speaker_id, r2_url) VALUES ($1, 'en', 1.5, 'x', 'y')",
      [story.nodeIds[0]],
    ).catch((e: { code?: string }) => e)
    await story.cleanup()
    expect((err as { code?: string }).code).toBe('23514')
  })

  it('should refuse a code-mix ratio above 1 through the API with a 400-style validation error', async () => {
    const story = await createStory(payload)
    const err = await payload
      .create({ collection: 'audio-files', data: { node: story.nodeIds[0]!, languageCode: 'en', codeMixRatio: 1.5, speakerId: 'x', r2Url: 'y' } })
      .catch((e) => e)
    await story.cleanup()
    expect(err.name).toBe('ValidationError')
    expect(err.data.errors[0].path).toBe('codeMixRatio')
  })
})
