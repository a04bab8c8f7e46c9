import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { seed } from '@/seed/seed'

import { testPayload } from '../support/payload'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

describe('seed', () => {
  it('should create the sample stories with a compiled bundle per locale, complete in en and hi', async () => {
    await seed(payload)
    const crow = await payload.find({ collection: 'stories', where: { slug: { equals: 'clever-crow' } }, locale: 'hi' })
    expect(crow.docs[0]?.title).toMatch(/[\u0900-\u097F]/)
    const rows = await payload.find({ collection: 'story-translations', where: { story: { equals: crow.docs[0]!.id } }, limit: 0 })
    const complete = rows.docs.filter((r) => r.isComplete).map((r) => r.languageCode).sort()
    expect(rows.docs).toHaveLength(12)
    expect(complete).toEqual(['en', 'hi'])
  })

  it('should publish the sample stories\u2019 complete translations, so apps get them', async () => {
    const published = async (slug: string) => {
      const story = (await payload.find({ collection: 'stories', where: { slug: { equals: slug } } })).docs[0]!
      const rows = await payload.find({ collection: 'story-translations', where: { story: { equals: story.id } }, limit: 0 })
      return rows.docs.filter((r) => r.publicationState === 'published').map((r) => r.languageCode).sort()
    }
    expect(await published('clever-crow')).toEqual(['hi'])
    expect(await published('monkey-and-crocodile')).toEqual(['bn', 'hi', 'hi-mixed', 'ta'])
  })

  it('should be idempotent', async () => {
    await seed(payload)
    const { totalDocs } = await payload.count({ collection: 'stories' })
    expect(totalDocs).toBe(2)
  })
})
