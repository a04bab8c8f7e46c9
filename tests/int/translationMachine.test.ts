import type { Payload } from 'payload'

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { resetSettings } from '@/settings'

import { createStaff, rest, type Staff } from '../support/api'
import { startFakeSarvam, type FakeSarvam } from '../support/fakeSarvam'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'

let payload: Payload
let server: TestServer
let sarvam: FakeSarvam
let tamil: Staff
let editor: Staff
let story: StoryFixture

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  sarvam = await startFakeSarvam({ apiKey: 'test-key' })
  process.env.SARVAM_RPM = '6000'
  resetSettings() // settings are parsed once; the change above must be seen
  ;[tamil, editor] = await Promise.all([createStaff(payload, server.url, 'translator', ['ta']), createStaff(payload, server.url, 'editor')])
})

beforeEach(async () => {
  process.env.SARVAM_API_KEY = 'test-key'
  process.env.SARVAM_BASE_URL = sarvam.url
  resetSettings() // settings are parsed once; the change above must be seen
  sarvam.reset()
  story = await createStory(payload)
})

afterEach(async () => {
  delete process.env.SARVAM_API_KEY
  delete process.env.SARVAM_BASE_URL
  resetSettings() // settings are parsed once; the change above must be seen
  await story?.cleanup()
})

afterAll(async () => {
  delete process.env.SARVAM_RPM
  resetSettings()
  await payload.delete({ collection: 'editors', where: { id: { in: [tamil.id, editor.id] } } })
  await sarvam?.close()
  await server?.close()
})

const draft = (who: Staff, body: unknown) => rest(server.url, 'POST', `stories/${story.storyId}/machine-draft`, { token: who.token, body })
const status = async (locale: string) => (await rest(server.url, 'GET', `stories/${story.storyId}/translation-status?locale=${locale}`, { token: editor.token })).body

describe('machine drafts through the sarvamai SDK', () => {
  it('should fill every missing unit through Sarvam translate, marked machine and not approved', async () => {
    const res = await draft(tamil, { locale: 'ta' })
    expect(res.status).toBe(200)
    expect(res.body.drafted).toHaveLength(8)
    const calls = sarvam.requests.filter((r) => r.path === '/translate')
    expect(calls).toHaveLength(8)
    expect(calls[0]!.headers['api-subscription-key']).toBe('test-key')
    expect(calls[0]!.body).toMatchObject({ source_language_code: 'en-IN', target_language_code: 'ta-IN', model: 'mayura:v1', mode: 'modern-colloquial' })
    const body = await status('ta')
    expect(body.counts).toMatchObject({ missing: 0, machine: 8, approved: 0 })
    const decide = body.units.find((u: { id: string }) => u.id === `node/${story.nodeIds[1]}/text_content`)
    expect(decide).toMatchObject({ status: 'machine', target: '[ta-IN modern-colloquial] What should the crow do?' })
  })

  it('should draft a bounded batch per request and say how many are left, so a long story never outlasts a proxy', async () => {
    process.env.MACHINE_DRAFT_BATCH = '3'
    resetSettings() // settings are parsed once; the change above must be seen
    try {
      const seen: string[] = []
      const lefts: number[] = []
      for (let i = 0; i < 5; i++) {
        const res = await draft(tamil, { locale: 'ta' })
        expect(res.status).toBe(200)
        expect(res.body.drafted.length).toBeLessThanOrEqual(3)
        seen.push(...res.body.drafted)
        lefts.push(res.body.remaining)
        if (res.body.remaining === 0) break
      }
      // 8 missing units: 3 + 3 + 2, each batch saved before the next is asked for.
      expect(lefts).toEqual([5, 2, 0])
      expect(new Set(seen).size).toBe(8)
      expect(sarvam.requests.filter((r) => r.path === '/translate')).toHaveLength(8)
      expect((await status('ta')).counts).toMatchObject({ missing: 0, machine: 8 })
      const tooMany = await draft(tamil, { locale: 'ta', units: seen.slice(0, 4) })
      expect(tooMany.status).toBe(400)
      expect(tooMany.body.errors[0].field).toBe('units')
    } finally {
      delete process.env.MACHINE_DRAFT_BATCH
      resetSettings() // settings are parsed once; the change above must be seen
    }
  })

  it('should ask for code-mixed Hinglish in Latin script for hi-mixed, translated from the Hindi', async () => {
    const unit = `node/${story.nodeIds[0]}/text_content`
    expect((await draft(editor, { locale: 'hi-mixed', units: [unit] })).status).toBe(200)
    expect(sarvam.requests[0]!.body).toMatchObject({ input: 'एक समय की बात है', source_language_code: 'hi-IN', target_language_code: 'hi-IN', mode: 'code-mixed', output_script: 'roman' })
  })

  it('should not publish machine drafts, even without required approval, until a person edits or approves them', async () => {
    process.env.REQUIRE_APPROVAL_TO_PUBLISH = 'false'
    resetSettings() // settings are parsed once; the change above must be seen
    try {
      await draft(tamil, { locale: 'ta' })
      const refused = await rest(server.url, 'POST', `stories/${story.storyId}/publication`, { token: editor.token, body: { locale: 'ta', state: 'published' } })
      expect(refused.status).toBe(409)
      expect(refused.body.errors[0].blockers[0]).toMatchObject({ reason: 'machine' })
      // The translator confirms each draft by saving it (a person's save replaces the machine mark).
      for (const u of (await status('ta')).units.filter((x: { status: string }) => x.status === 'machine')) {
        expect((await rest(server.url, 'PATCH', `${u.collection}/${u.docId}`, { token: tamil.token, locale: 'ta', body: { [u.field]: u.target } })).status).toBe(200)
      }
      expect((await status('ta')).counts.machine).toBe(0)
      expect((await rest(server.url, 'POST', `stories/${story.storyId}/publication`, { token: editor.token, body: { locale: 'ta', state: 'published' } })).status).toBe(200)
    } finally {
      delete process.env.REQUIRE_APPROVAL_TO_PUBLISH
      resetSettings() // settings are parsed once; the change above must be seen
    }
  })

  it('should need approval of machine drafts when approval is required: approving replaces the mark', async () => {
    await draft(tamil, { locale: 'ta' })
    expect((await rest(server.url, 'POST', `stories/${story.storyId}/translation-review`, { token: editor.token, body: { locale: 'ta', units: 'all' } })).status).toBe(200)
    expect((await status('ta')).counts).toMatchObject({ machine: 0, approved: 8 })
    expect((await rest(server.url, 'POST', `stories/${story.storyId}/publication`, { token: editor.token, body: { locale: 'ta', state: 'published' } })).status).toBe(200)
  })

  it('should retry a 429 after Retry-After and a 5xx, and write nothing when Sarvam keeps failing', async () => {
    sarvam.failNext(429, 1, 0)
    sarvam.failNext(503, 1)
    const unit = `node/${story.nodeIds[1]}/text_content`
    expect((await draft(tamil, { locale: 'ta', units: [unit] })).status).toBe(200)
    process.env.SARVAM_MAX_ATTEMPTS = '2'
    resetSettings() // settings are parsed once; the change above must be seen
    try {
      sarvam.failNext(500, 10)
      const res = await draft(tamil, { locale: 'ta' })
      expect(res.status).toBe(502)
      expect((await status('ta')).counts.machine).toBe(1)
    } finally {
      delete process.env.SARVAM_MAX_ATTEMPTS
      resetSettings() // settings are parsed once; the change above must be seen
    }
  })

  it('should be unavailable without SARVAM_API_KEY (503) and refuse a locale the translator does not hold (403)', async () => {
    expect((await draft(tamil, { locale: 'hi' })).status).toBe(403)
    delete process.env.SARVAM_API_KEY
    resetSettings() // settings are parsed once; the change above must be seen
    expect((await draft(tamil, { locale: 'ta' })).status).toBe(503)
    expect((await status('ta')).machineTranslation).toBe(false)
  })
})
