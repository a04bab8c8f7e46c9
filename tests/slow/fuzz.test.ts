/**
 * Hardening #10 hole 10, property-based: generated bodies, query strings, headers and path values
 * (fast-check, fixed seed) against every custom endpoint and create/update of every collection,
 * as anonymous, listener, translator, editor and admin, through real HTTP. Properties:
 *   - no response is >= 500;
 *   - a 4xx leaves every table as it was (row count and newest updated_at per table);
 *   - a 400 names the field (or parameter) it is about.
 * FUZZ_RUNS (default 10,000 in total) and FUZZ_SEED override the defaults.
 */
import type { Payload } from 'payload'

import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, type Staff } from '../support/api'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'
import { signIn, sql, type Listener } from '../support/listener'

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS || 10_000)
const SEED = Number(process.env.FUZZ_SEED || 20261130)

let payload: Payload
let server: TestServer
let listener: Listener
let staff: Record<'admin' | 'editor' | 'translator', Staff>
let story: StoryFixture
let startedAt: Date
let stateQuery = ''

const stats = { requests: 0, byStatus: new Map<number, number>(), byTarget: new Map<string, number>() }
const failures: string[] = []

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  startedAt = new Date()
  listener = await signIn(server.url)
  const [admin, editor, translator] = await Promise.all([
    createStaff(payload, server.url, 'admin'),
    createStaff(payload, server.url, 'editor'),
    createStaff(payload, server.url, 'translator', ['hi']),
  ])
  staff = { admin: admin!, editor: editor!, translator: translator! }
  story = await createStory(payload)
  // One query for the state of every table: row count and newest updated_at.
  const tables = await sql<{ name: string; updated: boolean }>(
    payload,
    `SELECT c.relname AS name, EXISTS (SELECT 1 FROM information_schema.columns col WHERE col.table_name = c.relname AND col.column_name = 'updated_at') AS updated
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname NOT IN ('payload_migrations', 'rate_limits')`,
  )
  stateQuery = `SELECT ${tables
    .map((t) => `(SELECT count(*)::text${t.updated ? ` || '/' || coalesce(max(updated_at)::text, '')` : ''} FROM "${t.name}") AS "${t.name}"`)
    .join(', ')}`
}, 180_000)

afterAll(async () => {
  console.log(
    `[fuzz] seed ${SEED}: ${stats.requests} requests; statuses ${JSON.stringify(Object.fromEntries([...stats.byStatus].sort()))}; per target ${JSON.stringify(Object.fromEntries(stats.byTarget))}`,
  )
  if (!payload) return
  // Everything the generated requests created since the start (they run against this suite's own database).
  for (const table of ['bookmarks', 'user_progress', 'story_choices', 'story_nodes', 'characters', 'stories', 'users', 'editors', 'media', 'audio_files']) {
    await sql(payload, `DELETE FROM "${table}" WHERE created_at >= $1`, [startedAt]).catch(() => undefined)
  }
  await sql(payload, `DELETE FROM analytics_events WHERE created_at >= $1`, [startedAt]).catch(() => undefined)
  await server?.close()
})

const tableState = async (): Promise<Record<string, string>> => (await sql<Record<string, string>>(payload, stateQuery))[0]!

/** Does an error body name what it is about? */
function namesField(body: unknown): boolean {
  const text = JSON.stringify(body ?? '')
  const errors = (body as { errors?: { field?: string; message?: string; data?: { errors?: { path?: string }[] } | { path?: string }[] }[] } | null)?.errors
  if (Array.isArray(errors) && errors.length) {
    return errors.every(
      (e) =>
        // GraphQL's own errors point into the query (locations / path): that is its field.
        Array.isArray((e as { locations?: unknown }).locations) ||
        Array.isArray((e as { path?: unknown }).path) ||
        typeof (e as { extensions?: { field?: unknown } }).extensions?.field === 'string' ||
        (typeof e.field === 'string' && e.field.length > 0) ||
        (!Array.isArray(e.data) && Array.isArray(e.data?.errors) && e.data.errors.every((d) => typeof d.path === 'string' && d.path.length > 0)) ||
        (Array.isArray(e.data) && e.data.length > 0 && e.data.every((d) => typeof d.path === 'string')) ||
        /^[\w.[\]-]+( [\w-]+)?: /.test(e.message ?? '') ||
        /field is invalid: \S+|fields are invalid: \S+/.test(e.message ?? ''),
    )
  }
  return /"field":"[^"]+"|"path":"[^"]+"/.test(text)
}

type Who = 'anonymous' | 'listener' | 'admin' | 'editor' | 'translator'
type Probe = { target: string; method: string; path: string; query: string; headers: Record<string, string>; body?: string | Uint8Array; who: Who }

function authHeaders(who: Who): Record<string, string> {
  if (who === 'anonymous') return {}
  if (who === 'listener') return { authorization: `Bearer ${listener.token}` }
  return { authorization: `JWT ${staff[who].token}` }
}

async function send(probe: Probe): Promise<void> {
  const before = await tableState()
  const url = `${server.url}${probe.path}${probe.query ? `?${probe.query}` : ''}`
  let status = 0
  let text = ''
  try {
    const res = await fetch(url, {
      method: probe.method,
      headers: { ...authHeaders(probe.who), ...probe.headers },
      body: probe.method === 'GET' || probe.method === 'HEAD' ? undefined : (probe.body as BodyInit | undefined),
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    })
    status = res.status
    text = await res.text()
  } catch (err) {
    failures.push(`${probe.method} ${url} (${probe.who}): request failed: ${(err as Error).message}`)
    return
  }
  stats.requests++
  stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1)
  stats.byTarget.set(probe.target, (stats.byTarget.get(probe.target) ?? 0) + 1)
  const describe = () => `${probe.method} ${url} (${probe.who}) body=${typeof probe.body === 'string' ? probe.body.slice(0, 200) : probe.body ? `<${probe.body.length} bytes>` : ''} -> ${status} ${text.slice(0, 300)}`
  if (status >= 500) {
    failures.push(`5xx: ${describe()}`)
    return
  }
  if (status >= 400) {
    const after = await tableState()
    const changed = Object.keys(after).filter((t) => after[t] !== before[t])
    // Listener sign-ins bump users.last_active at most once a minute even when a later check fails.
    if (changed.length) failures.push(`partial write (${changed.join(', ')}): ${describe()}`)
    if (status === 400) {
      let body: unknown = null
      try {
        body = JSON.parse(text)
      } catch {
        body = text
      }
      if (!namesField(body)) failures.push(`400 without a field: ${describe()}`)
    }
  }
}

// ---------- generators ----------

/** encodeURIComponent, except that a lone surrogate becomes the bytes of one (invalid UTF-8 on purpose). */
const enc = (s: string): string => {
  try {
    return encodeURIComponent(s)
  } catch {
    return '%ED%A0%80'
  }
}

const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\uD800', '\uDFFF', '%00', '%FF', '../../etc/passwd', "'; DROP TABLE stories; --", 'null', 'true', '1e309', '-0', 'NaN', '𝕳𝖎', 'नमस्ते', 'x'.repeat(5000)),
  fc.uuid(),
)
const nastyNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, 101))
const leaf = fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null))
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(nastyString, tie('v'), { maxKeys: 4 })),
})).v
const deepJson = fc.integer({ min: 50, max: 5000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n))

function objectFor(keys: string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(keys.length ? fc.oneof(fc.constantFrom(...keys), nastyString) : nastyString, fc.oneof(value, leaf), { maxKeys: 6 })
}

/** Raw body text or bytes: JSON objects with the target's keys, other JSON, broken JSON, invalid UTF-8. */
function bodyFor(keys: string[]): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    { weight: 6, arbitrary: objectFor(keys).map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":', '[]', '101', '"x"', 'null', 'true', '{"__proto__":{"x":1}}', '{"a":1}{"b":2}') },
    { weight: 1, arbitrary: deepJson },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, ...b, 0x22, 0x7d])) },
  )
}

const operator = fc.constantFrom('equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'greater_than', 'less_than', 'like', 'contains', 'near', 'within', 'intersects', 'bogus')
function queryFor(fields: string[]): fc.Arbitrary<string> {
  const param = fc.oneof(
    fc.tuple(fc.constantFrom(...fields, 'id', 'and', 'or', '__proto__'), operator, nastyString).map(([f, op, v]) => `where[${f}][${op}]=${enc(v)}`),
    fc.tuple(fc.constantFrom('limit', 'page', 'depth', 'locale', 'fallbackLocale', 'sort', 'pagination', 'draft', 'select[title]', 'joins[nodes][limit]', 'age', 'region', 'trash'), fc.oneof(nastyString, nastyNumber.map(String))).map(
      ([k, v]) => `${k}=${enc(String(v))}`,
    ),
    fc.constantFrom('where=1', 'where[=x', 'limit[]=1', '%ZZ=1', 'locale=hi-mixed', 'locale=all', 'depth=1', 'limit=5'),
  )
  return fc.array(param, { maxLength: 4 }).map((ps) => ps.join('&'))
}

const headersArb = fc.record(
  {
    'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''),
    'accept-encoding': fc.constantFrom('gzip, deflate', 'br', 'gzip;q=0, br;q=bogus', '*'),
    'if-none-match': fc.oneof(nastyString.filter((s) => /^[\x20-\x7e]*$/.test(s)), fc.constant('*')),
    'x-forwarded-for': fc.constantFrom('x', '1.2.3.4', '::1, 10.0.0.1', '999.1.1.1', 'unknown, , ,'),
    cookie: fc.constantFrom('payload-token=garbage', 'a=b', ''),
    'accept-language': fc.constantFrom('hi', 'xx-YY', '*;q=0'),
  },
  { requiredKeys: ['content-type'] },
)
const whoArb = fc.constantFrom<Who>('anonymous', 'listener', 'translator', 'editor', 'admin')
const slugArb = () => fc.oneof(fc.constant(story.slug), nastyString.map((s) => enc(s)), fc.constantFrom('%00', '%FF', 'a%2Fb', 'clever-crow'))
const idArb = (ids: () => string[]) => fc.oneof(fc.constantFrom(...ids()), fc.uuid(), nastyString.map((s) => enc(s)))

type Target = { name: string; weight: number; probe: () => fc.Arbitrary<Probe> }

const fieldNames = (slug: string): string[] => {
  const names: string[] = []
  const walk = (fields: { name?: string; fields?: unknown[]; type: string }[]) => {
    for (const f of fields) {
      if (f.name) names.push(f.name)
      if (Array.isArray(f.fields)) walk(f.fields as never)
    }
  }
  walk(payload.collections[slug as 'stories'].config.fields as never)
  return names
}

function collectionTargets(): Target[] {
  const slugs = ['stories', 'characters', 'story-nodes', 'story-choices', 'story-translations', 'audio-files', 'users', 'user-progress', 'bookmarks', 'analytics-events', 'editors', 'media']
  const idsOf: Record<string, () => string[]> = {
    stories: () => [story.storyId],
    characters: () => [story.characterId],
    'story-nodes': () => story.nodeIds,
    'story-choices': () => story.choiceIds,
    users: () => [listener.id],
    editors: () => [staff.editor.id, staff.translator.id],
  }
  return slugs.flatMap((slug) => {
    const keys = fieldNames(slug)
    const ids = idsOf[slug] ?? (() => [story.storyId])
    const common = { headers: headersArb, who: whoArb, query: queryFor(keys) }
    return [
      {
        name: `POST ${slug}`,
        weight: 2,
        probe: () => fc.record({ ...common, body: bodyFor(keys) }).map((r) => ({ target: `POST ${slug}`, method: 'POST', path: `/api/${slug}`, ...r })),
      },
      {
        name: `PATCH ${slug}/:id`,
        weight: 2,
        probe: () =>
          fc.record({ ...common, body: bodyFor(keys), id: idArb(ids) }).map(({ id, ...r }) => ({ target: `PATCH ${slug}/:id`, method: 'PATCH', path: `/api/${slug}/${id}`, ...r })),
      },
      {
        name: `PATCH ${slug}?where`,
        weight: 1,
        probe: () => fc.record({ ...common, body: bodyFor(keys) }).map((r) => ({ target: `PATCH ${slug}?where`, method: 'PATCH', path: `/api/${slug}`, ...r })),
      },
      {
        name: `GET ${slug}`,
        weight: 1,
        probe: () => fc.record({ ...common, id: fc.option(idArb(ids)) }).map(({ id, ...r }) => ({ target: `GET ${slug}`, method: 'GET', path: `/api/${slug}${id ? `/${id}` : ''}`, ...r })),
      },
    ]
  })
}

function endpointTargets(): Target[] {
  const t = (name: string, method: string, path: () => fc.Arbitrary<string>, keys: string[], weight = 2): Target => ({
    name,
    weight,
    probe: () =>
      fc.record({ path: path(), headers: headersArb, who: whoArb, query: queryFor(keys), body: bodyFor(keys) }).map((r) => ({ target: name, method, ...r })),
  })
  const c = (s: string) => () => fc.constant(s)
  return [
    t('POST users/anonymous', 'POST', c('/api/users/anonymous'), ['anonymousId']),
    t('GET users/me', 'GET', c('/api/users/me'), []),
    t('PATCH users/me', 'PATCH', c('/api/users/me'), ['preferences', 'language', 'codeMix', 'autoplay', 'textSize']),
    t('POST progress/:slug/:move', 'POST', () => fc.tuple(slugArb(), fc.constantFrom('start', 'advance', 'choose', 'bogus', '%00')).map(([s, m]) => `/api/progress/${s}/${m}`), ['nodeId', 'choiceKey', 'listenedSec']),
    t('GET progress', 'GET', c('/api/progress'), []),
    t('POST bookmarks/story/:slug', 'POST', () => slugArb().map((s) => `/api/bookmarks/story/${s}`), ['notes']),
    t('DELETE bookmarks/story/:slug', 'DELETE', () => slugArb().map((s) => `/api/bookmarks/story/${s}`), []),
    t('GET bookmarks/mine', 'GET', c('/api/bookmarks/mine'), []),
    t('POST analytics/events', 'POST', c('/api/analytics/events'), ['events', 'type', 'storySlug', 'nodeId', 'data', 'sessionId', 'at'], 4),
    t('GET analytics-events/dashboard', 'GET', c('/api/analytics-events/dashboard'), ['days', 'from', 'to']),
    t('GET stories/:slug/bundle', 'GET', () => slugArb().map((s) => `/api/stories/${s}/bundle`), ['locale']),
    t('GET stories/catalog', 'GET', c('/api/stories/catalog'), ['locale', 'age', 'region', 'page']),
    t('GET stories/:id/validate', 'GET', () => idArb(() => [story.storyId]).map((id) => `/api/stories/${id}/validate`), []),
    t('GET stories/:id/audio-status', 'GET', () => idArb(() => [story.storyId]).map((id) => `/api/stories/${id}/audio-status`), []),
    t('GET audio-files/:id/play', 'GET', () => idArb(() => [story.storyId]).map((id) => `/api/audio-files/${id}/play`), []),
    t('POST graphql', 'POST', c('/api/graphql'), ['query', 'variables', 'operationName']),
    t('POST editors/login', 'POST', c('/api/editors/login'), ['email', 'password']),
    t('POST editors/unlock', 'POST', c('/api/editors/unlock'), ['email']),
    t('POST editors/forgot-password', 'POST', c('/api/editors/forgot-password'), ['email']),
  ]
}

describe('fuzz: generated requests against every endpoint and collection', () => {
  it(`should answer ${TOTAL_RUNS} generated requests without 5xx, partial writes or unnamed 400s`, async () => {
    const targets = [...collectionTargets(), ...endpointTargets()]
    const probe = fc.oneof(...targets.map((t) => ({ weight: t.weight, arbitrary: t.probe() })))
    await fc.assert(
      fc.asyncProperty(probe, async (p) => {
        await send(p)
      }),
      { numRuns: TOTAL_RUNS, seed: SEED, endOnFailure: true },
    )
    const unique = [...new Set(failures.map((f) => f.replace(/[0-9a-f-]{36}/g, '<id>').slice(0, 400)))]
    expect(stats.requests).toBeGreaterThanOrEqual(TOTAL_RUNS * 0.99)
    expect(unique.slice(0, 40), `${failures.length} failures (${unique.length} distinct), first ones listed`).toEqual([])
  }, 3_600_000)
})
