/**
 * Every public and listener endpoint on the production server (the one build and `npm start` of
 * tests/setup/e2eApp.ts), driven by clients nobody here wrote, every body parsed and checked
 * against the published schemas (src/domain/api/schemas.ts, the bundle format):
 * - Node's fetch with its default headers (Accept-Encoding: gzip, deflate);
 * - the bytes on the wire for each Accept-Encoding (none, identity, gzip, br, zstd, q-value lists, *):
 *   one coding the request accepted, named by Content-Encoding;
 * - Chromium's fetch() from a page of the app's origin;
 * - Payload's official REST client, @payloadcms/sdk, for the generated REST API;
 * - a client generated from /api/openapi.json (openapi-typescript + openapi-fetch);
 * and the staff endpoints (validate, audio status and generation, dashboard, audio play).
 * The bundle's own compression matrix, 304s and headers are in delivery.test.ts.
 */
import { PayloadSDK } from '@payloadcms/sdk'
import { Validator } from '@seriousme/openapi-schema-validator'
import createClient from 'openapi-fetch'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { z } from 'zod'

import {
  analyticsAcceptedSchema,
  bookmarkAddedSchema,
  bookmarkListSchema,
  catalogPageSchema,
  deletedSchema,
  errorBodySchema,
  listenerDashboardSchema,
  listenerResponseSchema,
  progressListSchema,
  progressResponseSchema,
  signInResponseSchema,
  storyAudioStatusSchema,
  validationReportSchema,
} from '@/domain/api/schemas'
import { storyBundleSchema, type bundleNodeSchema } from '@/domain/story/bundleSchema'
import type { paths } from '@/openapi/apiTypes'
import { SEED_ADMIN } from '@/seed/accounts'
import type { Config } from '../../payload-types'
import { launchChromium } from '../support/e2eBrowser'
import { readBody, wire } from '../support/wire'

const SLUG = 'clever-crow'
const base = () => inject('appUrl')
const url = (pathAndQuery: string) => `${base()}${pathAndQuery}`
const device = () => `e2e-api-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`

type BundleNode = z.infer<typeof bundleNodeSchema>
type Bundle = z.infer<typeof storyBundleSchema>

const graphqlBundleSchema = z.object({ data: z.object({ StoryBundle: storyBundleSchema }) })
const restStoriesSchema = z.object({ docs: z.array(z.object({ id: z.string(), slug: z.string(), title: z.string() })), totalDocs: z.number() })

/** Node's fetch as an app uses it: default headers, JSON in and out. */
async function call<S extends z.ZodType>(
  schema: S,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; status?: number } = {},
): Promise<z.infer<S>> {
  const res = await fetch(url(path), {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    signal: AbortSignal.timeout(30_000),
  })
  const text = await res.text()
  expect(res.status, `${method} ${path}: ${text.slice(0, 300)}`).toBe(opts.status ?? 200)
  return schema.parse(JSON.parse(text))
}

/** The path a listener walks through a bundle: the default option at every choice, to an end. */
function defaultWalk(bundle: Bundle): { node: BundleNode; move: 'advance' | 'choose'; choiceKey?: string }[] {
  const byId = new Map(bundle.nodes.map((n) => [n.id, n]))
  const steps: { node: BundleNode; move: 'advance' | 'choose'; choiceKey?: string }[] = []
  let node = byId.get(bundle.startNodeId!)!
  while (node.type !== 'end') {
    if (node.type === 'choice') {
      const option = node.choices.find((c) => c.isDefault)!
      steps.push({ node, move: 'choose', choiceKey: option.key })
      node = byId.get(option.target!)!
    } else {
      steps.push({ node, move: 'advance' })
      node = byId.get(node.next!)!
    }
    if (steps.length > bundle.nodes.length) throw new Error('the default walk loops')
  }
  return steps
}

let bundleHi: Bundle

beforeAll(async () => {
  bundleHi = await call(storyBundleSchema, 'GET', `/api/stories/${SLUG}/bundle?locale=hi`)
})

describe("public endpoints with Node's fetch and its default headers", () => {
  it('should list the seeded story in the Hindi catalog', async () => {
    const page = await call(catalogPageSchema, 'GET', '/api/stories/catalog?locale=hi')
    const card = page.stories.find((s) => s.slug === SLUG)
    expect(card).toMatchObject({ title: bundleHi.story.title, version: bundleHi.version, complete: true })
  })

  it('should answer an unknown catalog locale with 400 naming the field', async () => {
    const body = await call(errorBodySchema, 'GET', '/api/stories/catalog?locale=xx', { status: 400 })
    expect(body.errors[0]).toMatchObject({ field: 'locale' })
  })

  it('should serve the Hindi bundle in format 1 with Hindi text', () => {
    expect(bundleHi).toMatchObject({ formatVersion: 1, locale: 'hi', story: { slug: SLUG } })
    expect(bundleHi.nodes.find((n) => n.id === bundleHi.startNodeId)?.text).toMatch(/[\u0900-\u097F]/)
  })

  it('should answer 404 with an error body for an unknown story', async () => {
    const body = await call(errorBodySchema, 'GET', '/api/stories/no-such-story/bundle?locale=hi', { status: 404 })
    expect(body.errors[0]!.message).toMatch(/no-such-story/)
  })

  it('should serve the same bundle over GraphQL', async () => {
    const body = await call(graphqlBundleSchema, 'POST', '/api/graphql', { body: { query: `{ StoryBundle(slug: "${SLUG}", locale: "hi") }` } })
    expect(body.data.StoryBundle.version).toBe(bundleHi.version)
  })

  it('should serve a valid OpenAPI 3.1 document', async () => {
    const doc = await call(z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }), 'GET', '/api/openapi.json')
    const result = await new Validator().validate(doc)
    expect(result.errors ?? []).toEqual([])
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/stories/{slug}/bundle', '/api/progress/{storySlug}/choose']))
  })

  it('should answer an unknown audio file with 404 and an error body', async () => {
    const body = await call(errorBodySchema, 'GET', '/api/audio-files/00000000-0000-4000-8000-000000000000/play', { status: 404 })
    expect(body.errors[0]!.message).toBe('Not Found')
  })
})

describe("listener endpoints with Node's fetch", () => {
  it('should sign in, set preferences, play the story to its end, bookmark it, send events and delete the listener', async () => {
    const anonymousId = device()
    const { token, user } = await call(signInResponseSchema, 'POST', '/api/users/anonymous', { body: { anonymousId }, status: 201 })
    expect(user.anonymousId).toBe(anonymousId)
    const again = await call(signInResponseSchema, 'POST', '/api/users/anonymous', { body: { anonymousId }, status: 200 })
    expect(again.user.id).toBe(user.id)

    const me = await call(listenerResponseSchema, 'PATCH', '/api/users/me', { token, body: { preferences: { language: 'hi', autoplay: true } } })
    expect(me.user.preferences).toEqual({ language: 'hi', autoplay: true })
    expect((await call(listenerResponseSchema, 'GET', '/api/users/me', { token })).user.preferences.language).toBe('hi')
    const bad = await call(errorBodySchema, 'PATCH', '/api/users/me', { token, body: { preferences: { textSize: 'huge' } }, status: 400 })
    expect(bad.errors[0]!.field).toBe('preferences.textSize')

    const started = await call(progressResponseSchema, 'POST', `/api/progress/${SLUG}/start`, { token, body: {} })
    expect(started.progress).toMatchObject({ storySlug: SLUG, currentNodeId: bundleHi.startNodeId, playCount: 1 })
    let last = started.progress
    for (const step of defaultWalk(bundleHi)) {
      const body = step.move === 'choose' ? { nodeId: step.node.id, choiceKey: step.choiceKey, listenedSec: 5 } : { nodeId: step.node.id, listenedSec: 5 }
      last = (await call(progressResponseSchema, 'POST', `/api/progress/${SLUG}/${step.move}`, { token, body })).progress
    }
    expect(last).toMatchObject({ isCompleted: true, completionPercentage: 100, ended: true })
    const conflict = await call(errorBodySchema, 'POST', `/api/progress/${SLUG}/advance`, { token, body: { nodeId: bundleHi.startNodeId }, status: 409 })
    expect(conflict.errors[0]!.code).toBeTruthy()
    const list = await call(progressListSchema, 'GET', '/api/progress', { token })
    expect(list.docs).toEqual([expect.objectContaining({ storySlug: SLUG, isCompleted: true })])

    const added = await call(bookmarkAddedSchema, 'POST', `/api/bookmarks/story/${SLUG}`, { token, body: { notes: 'पसंदीदा' }, status: 201 })
    expect(added).toMatchObject({ created: true, bookmark: { storySlug: SLUG, notes: 'पसंदीदा' } })
    expect((await call(bookmarkListSchema, 'GET', '/api/bookmarks/mine', { token })).docs.map((b) => b.storySlug)).toEqual([SLUG])
    expect(await call(deletedSchema, 'DELETE', `/api/bookmarks/story/${SLUG}`, { token })).toEqual({ deleted: true })

    const events = [
      { type: 'story_start', storySlug: SLUG, sessionId: 'e2e-session' },
      { type: 'story_complete', storySlug: SLUG, sessionId: 'e2e-session' },
    ]
    expect(await call(analyticsAcceptedSchema, 'POST', '/api/analytics/events', { token, body: { events }, status: 202 })).toEqual({ accepted: 2 })
    const badBatch = await call(errorBodySchema, 'POST', '/api/analytics/events', { token, body: { events: [{ type: 'nope', sessionId: 's' }] }, status: 400 })
    expect(badBatch.errors[0]!.field).toBe('type')

    expect(await call(deletedSchema, 'DELETE', '/api/users/me', { token })).toEqual({ deleted: true })
    await call(errorBodySchema, 'POST', `/api/progress/${SLUG}/start`, { token, body: {}, status: 401 })
  })

  it('should refuse listener endpoints without a token with 401 and an error body', async () => {
    for (const [method, path] of [
      ['GET', '/api/users/me'],
      ['GET', '/api/progress'],
      ['GET', '/api/bookmarks/mine'],
      ['POST', `/api/progress/${SLUG}/start`],
      ['POST', '/api/analytics/events'],
    ] as const) {
      const body = await call(errorBodySchema, method, path, { status: 401, ...(method === 'POST' ? { body: {} } : {}) })
      expect(body.errors.length, `${method} ${path}`).toBe(1)
    }
  })
})

describe('each Accept-Encoding, every endpoint: one coding the client accepted, JSON inside', () => {
  const ENCODINGS: (string | undefined)[] = [
    undefined,
    'identity',
    'gzip',
    'br',
    'zstd',
    'deflate',
    'gzip, deflate',
    'gzip, deflate, br, zstd',
    'gzip;q=1.0, br;q=0.5',
    'br;q=0, gzip;q=0',
    'identity;q=0, gzip',
    '*',
  ]
  let token = ''

  beforeAll(async () => {
    token = (await call(signInResponseSchema, 'POST', '/api/users/anonymous', { body: { anonymousId: device() }, status: 201 })).token
    await call(progressResponseSchema, 'POST', `/api/progress/${SLUG}/start`, { token, body: {} })
    await call(bookmarkAddedSchema, 'POST', `/api/bookmarks/story/${SLUG}`, { token, body: {}, status: 201 })
  })

  afterAll(async () => {
    if (token) await call(deletedSchema, 'DELETE', '/api/users/me', { token })
  })

  type Case = { name: string; method?: string; path: string; listener?: boolean; body?: unknown; status?: number; schema: z.ZodType; large?: boolean }
  const CASES: Case[] = [
    { name: 'catalog', path: '/api/stories/catalog?locale=hi', schema: catalogPageSchema, large: true },
    { name: 'bundle', path: `/api/stories/${SLUG}/bundle?locale=hi`, schema: storyBundleSchema, large: true },
    { name: 'bundle 404', path: '/api/stories/no-such-story/bundle', schema: errorBodySchema, status: 404 },
    { name: 'openapi.json', path: '/api/openapi.json', schema: z.looseObject({ openapi: z.literal('3.1.0') }), large: true },
    { name: 'REST list', path: '/api/stories?locale=hi&depth=0', schema: restStoriesSchema, large: true },
    { name: 'GraphQL', method: 'POST', path: '/api/graphql', body: { query: `{ StoryBundle(slug: "${SLUG}", locale: "hi") }` }, schema: graphqlBundleSchema, large: true },
    { name: 'listener me', path: '/api/users/me', listener: true, schema: listenerResponseSchema },
    { name: 'progress list', path: '/api/progress', listener: true, schema: progressListSchema },
    { name: 'bookmarks', path: '/api/bookmarks/mine', listener: true, schema: bookmarkListSchema },
    { name: 'progress 409', method: 'POST', path: `/api/progress/${SLUG}/advance`, listener: true, body: { nodeId: '00000000-0000-4000-8000-000000000000' }, schema: errorBodySchema, status: 409 },
    { name: 'analytics', method: 'POST', path: '/api/analytics/events', listener: true, body: { events: [{ type: 'page_view', sessionId: 'enc' }] }, schema: analyticsAcceptedSchema, status: 202 },
  ]

  it.each(CASES.flatMap((c) => ENCODINGS.map((e) => [c.name, e ?? '(none)', c, e] as const)))('%s with Accept-Encoding %s', async (_n, _e, c, encoding) => {
    const headers: Record<string, string> = {}
    if (encoding !== undefined) headers['accept-encoding'] = encoding
    if (c.body !== undefined) headers['content-type'] = 'application/json'
    if (c.listener) headers.authorization = `Bearer ${token}`
    const res = await wire(url(c.path), { method: c.method ?? 'GET', headers, body: c.body === undefined ? undefined : JSON.stringify(c.body) })
    const { text, coding } = readBody(res, encoding)
    expect(res.status, text.slice(0, 300)).toBe(c.status ?? 200)
    c.schema.parse(JSON.parse(text))
    if (coding !== 'identity') expect(String(res.headers.vary)).toMatch(/Accept-Encoding/i)
    // A large JSON body goes out compressed whenever the client accepts gzip or br.
    const wantsCompression = encoding !== undefined && /gzip|br|\*/.test(encoding) && !/^br;q=0, gzip;q=0$/.test(encoding)
    if (c.large && wantsCompression) expect(coding, `${c.name} ${encoding}`).not.toBe('identity')
  })
})

describe("Chromium's fetch() from a page of the app", () => {
  let browser: Browser | undefined

  beforeAll(async () => {
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('should read every public and listener endpoint as JSON', async () => {
    const context = await browser!.newContext()
    await context.route((u) => u.hostname !== 'localhost', (route) => route.abort('blockedbyclient'))
    try {
      const page = await context.newPage()
      await page.goto(url('/api/stories/catalog'))
      const walk = defaultWalk(bundleHi).map((s) => ({ nodeId: s.node.id, move: s.move, choiceKey: s.choiceKey }))
      // Runs in the page: the browser's own fetch, Accept-Encoding and decoding.
      const results = await page.evaluate(
        async ({ slug, walk, anonymousId }) => {
          const out: Record<string, { status: number; body: unknown; encoding: string | null }> = {}
          const go = async (name: string, path: string, init: RequestInit = {}) => {
            const res = await fetch(path, init)
            out[name] = { status: res.status, body: await res.json(), encoding: res.headers.get('content-encoding') }
            return out[name]!.body as Record<string, any>
          }
          const json = (body: unknown, token?: string): RequestInit => ({
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify(body),
          })
          await go('catalog', '/api/stories/catalog?locale=hi')
          await go('bundle', `/api/stories/${slug}/bundle?locale=hi`)
          await go('openapi', '/api/openapi.json')
          await go('rest', '/api/stories?locale=hi&depth=0')
          await go('graphql', '/api/graphql', json({ query: `{ StoryBundle(slug: "${slug}", locale: "hi") }` }))
          const { token } = await go('signIn', '/api/users/anonymous', json({ anonymousId }))
          const auth = { headers: { authorization: `Bearer ${token}` } }
          await go('start', `/api/progress/${slug}/start`, json({}, token))
          for (const [i, step] of walk.entries()) {
            await go(`move${i}`, `/api/progress/${slug}/${step.move}`, json(step.move === 'choose' ? { nodeId: step.nodeId, choiceKey: step.choiceKey } : { nodeId: step.nodeId }, token))
          }
          await go('progress', '/api/progress', auth)
          await go('bookmark', `/api/bookmarks/story/${slug}`, json({}, token))
          await go('bookmarks', '/api/bookmarks/mine', auth)
          await go('events', '/api/analytics/events', json({ events: [{ type: 'story_complete', storySlug: slug, sessionId: 'chromium' }] }, token))
          await go('me', '/api/users/me', auth)
          await go('delete', '/api/users/me', { method: 'DELETE', ...auth })
          return out
        },
        { slug: SLUG, walk, anonymousId: device() },
      )
      const expectOk = <S extends z.ZodType>(name: string, schema: S, status = 200): z.infer<S> => {
        const r = results[name]
        expect(r?.status, `${name}: ${JSON.stringify(r?.body).slice(0, 300)}`).toBe(status)
        return schema.parse(r!.body)
      }
      expect(expectOk('bundle', storyBundleSchema).version).toBe(bundleHi.version)
      expect(results.bundle!.encoding).toBe('br') // Chromium sends gzip, deflate, br, zstd
      expectOk('catalog', catalogPageSchema)
      expectOk('openapi', z.looseObject({ openapi: z.literal('3.1.0') }))
      expectOk('rest', restStoriesSchema)
      expectOk('graphql', graphqlBundleSchema)
      expectOk('signIn', signInResponseSchema, 201)
      expectOk('start', progressResponseSchema)
      const lastMove = `move${defaultWalk(bundleHi).length - 1}`
      expect(expectOk(lastMove, progressResponseSchema).progress).toMatchObject({ isCompleted: true, completionPercentage: 100 })
      expect(expectOk('progress', progressListSchema).docs).toHaveLength(1)
      expectOk('bookmark', bookmarkAddedSchema, 201)
      expect(expectOk('bookmarks', bookmarkListSchema).docs).toHaveLength(1)
      expect(expectOk('events', analyticsAcceptedSchema, 202)).toEqual({ accepted: 1 })
      expectOk('me', listenerResponseSchema)
      expect(expectOk('delete', deletedSchema)).toEqual({ deleted: true })
    } finally {
      await context.close()
    }
  })
})

describe('the generated REST API through @payloadcms/sdk', () => {
  const sdk = () => new PayloadSDK<Config>({ baseURL: url('/api') })

  it('should find the story in Hindi, its nodes and choices, and count them', async () => {
    const stories = await sdk().find({ collection: 'stories', where: { slug: { equals: SLUG } }, locale: 'hi', depth: 0 })
    expect(stories.docs).toHaveLength(1)
    const story = stories.docs[0]!
    expect(story.title).toBe(bundleHi.story.title)
    const byId = await sdk().findByID({ collection: 'stories', id: story.id, locale: 'en', depth: 0 })
    expect(byId.slug).toBe(SLUG)
    const nodes = await sdk().find({ collection: 'story-nodes', where: { story: { equals: story.id } }, locale: 'hi', depth: 0, limit: 100 })
    expect(nodes.totalDocs).toBe(bundleHi.nodes.length)
    expect(new Set(nodes.docs.map((n) => n.id))).toEqual(new Set(bundleHi.nodes.map((n) => n.id)))
    const { totalDocs } = await sdk().count({ collection: 'story-choices', where: { 'node.story': { equals: story.id } } })
    expect(totalDocs).toBe(bundleHi.nodes.reduce((n, node) => n + node.choices.length, 0))
    const translations = await sdk().find({ collection: 'story-translations', where: { storySlug: { equals: SLUG }, languageCode: { equals: 'hi' } }, depth: 0 })
    expect(translations.docs[0]?.version).toBe(bundleHi.version)
  })

  it('should refuse an anonymous create and let the signed-in admin read the staff list', async () => {
    await expect(sdk().create({ collection: 'stories', data: { slug: 'sdk-denied', title: 'x', ageRange: '4-6', region: 'pan-indian' } as never })).rejects.toThrow()
    const login = await sdk().login({ collection: 'editors', data: SEED_ADMIN })
    expect(login.token).toBeTruthy()
    const staff = await sdk().find({ collection: 'editors', depth: 0 }, { headers: { authorization: `JWT ${login.token}` } })
    expect(staff.docs.map((e) => e.email)).toContain(SEED_ADMIN.email)
  })

  it("should give a listener its own rows of the listener collections and nobody else's", async () => {
    const a = await call(signInResponseSchema, 'POST', '/api/users/anonymous', { body: { anonymousId: device() }, status: 201 })
    const b = await call(signInResponseSchema, 'POST', '/api/users/anonymous', { body: { anonymousId: device() }, status: 201 })
    try {
      await call(progressResponseSchema, 'POST', `/api/progress/${SLUG}/start`, { token: a.token, body: {} })
      await call(progressResponseSchema, 'POST', `/api/progress/${SLUG}/start`, { token: b.token, body: {} })
      const mine = await sdk().find({ collection: 'user-progress', depth: 0 }, { headers: { authorization: `Bearer ${a.token}` } })
      expect(mine.docs.map((p) => (typeof p.user === 'string' ? p.user : p.user.id))).toEqual([a.user.id])
      const users = await sdk().find({ collection: 'users', depth: 0 }, { headers: { authorization: `Bearer ${a.token}` } })
      expect(users.docs.map((u) => u.id)).toEqual([a.user.id])
    } finally {
      await call(deletedSchema, 'DELETE', '/api/users/me', { token: a.token })
      await call(deletedSchema, 'DELETE', '/api/users/me', { token: b.token })
    }
  })
})

describe('staff and audio endpoints on the production server', () => {
  const sdk = () => new PayloadSDK<Config>({ baseURL: url('/api') })
  let jwt = ''
  let storyId = ''

  beforeAll(async () => {
    jwt = (await sdk().login({ collection: 'editors', data: SEED_ADMIN })).token!
    storyId = (await sdk().find({ collection: 'stories', where: { slug: { equals: SLUG } }, depth: 0 })).docs[0]!.id
  })

  const staff = async <S extends z.ZodType>(schema: S, method: string, path: string, status = 200, body?: unknown): Promise<z.infer<S>> => {
    const res = await fetch(url(path), {
      method,
      headers: { authorization: `JWT ${jwt}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    })
    const text = await res.text()
    expect(res.status, `${method} ${path}: ${text.slice(0, 300)}`).toBe(status)
    return schema.parse(JSON.parse(text))
  }

  it('should validate the seeded story without errors, for staff only', async () => {
    const report = await staff(validationReportSchema, 'GET', `/api/stories/${storyId}/validate`)
    expect(report.errors).toEqual([])
    await call(errorBodySchema, 'GET', `/api/stories/${storyId}/validate`, { status: 403 })
  })

  it('should report the audio status per locale and refuse an unknown locale with 400', async () => {
    const status = await staff(storyAudioStatusSchema, 'GET', `/api/stories/${storyId}/audio-status?locales=hi`)
    expect(status.locales.map((l) => l.locale)).toEqual(['hi'])
    expect(status.totals.nodes).toBe(bundleHi.nodes.length)
    const bad = await staff(errorBodySchema, 'POST', `/api/stories/${storyId}/audio`, 400, { locales: ['xx'] })
    expect(bad.errors[0]!.message).toMatch(/xx/)
    await call(errorBodySchema, 'POST', `/api/stories/${storyId}/audio`, { body: {}, status: 401 })
  })

  it('should answer the listener dashboard to an admin and 400 naming days for a bad value', async () => {
    const dashboard = await staff(listenerDashboardSchema, 'GET', '/api/analytics-events/dashboard?days=7')
    expect(dashboard.days).toBe(7)
    const bad = await staff(errorBodySchema, 'GET', '/api/analytics-events/dashboard?days=0', 400)
    expect(bad.errors[0]!.field).toBe('days')
  })

  it('should keep audio that does not match the text out of the bundle, and still redirect and count a play', async () => {
    const start = bundleHi.nodes.find((n) => n.id === bundleHi.startNodeId)!
    const key = `audio/e2e-${Date.now().toString(36)}.opus`
    // A row made by hand carries no content key of the node's current text: bundles must not offer it.
    const audio = await sdk().create(
      { collection: 'audio-files', data: { node: start.id, languageCode: 'hi', speakerId: 'meera', r2Url: key } as never },
      { headers: { authorization: `JWT ${jwt}` } },
    )
    try {
      const bundle = await call(storyBundleSchema, 'GET', `/api/stories/${SLUG}/bundle?locale=hi`)
      expect(String(bundle.nodes.find((n) => n.id === start.id)!.audioUrl ?? '')).not.toContain(audio.id)
      const res = await fetch(url(`/api/audio-files/${audio.id}/play`), { redirect: 'manual' })
      expect(res.status).toBe(302)
      expect(res.headers.get('location')).toContain(key)
      const row = await sdk().findByID({ collection: 'audio-files', id: audio.id, depth: 0 }, { headers: { authorization: `JWT ${jwt}` } })
      expect(row.accessCount).toBe(1)
    } finally {
      await sdk().delete({ collection: 'audio-files', id: audio.id }, { headers: { authorization: `JWT ${jwt}` } })
    }
  })
})

describe('a client generated from /api/openapi.json (openapi-typescript + openapi-fetch) against the production server', () => {
  it('should read the bundle and move through the story', async () => {
    const client = createClient<paths>({ baseUrl: base() })
    const bundle = await client.GET('/api/stories/{slug}/bundle', { params: { path: { slug: SLUG }, query: { locale: 'hi' } } })
    expect(bundle.response.status).toBe(200)
    expect(storyBundleSchema.parse(bundle.data).version).toBe(bundleHi.version)
    const signIn = await client.POST('/api/users/anonymous', { body: { anonymousId: device() } })
    const headers = { authorization: `Bearer ${signIn.data!.token}` }
    try {
      const started = await client.POST('/api/progress/{storySlug}/start', { params: { path: { storySlug: SLUG } }, body: {}, headers })
      expect(started.data?.progress.currentNodeId).toBe(bundleHi.startNodeId)
      const advanced = await client.POST('/api/progress/{storySlug}/advance', { params: { path: { storySlug: SLUG } }, body: { nodeId: bundleHi.startNodeId! }, headers })
      expect(advanced.response.status).toBe(200)
      const list = await client.GET('/api/progress', { headers })
      expect(list.data?.docs[0]?.currentNodeId).toBe(advanced.data?.progress.currentNodeId)
    } finally {
      await client.DELETE('/api/users/me', { headers })
    }
  })
})
