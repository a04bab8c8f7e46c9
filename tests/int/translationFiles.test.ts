import type { Payload } from 'payload'

import { parse as parseCsv } from 'csv-parse/sync'
import { stringify as stringifyCsv } from 'csv-stringify/sync'
import js2xliff from 'xliff/js2xliff'
import xliff2js from 'xliff/xliff2js'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createStaff, type Staff } from '../support/api'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'

let payload: Payload
let server: TestServer
let tamil: Staff
let hindi: Staff
let story: StoryFixture

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  ;[tamil, hindi] = await Promise.all([createStaff(payload, server.url, 'translator', ['ta']), createStaff(payload, server.url, 'translator', ['hi'])])
})

beforeEach(async () => {
  story = await createStory(payload)
})

afterEach(async () => {
  await story?.cleanup()
})

afterAll(async () => {
  await payload.delete({ collection: 'editors', where: { id: { in: [tamil.id, hindi.id] } } })
  await server?.close()
})

const exportFile = async (who: Staff, locale: string, format: 'xliff' | 'csv') => {
  const res = await fetch(`${server.url}/api/stories/${story.storyId}/translation-export?locale=${locale}&format=${format}`, { headers: { authorization: `JWT ${who.token}` } })
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), text: await res.text() }
}

const importFile = async (who: Staff, locale: string, format: 'xliff' | 'csv', body: string) => {
  const res = await fetch(`${server.url}/api/stories/${story.storyId}/translation-import?locale=${locale}&format=${format}`, {
    method: 'POST',
    headers: { authorization: `JWT ${who.token}`, 'content-type': format === 'csv' ? 'text/csv' : 'application/xliff+xml' },
    body,
  })
  return { status: res.status, body: (await res.json()) as any }
}

const nodeText = async (id: string, locale: 'ta' | 'hi') =>
  (await payload.findByID({ collection: 'story-nodes', id, locale, fallbackLocale: false, depth: 0 })).textContent

describe('XLIFF 2.0', () => {
  it('should export every unit with its source, notes naming kind, speaker and context, and BCP 47 tags', async () => {
    const file = await exportFile(tamil, 'ta', 'xliff')
    expect(file.status).toBe(200)
    expect(file.type).toContain('xliff')
    expect(file.disposition).toContain(`${story.slug}.ta.xlf`)
    const js = await xliff2js(file.text)
    expect(js).toMatchObject({ sourceLanguage: 'en', targetLanguage: 'ta' })
    const units = js.resources![story.slug]!
    expect(Object.keys(units)).toContain(`node/${story.nodeIds[0]}/text_content`)
    expect(units[`node/${story.nodeIds[1]}/text_content`]).toMatchObject({ source: 'What should the crow do?', note: expect.stringContaining('speaker: Dadi') })
    expect(units[`choice/${story.choiceIds[0]}/text_content`]!.note).toContain('after: What should the crow do?')
  })

  it('should round-trip: targets filled in the exported file are imported and stored', async () => {
    const js = await xliff2js((await exportFile(tamil, 'ta', 'xliff')).text)
    const units = js.resources![story.slug]! as Record<string, { source: string; target?: string; note?: string }>
    for (const [id, unit] of Object.entries(units)) unit.target = `த ${id.split('/')[0]} ${unit.source}`
    const res = await importFile(tamil, 'ta', 'xliff', await js2xliff({ resources: { [story.slug]: units as never }, sourceLanguage: 'en', targetLanguage: 'ta' }))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ written: Object.keys(units).length, conflicts: [], unknown: [] })
    expect(await nodeText(story.nodeIds[1]!, 'ta')).toBe('த node What should the crow do?')
    const bundle = await (await fetch(`${server.url}/api/stories/${story.slug}/bundle?locale=ta`)).json()
    expect(bundle.availableLocales).toEqual(['en'])
  })

  it('should import a file written by the xliff library on its own, reporting unknown ids and a changed source as a conflict, writing nothing for them', async () => {
    // Written independently of our exporter: only the library and the documented unit ids.
    const xml = await js2xliff({
      resources: {
        anything: {
          [`node/${story.nodeIds[2]}/text_content`]: { source: 'The crow drinks.', target: 'காகம் குடிக்கிறது.' },
          [`node/${story.nodeIds[3]}/text_content`]: { source: 'The crow flies.', target: 'காகம் பறக்கிறது.' },
          [`node/00000000-0000-4000-8000-000000000000/text_content`]: { source: 'Nothing', target: 'ஒன்றுமில்லை' },
        },
      },
      sourceLanguage: 'en',
      targetLanguage: 'ta',
    })
    const res = await importFile(tamil, 'ta', 'xliff', xml)
    expect(res.status).toBe(200)
    expect(res.body.written).toBe(1)
    expect(res.body.unknown).toEqual(['node/00000000-0000-4000-8000-000000000000/text_content'])
    expect(res.body.conflicts).toEqual([
      { id: `node/${story.nodeIds[3]}/text_content`, fileSource: 'The crow flies.', currentSource: 'The crow flies away.' },
    ])
    expect(await nodeText(story.nodeIds[2]!, 'ta')).toBe('காகம் குடிக்கிறது.')
    expect(await nodeText(story.nodeIds[3]!, 'ta')).toBeFalsy()
  })

  it('should answer 403 to an import into a locale the translator does not hold, writing nothing', async () => {
    const xml = await js2xliff({ resources: { s: { [`node/${story.nodeIds[1]}/text_content`]: { source: 'What should the crow do?', target: 'कौआ क्या करे?' } } }, sourceLanguage: 'en', targetLanguage: 'hi' })
    expect((await importFile(tamil, 'hi', 'xliff', xml)).status).toBe(403)
    expect(await nodeText(story.nodeIds[1]!, 'hi')).toBeFalsy()
    expect((await exportFile(tamil, 'hi', 'xliff')).status).toBe(403)
  })

  it('should refuse a file of another language or a broken file (400 naming the field), writing nothing', async () => {
    const xml = await js2xliff({ resources: { s: { [`node/${story.nodeIds[1]}/text_content`]: { source: 'What should the crow do?', target: 'कौआ क्या करे?' } } }, sourceLanguage: 'en', targetLanguage: 'hi' })
    const wrong = await importFile(tamil, 'ta', 'xliff', xml)
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors[0].field).toBe('trgLang')
    const broken = await importFile(tamil, 'ta', 'xliff', '<xliff><file')
    expect(broken.status).toBe(400)
    expect(broken.body.errors[0].field).toBe('file')
    expect(await nodeText(story.nodeIds[1]!, 'ta')).toBeFalsy()
  })
})

describe('CSV', () => {
  it('should export id, kind, speaker, source, target, status and round-trip it', async () => {
    const file = await exportFile(hindi, 'hi', 'csv')
    expect(file.status).toBe(200)
    const rows = parseCsv(file.text.replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0]!)).toEqual(['id', 'kind', 'speaker', 'source', 'target', 'status'])
    const start = rows.find((r) => r.id === `node/${story.nodeIds[0]}/text_content`)!
    expect(start).toMatchObject({ kind: 'Narration', speaker: 'Dadi', source: 'Once upon a time', target: 'एक समय की बात है', status: 'translated' })
    for (const r of rows) if (!r.target) r.target = `हि ${r.source}`
    const res = await importFile(hindi, 'hi', 'csv', stringifyCsv(rows, { header: true }))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ written: rows.length - 1, unchanged: 1, conflicts: [], unknown: [] })
    expect(await nodeText(story.nodeIds[3]!, 'hi')).toBe('हि The crow flies away.')
  })

  it('should refuse a CSV without the target column (400 naming it)', async () => {
    const res = await importFile(hindi, 'hi', 'csv', 'id,source\nx,y\n')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].field).toBe('target')
  })
})
