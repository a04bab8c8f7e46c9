import { describe, expect, it } from 'vitest'

import { describeClientError } from '@/domain/input/clientError'
import { checkDataShape, checkJsonValue, checkWhere, type FieldShape } from '@/domain/input/dataShape'

const fields: FieldShape[] = [
  { name: 'title', type: 'text', localized: true },
  { type: 'row', fields: [{ name: 'order', type: 'number' }, { name: 'flag', type: 'checkbox' }] },
  { name: 'kind', type: 'select' },
  { name: 'tags', type: 'select', hasMany: true },
  { name: 'story', type: 'relationship', relationTo: 'stories' },
  { name: 'owner', type: 'relationship', relationTo: ['users', 'editors'] },
  { name: 'meta', type: 'json' },
  { name: 'when', type: 'date' },
  { name: 'group', type: 'group', fields: [{ name: 'inner', type: 'text' }] },
  { name: 'rows', type: 'array', fields: [{ name: 'n', type: 'number' }] },
]
const uuid = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e'
const paths = (data: unknown) => checkDataShape(data, fields).map((i) => i.path)

describe('checkDataShape', () => {
  it.each([
    ['a number', 101],
    ['a string', 'x'],
    ['an array', []],
    ['null', null],
  ])('should refuse %s as the body', (_, body) => {
    expect(checkDataShape(body, fields)).toEqual([{ path: 'body', message: expect.stringMatching(/^expected a JSON object/) }])
  })

  it('should accept well-typed data, nulls and numeric strings', () => {
    expect(
      paths({ title: 'x', order: '3', flag: false, kind: 'a', tags: ['a'], story: uuid, owner: { relationTo: 'users', value: uuid }, meta: { a: [1] }, when: '2026-01-01', group: { inner: 'y' }, rows: [{ n: 1 }], unknownKey: { any: 1 } }),
    ).toEqual([])
    expect(paths({ title: null, order: null, story: null })).toEqual([])
  })

  it.each([
    [{ title: { title: 'x' } }, 'title', /expected a string, got an object/],
    [{ order: 'abc' }, 'order', /expected a number/],
    [{ flag: 'yes' }, 'flag', /true or false/],
    [{ kind: ['a'] }, 'kind', /expected a string, got an array/],
    [{ tags: 'a' }, 'tags', /expected a list/],
    [{ story: 'not-a-uuid' }, 'story', /UUID/],
    [{ story: { evil: true } }, 'story', /UUID/],
    [{ owner: { relationTo: 'media', value: uuid } }, 'owner.relationTo', /users, editors/],
    [{ when: 'yesterday' }, 'when', /date/],
    [{ group: { inner: 5 } }, 'group.inner', /string/],
    [{ rows: [{ n: 'x' }] }, 'rows.0.n', /number/],
    [{ title: 'a\u0000b' }, 'title', /NUL/],
    [{ meta: { k: 'a\u0000' } }, 'meta.k', /NUL/],
    [{ id: 'x' }, 'id', /UUID/],
  ])('should refuse %j naming %s', (data, path, message) => {
    const issues = checkDataShape(data, fields)
    expect(issues).toEqual([{ path, message: expect.stringMatching(message) }])
  })

  it('should accept per-locale objects only when writing all locales', () => {
    expect(checkDataShape({ title: { en: 'a', hi: 'b' } }, fields, { allLocales: true })).toEqual([])
    expect(checkDataShape({ title: { en: 5 } }, fields, { allLocales: true })[0]!.path).toBe('title.en')
  })
})

describe('checkJsonValue', () => {
  it('should refuse nesting beyond the limit without overflowing the stack', () => {
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = { a: deep }
    expect(checkJsonValue(deep, 'data', 64)).toEqual({ path: 'data', message: expect.stringMatching(/64 levels/) })
    expect(checkJsonValue({ a: { b: [1, 2] } }, 'data', 64)).toBeNull()
  })
})

describe('checkWhere', () => {
  it.each([
    [{ title: { near: '1,2' } }, 'where.title.near'],
    [{ id: { in: '1,2' } }, 'where.id.in'],
    [{ story: { equals: 'x' } }, 'where.story.equals'],
    [{ or: [{ title: { equals: 'a\u0000' } }] }, 'where.or.0.title.equals'],
  ])('should refuse %j naming %s', (where, path) => {
    expect(checkWhere(where, fields).map((i) => i.path)).toEqual([path])
  })

  it('should accept ordinary queries', () => {
    expect(checkWhere({ and: [{ title: { like: 'x' } }, { id: { in: [uuid] } }, { story: { exists: true } }] }, fields)).toEqual([])
  })
})

describe('describeClientError', () => {
  it('should name the where field of a PostgreSQL data exception', () => {
    const err = Object.assign(new Error('Failed query'), { cause: { code: '22P02', message: 'invalid input syntax for type uuid: "1"' } })
    expect(describeClientError(err, { where: { id: { in: ['1', '2'] } } })).toEqual({ field: 'where.id.in.0', message: expect.any(String) })
  })

  it('should leave server errors alone', () => {
    expect(describeClientError(Object.assign(new Error('x'), { code: '57P01' }), {})).toBeNull()
    expect(describeClientError(new TypeError('boom'), {})).toBeNull()
  })
})
