import type { Payload } from 'payload'

import { createLocalReq } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { idOf } from '@/db/idOf'
import { LOCK, trySessionLock, withSessionLock } from '@/db/locks'
import { migrate } from '@/db/migrate'
import { drizzleFor, postgresOf, primaryPool } from '@/db/postgres'
import { withTransaction } from '@/db/transaction'

import { uid } from '../support/api'
import { testPayload } from '../support/payload'

let payload: Payload
const slugs: string[] = []

beforeAll(async () => {
  payload = await testPayload()
})

afterAll(async () => {
  if (slugs.length) await payload.delete({ collection: 'stories', where: { slug: { in: slugs } }, overrideAccess: true })
})

const storyData = (slug: string) => ({ slug, title: `Story ${slug}`, ageRange: '4-6' as const, region: 'pan-indian', isActive: false })
const countStories = async (slug: string) =>
  Number((await primaryPool(payload).query<{ n: string }>('SELECT count(*) AS n FROM stories WHERE slug = $1', [slug])).rows[0]!.n)

describe('src/db', () => {
  it('should give the Postgres adapter and its pool, typed', async () => {
    expect(postgresOf(payload).name).toBe('postgres')
    const { rows } = await primaryPool(payload).query<{ one: number }>('SELECT 1 AS one')
    expect(rows).toEqual([{ one: 1 }])
  })

  it('should commit Local API writes and SQL of one transaction together', async () => {
    const slug = uid('tx')
    slugs.push(slug)
    const seen = await withTransaction(payload, async (req, db) => {
      await payload.create({ collection: 'stories', data: storyData(slug), req, overrideAccess: true })
      const { rows } = await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM stories WHERE slug = ${slug}`)
      expect(await countStories(slug)).toBe(0) // not visible outside the transaction yet
      return Number(rows[0]!.n)
    })
    expect(seen).toBe(1)
    expect(await countStories(slug)).toBe(1)
  })

  it('should roll back everything and rethrow when the work throws', async () => {
    const slug = uid('tx')
    slugs.push(slug)
    await expect(
      withTransaction(payload, async (req) => {
        await payload.create({ collection: 'stories', data: storyData(slug), req, overrideAccess: true })
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await countStories(slug)).toBe(0)
  })

  it('should hand the request context to hooks and the transaction handle to drizzleFor', async () => {
    await withTransaction(
      payload,
      async (req, db) => {
        expect(req.context).toMatchObject({ marker: 'yes' })
        expect(await drizzleFor(req)).toBe(db)
      },
      { marker: 'yes' },
    )
  })

  it('should carry the incoming request\'s user into the transaction\'s request, so access and hooks see who acts', async () => {
    const editor = await payload.create({
      collection: 'editors',
      data: { email: `${uid('tx-editor')}@test.local`, password: 'correct horse battery staple', role: 'editor' },
    })
    const incoming = await createLocalReq({ user: { ...editor, collection: 'editors' }, context: { outer: 1 } }, payload)
    const slug = uid('tx')
    slugs.push(slug)
    await withTransaction(
      incoming,
      async (req) => {
        expect(req).not.toBe(incoming)
        expect(req.transactionID).toBeDefined()
        expect(incoming.transactionID).toBeUndefined()
        expect(req.user?.id).toBe(editor.id)
        expect(req.context).toMatchObject({ outer: 1, inner: 2 })
        // Access runs as the editor: editors create stories.
        await payload.create({ collection: 'stories', data: storyData(slug), req, overrideAccess: false })
      },
      { inner: 2 },
    )
    expect(await countStories(slug)).toBe(1)
    // Without a user (the Payload instance given) the same access denies.
    const other = uid('tx')
    await expect(withTransaction(payload, (req) => payload.create({ collection: 'stories', data: storyData(other), req, overrideAccess: false }))).rejects.toThrow(/not allowed/i)
    expect(await countStories(other)).toBe(0)
    await payload.delete({ collection: 'editors', id: editor.id, overrideAccess: true })
  })

  it('should not grant a session lock someone else holds', async () => {
    const name = uid('lock')
    const inner = await withSessionLock(payload, LOCK.sweep, name, () => trySessionLock(payload, LOCK.sweep, name, async () => 'second'))
    expect(inner).toEqual({ locked: false })
    expect(await trySessionLock(payload, LOCK.sweep, name, async () => 'again')).toEqual({ locked: true, value: 'again' })
  })

  it('should migrate an up-to-date database without changing it', async () => {
    const before = (await primaryPool(payload).query('SELECT name FROM payload_migrations ORDER BY name')).rows
    await migrate(payload)
    expect((await primaryPool(payload).query('SELECT name FROM payload_migrations ORDER BY name')).rows).toEqual(before)
  })

  it.each([
    ['an id', 'abc', 'abc'],
    ['a populated document', { id: 'abc', title: 'x' }, 'abc'],
    ['an empty relationship (null)', null, null],
    ['an empty relationship (undefined)', undefined, null],
    ['a scalar value', 0, 0],
    ['false', false, false],
  ])('should take the id of %s', (_what, value, expected) => {
    expect(idOf(value as never)).toEqual(expected)
  })
})
