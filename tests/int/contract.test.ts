/**
 * The API contract apps generate clients from: `GET /api/openapi.json` (OpenAPI 3.1) validated with
 * an OpenAPI validator, the TypeScript client types generated from it with openapi-typescript
 * (committed as src/openapi/apiTypes.ts, kept current here), the bundle and progress endpoints
 * called through openapi-fetch with those types, and the committed `schema.graphql` kept equal to
 * what `npm run generate:graphql` prints and to the schema the server answers introspection with.
 *
 * After an intended API change: `npm run generate:graphql` and
 * `npx vitest run --project int tests/int/contract.test.ts -u` (rewrites apiTypes.ts); review and
 * commit both.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { Validator } from '@seriousme/openapi-schema-validator'
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql'
import createClient from 'openapi-fetch'
import openapiTS, { astToString } from 'openapi-typescript'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { errorBodySchema, progressListSchema, progressResponseSchema } from '@/domain/api/schemas'
import { publicationResultSchema, publishRefusedSchema, translationDashboardSchema, translationHistorySchema, translationStatusSchema } from '@/domain/translation/apiSchemas'
import { storyBundleSchema } from '@/domain/story/bundleSchema'
import type { paths } from '@/openapi/apiTypes'
import { OPERATIONS } from '@/openapi/operations'

import { up as addFormatVersion } from '../../migrations/20261130_100000_bundle_format_version'

import { createStaff } from '../support/api'
import { createStory, markPublished, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'
import { deleteListeners, deviceId } from '../support/listener'

const ROOT = process.cwd()

let payload: Payload
let server: TestServer
let story: StoryFixture
let doc: Record<string, any>
const listeners: string[] = []

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  story = await createStory(payload)
  // Its Hindi is partial: published as a locale that was live before per-locale publishing.
  await markPublished(payload, story.storyId, ['hi'])
  const res = await fetch(`${server.url}/api/openapi.json`)
  expect(res.status).toBe(200)
  doc = (await res.json()) as Record<string, any>
})

afterAll(async () => {
  await deleteListeners(payload, ...listeners)
  await story?.cleanup()
  await server?.close()
})

describe('GET /api/openapi.json', () => {
  it('should be a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator()
    const result = await validator.validate(structuredClone(doc))
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('should give every operation a unique operationId (client generators need them)', () => {
    const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
    const ops = Object.values(doc.paths).flatMap((item: any) => methods.filter((m) => item[m]).map((m) => item[m]))
    const ids = ops.map((op: any) => op.operationId)
    expect(ids.length).toBeGreaterThan(80)
    expect(ids.filter((id) => typeof id !== 'string')).toEqual([])
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
  })

  it('should describe every custom endpoint with its method', () => {
    const missing = OPERATIONS.filter((op) => !doc.paths[op.path]?.[op.method]).map((op) => `${op.method} ${op.path}`)
    expect(missing).toEqual([])
  })

  it("should describe Payload's generated REST API for every public collection", () => {
    for (const slug of ['stories', 'story-translations', 'characters', 'story-nodes', 'story-choices', 'audio-files', 'media']) {
      expect(doc.paths[`/api/${slug}`]?.get, slug).toBeDefined()
      expect(doc.paths[`/api/${slug}/{id}`]?.get, slug).toBeDefined()
    }
    expect(doc.paths['/api/editors/login']?.post).toBeDefined()
  })

  it('should mark public reads as open to anonymous callers and writes as signed-in only', () => {
    expect(doc.paths['/api/stories'].get.security).toContainEqual({})
    expect(doc.paths['/api/stories'].post.security).toEqual([{ payloadAuth: [] }])
    expect(doc.paths['/api/editors'].get.security).toEqual([{ payloadAuth: [] }])
    expect(doc.paths['/api/stories/{slug}/bundle'].get.security).toEqual([])
    expect(doc.paths['/api/progress/{storySlug}/choose'].post.security).toEqual([{ listenerToken: [] }])
  })

  it('should publish the bundle format with formatVersion and the request schemas of the listener API', () => {
    expect(doc.components.schemas.StoryBundle.required).toEqual(expect.arrayContaining(['formatVersion', 'version', 'nodes', 'startNodeId']))
    expect(doc.components.schemas.StoryBundle.properties.formatVersion.const).toBe(1)
    const choose = doc.paths['/api/progress/{storySlug}/choose'].post
    expect(choose.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/ProgressChooseBody')
    expect(doc.components.schemas.ProgressChooseBody).toMatchObject({ required: ['nodeId', 'choiceKey'], additionalProperties: false })
    expect(choose.responses['409'].content['application/json'].schema.$ref).toBe('#/components/schemas/ProgressMoveError')
  })

  it('should not mount the OAuth login endpoint of payload-oapi', async () => {
    const res = await fetch(`${server.url}/api/openapi-auth`, { method: 'POST', body: new URLSearchParams({ username: 'x', password: 'y' }) })
    expect(res.status).toBe(404)
  })
})

describe('client generated from the document', () => {
  it('should keep the committed client types (src/openapi/apiTypes.ts) current', async () => {
    const types = astToString(await openapiTS(structuredClone(doc) as never))
    await expect(types).toMatchFileSnapshot(path.join(ROOT, 'src/openapi/apiTypes.ts'))
  })

  it('should read a bundle through openapi-fetch and get a document the schema accepts', async () => {
    const client = createClient<paths>({ baseUrl: server.url })
    const { data, error, response } = await client.GET('/api/stories/{slug}/bundle', {
      params: { path: { slug: story.slug }, query: { locale: 'hi' } },
    })
    expect(error).toBeUndefined()
    expect(response.status).toBe(200)
    const bundle = storyBundleSchema.parse(data)
    expect(bundle).toMatchObject({ formatVersion: 1, locale: 'hi', startNodeId: story.nodeIds[0] })
    expect(bundle.nodes[0]!.text).toBe('एक समय की बात है')
  })

  it('should get the typed 400 error body for an unknown locale', async () => {
    const client = createClient<paths>({ baseUrl: server.url })
    const { data, error, response } = await client.GET('/api/stories/{slug}/bundle', {
      params: { path: { slug: story.slug }, query: { locale: 'xx' as never } },
    })
    expect(data).toBeUndefined()
    expect(response.status).toBe(400)
    expect(error?.errors[0]).toMatchObject({ field: 'locale', message: expect.stringContaining('Unknown locale "xx"') })
  })

  it('should sign in, start, advance and choose through the story, and list progress, all through openapi-fetch', async () => {
    const client = createClient<paths>({ baseUrl: server.url })
    const signIn = await client.POST('/api/users/anonymous', { body: { anonymousId: deviceId() } })
    expect(signIn.response.status).toBe(201)
    const { token, user } = signIn.data!
    listeners.push(user.id)
    const auth = { headers: { authorization: `Bearer ${token}` } }
    const storySlug = story.slug
    const [start, pick, endA] = story.nodeIds

    const started = await client.POST('/api/progress/{storySlug}/start', { params: { path: { storySlug } }, body: {}, ...auth })
    expect(started.response.status).toBe(200)
    expect(progressResponseSchema.parse(started.data).progress).toMatchObject({ storySlug, currentNodeId: start, playCount: 1 })

    const advanced = await client.POST('/api/progress/{storySlug}/advance', { params: { path: { storySlug } }, body: { nodeId: start! }, ...auth })
    expect(advanced.data?.progress.currentNodeId).toBe(pick)

    const stale = await client.POST('/api/progress/{storySlug}/advance', { params: { path: { storySlug } }, body: { nodeId: start! }, ...auth })
    expect(stale.response.status).toBe(409)
    expect(stale.error?.errors[0]).toMatchObject({ currentNodeId: pick })

    const chosen = await client.POST('/api/progress/{storySlug}/choose', {
      params: { path: { storySlug } },
      body: { nodeId: pick!, choiceKey: 'A', listenedSec: 12 },
      ...auth,
    })
    expect(chosen.response.status).toBe(200)
    expect(chosen.data?.progress).toMatchObject({ currentNodeId: endA, isCompleted: true, completionPercentage: 100 })

    const list = await client.GET('/api/progress', auth)
    expect(progressListSchema.parse(list.data).docs).toEqual([expect.objectContaining({ storySlug, isCompleted: true })])
  })

  it('should get 400 naming the field for a body the schema refuses', async () => {
    const client = createClient<paths>({ baseUrl: server.url })
    const signIn = await client.POST('/api/users/anonymous', { body: { anonymousId: deviceId() } })
    listeners.push(signIn.data!.user.id)
    const res = await client.POST('/api/progress/{storySlug}/choose', {
      params: { path: { storySlug: story.slug } },
      body: { nodeId: 'not-a-uuid', choiceKey: 'A' },
      headers: { authorization: `Bearer ${signIn.data!.token}` },
    })
    expect(res.response.status).toBe(400)
    expect(res.error?.errors[0]).toMatchObject({ field: 'nodeId' })
  })
})

describe('translation endpoints in the document', () => {
  it('should describe every translation endpoint with its request schema and its error answers', () => {
    const op = (path: string, method: string) => doc.paths[path]?.[method]
    const ops = [
      ['/api/stories/{id}/translation-status', 'get'],
      ['/api/stories/{id}/translation-review', 'post'],
      ['/api/stories/{id}/publication', 'post'],
      ['/api/stories/{id}/translation-history', 'get'],
      ['/api/stories/{id}/translation-export', 'get'],
      ['/api/stories/{id}/translation-import', 'post'],
      ['/api/stories/{id}/machine-draft', 'post'],
      ['/api/translation-dashboard', 'get'],
    ] as const
    for (const [path, method] of ops) {
      const o = op(path, method)
      expect(o, `${method} ${path}`).toBeDefined()
      expect(o.tags).toEqual(['translation'])
      expect(o.security).toEqual([{ payloadAuth: [] }])
      expect(o.responses['200'], `${method} ${path}`).toBeDefined()
      expect(o.responses['403'].content['application/json'].schema.$ref, `${method} ${path}`).toMatch(/^#\/components\/schemas\//)
    }
    const review = op('/api/stories/{id}/translation-review', 'post')
    expect(review.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/ReviewTranslationBody')
    expect(doc.components.schemas.ReviewTranslationBody).toMatchObject({ required: ['locale', 'units'], additionalProperties: false })
    expect(doc.components.schemas.SetLocalePublicationBody.properties.state.enum).toEqual(['draft', 'in_review', 'published'])
    expect(doc.components.schemas.DraftTranslationWithMachineBody.required).toEqual(['locale'])
    const publish = op('/api/stories/{id}/publication', 'post')
    const refused = doc.components.schemas[publish.responses['409'].content['application/json'].schema.$ref.split('/').pop()]
    expect(JSON.stringify(refused)).toContain('LOCALE_NOT_READY')
    const status = op('/api/stories/{id}/translation-status', 'get')
    expect(status.parameters).toContainEqual(expect.objectContaining({ in: 'query', name: 'locale', required: true }))
    expect(status.responses['400'].content['application/json'].schema.$ref).toMatch(/^#\/components\/schemas\//)
    expect(op('/api/stories/{id}/translation-export', 'get').parameters).toContainEqual(
      expect.objectContaining({ in: 'query', name: 'format', required: false, schema: expect.objectContaining({ enum: ['xliff', 'csv'] }) }),
    )
  })

  it('should answer the translation endpoints in their documented shapes, through openapi-fetch', async () => {
    const editor = await createStaff(payload, server.url, 'editor')
    try {
      const client = createClient<paths>({ baseUrl: server.url, headers: { authorization: `JWT ${editor.token}` } })
      const id = story.storyId
      const status = await client.GET('/api/stories/{id}/translation-status', { params: { path: { id }, query: { locale: 'ta' } } })
      expect(status.response.status).toBe(200)
      const body = translationStatusSchema.parse(status.data)
      expect(body.units.length).toBeGreaterThan(3)
      expect(body.counts.missing).toBeGreaterThan(0)

      const withHindi = await client.GET('/api/stories/{id}/translation-status', { params: { path: { id }, query: { locale: 'ta', source: 'hi' } } })
      const shown = translationStatusSchema.parse(withHindi.data).shownSource!
      expect(shown.locale).toBe('hi')
      expect(Object.values(shown.texts)).toContain('एक समय की बात है')
      expect(Object.keys(shown.texts).sort()).toEqual(body.units.map((u) => u.id).sort())

      const badLocale = await client.GET('/api/stories/{id}/translation-status', { params: { path: { id }, query: { locale: 'xx' } } })
      expect(badLocale.response.status).toBe(400)
      expect(errorBodySchema.parse(badLocale.error).errors[0]).toMatchObject({ field: 'locale' })

      const badBody = await client.POST('/api/stories/{id}/translation-review', { params: { path: { id } }, body: { locale: 'ta', units: [] } as never })
      expect(badBody.response.status).toBe(400)
      expect(errorBodySchema.parse(badBody.error).errors[0]).toMatchObject({ field: 'units' })

      const refused = await client.POST('/api/stories/{id}/publication', { params: { path: { id } }, body: { locale: 'ta', state: 'published' } })
      expect(refused.response.status).toBe(409)
      expect(publishRefusedSchema.parse(refused.error).errors[0]!.blockers).toContainEqual(expect.objectContaining({ reason: 'missing' }))

      const review = await client.POST('/api/stories/{id}/publication', { params: { path: { id } }, body: { locale: 'ta', state: 'in_review' } })
      expect(review.response.status).toBe(200)
      expect(publicationResultSchema.parse(review.data)).toEqual({ locale: 'ta', previous: 'draft', state: 'in_review' })
      await client.POST('/api/stories/{id}/publication', { params: { path: { id } }, body: { locale: 'ta', state: 'draft' } })

      const history = await client.GET('/api/stories/{id}/translation-history', { params: { path: { id }, query: { locale: 'ta' } } })
      expect(translationHistorySchema.parse(history.data).events[0]).toMatchObject({ action: 'publication', to: 'draft', by: { id: editor.id } })

      const dashboard = await client.GET('/api/translation-dashboard')
      expect(translationDashboardSchema.parse(dashboard.data).stories.some((s) => s.id === id)).toBe(true)
    } finally {
      await payload.delete({ collection: 'editors', id: editor.id, overrideAccess: true })
    }
  })
})

describe('migration 20261130_100000_bundle_format_version', () => {
  it('should give bundles compiled before formatVersion existed a formatVersion', async () => {
    const pool = (payload.db as unknown as { pool: import('pg').Pool }).pool
    // As compiled before: no formatVersion, and so another content hash.
    await pool.query(
      `UPDATE story_translations SET content_json = content_json - 'formatVersion', version = 'old' || version WHERE story_id = $1`,
      [story.storyId],
    )
    const before = await pool.query(`SELECT count(*)::int AS n FROM story_translations WHERE story_id = $1 AND content_json ? 'formatVersion'`, [story.storyId])
    expect(before.rows[0].n).toBe(0)
    const req = await createLocalReq({}, payload)
    await addFormatVersion({ payload, req, db: payload.db as never } as Parameters<typeof addFormatVersion>[0])
    const after = await pool.query(`SELECT language_code, content_json FROM story_translations WHERE story_id = $1`, [story.storyId])
    expect(after.rows.length).toBeGreaterThan(0)
    for (const row of after.rows) expect(storyBundleSchema.parse(row.content_json).formatVersion, row.language_code).toBe(1)
  })
})

describe('schema.graphql', () => {
  const committed = () => fs.readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8')

  it('should be what npm run generate:graphql prints for the current config', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bk-graphql-')), 'schema.graphql')
    // Exit 13 is Node's ESM loader stall on this stack (scripts/lib/runTypeScript.ts), not the
    // script's doing: a fresh process is the cure, as npm's own runs of scripts do.
    let run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-graphql.ts', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
    for (let attempt = 2; run.status === 13 && attempt <= 3; attempt++) {
      run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-graphql.ts', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
    }
    expect(run.status, run.stderr).toBe(0)
    // On failure: npm run generate:graphql, review the diff and commit schema.graphql.
    expect(fs.readFileSync(out, 'utf8')).toBe(committed())
  })

  it('should be the schema the server answers introspection with', async () => {
    const res = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: getIntrospectionQuery({ specifiedByUrl: true, directiveIsRepeatable: true }) }),
    })
    const body = (await res.json()) as { data: Parameters<typeof buildClientSchema>[0] }
    const served = printSchema(lexicographicSortSchema(buildClientSchema(body.data)))
    expect(served).toBe(printSchema(lexicographicSortSchema(buildSchema(committed()))))
  })
})
