import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import pg from 'pg'
import zlib from 'node:zlib'

import { type ContentCoding, negotiateEncoding } from '@/domain/http/negotiation'
import { deliveryPool, freshWindowMs } from '@/db/replicas'
import { drizzleFor } from '@/db/postgres'
import { onShutdown } from '@/lifecycle/shutdown'
import { metrics } from '@/observability/metrics'
import { settings } from '@/settings'

/**
 * In-process cache of compiled bundles, kept exact across processes with Postgres LISTEN/NOTIFY:
 * a write notifies inside its transaction, so every process hears it at commit and drops what it
 * holds for that story. In the writing process the story is also marked dirty from the write
 * until the notification arrives, and dirty stories are read from the database and not cached:
 * once a save has returned, no process that heard the commit serves the old bundle, and the
 * writer never does. Until the listener connection is up nothing is cached at all.
 */
export const BUNDLE_CHANNEL = 'bk_bundles'
const DIRTY_TTL_MS = 30_000
const MAX_ENTRIES = 2_000

export type BundleEntry = {
  slug: string
  locale: string
  version: string
  /** The locale is live: the story is active and the locale is its source or published. */
  published: boolean
  /** The story is active (some locale of it may be live). */
  storyActive?: boolean
  /** Locales of the story that are live, for the 404 of one that is not. */
  availableLocales?: string[]
  bundleUrl: string | null
  json: string
  /** UTF-8 bytes of `json`, encoded once (Indic text is 2-3 bytes a character). */
  raw?: Buffer
  gzip?: Buffer
  br?: Buffer
}

type State = {
  entries: Map<string, BundleEntry | null>
  catalog: Map<string, unknown>
  dirty: Map<string, number>
  /** When each story last changed (a notification or our own write), for replica-safe refills. */
  changedAt: Map<string, number>
  listener: pg.Client | null
  listening: Promise<void> | null
  queries: number
}

const g = globalThis as typeof globalThis & { __bkBundleCache?: State }
const state: State = (g.__bkBundleCache ??= {
  entries: new Map(),
  catalog: new Map(),
  dirty: new Map(),
  changedAt: new Map(),
  listener: null,
  listening: null,
  queries: 0,
})

const keyOf = (slug: string, locale: string) => `${slug}\u0000${locale}`

function evict(slug: string): void {
  for (const key of state.entries.keys()) if (key.startsWith(`${slug}\u0000`)) state.entries.delete(key)
  state.catalog.clear()
}

function isDirty(slug: string): boolean {
  const since = state.dirty.get(slug)
  if (since === undefined) return false
  if (Date.now() - since > DIRTY_TTL_MS) {
    state.dirty.delete(slug)
    return false
  }
  return true
}

/**
 * Starts this process's LISTEN connection (Payload's onInit awaits it, so a server caches from its
 * first request). The socket is unref'd: it never keeps a CLI process alive.
 */
export function startBundleListener(payload: Payload): Promise<void> {
  listen(payload)
  return state.listening ?? Promise.resolve()
}

function listen(payload: Payload): void {
  const url = settings().database.url
  if (state.listening || !url) return
  state.listening = (async () => {
    const client = new pg.Client({ connectionString: url })
    client.on('notification', (msg) => {
      if (msg.channel !== BUNDLE_CHANNEL || !msg.payload) return
      evict(msg.payload)
      state.dirty.delete(msg.payload)
      state.changedAt.set(msg.payload, Date.now())
    })
    client.on('error', (err) => {
      payload.logger.error({ err, msg: 'bundle cache listener failed; caching paused until it reconnects' })
      state.listener = null
      state.listening = null
      state.entries.clear()
      state.catalog.clear()
    })
    await client.connect()
    ;(client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.()
    await client.query(`LISTEN ${BUNDLE_CHANNEL}`)
    state.listener = client
    onShutdown('bundle cache LISTEN connection', async () => {
      state.listener = null
      await client.end()
    })
  })().catch((err) => {
    payload.logger.error({ err, msg: 'bundle cache listener could not connect' })
    state.listening = null
  })
}

/** Called by writers (hooks) inside their transaction for every story whose bundles changed. */
export async function notifyBundlesChanged(req: PayloadRequest, slug: string): Promise<void> {
  state.dirty.set(slug, Date.now())
  state.changedAt.set(slug, Date.now())
  evict(slug)
  const db = await drizzleFor(req)
  await db.execute(sql`SELECT pg_notify(${BUNDLE_CHANNEL}, ${slug})`)
}

/**
 * True when `slug` (or, without one, any story) changed within the replica freshness window: a
 * refill then reads the primary, since a replica may not have replayed that commit yet.
 */
export function changedRecently(slug?: string): boolean {
  const window = freshWindowMs()
  const now = Date.now()
  if (slug !== undefined) return now - (state.changedAt.get(slug) ?? 0) < window
  for (const [key, at] of state.changedAt) {
    if (now - at < window) return true
    state.changedAt.delete(key)
  }
  return false
}

/** Total SQL queries the delivery paths issued in this process (for the benchmark). */
export function deliveryQueryCount(): number {
  return state.queries
}

/**
 * The compiled bundle of (slug, locale): from the cache, or with one indexed read
 * (story_translations' unique (story_slug, language_code) index). null when there is no such row.
 */
export async function getBundle(
  payload: Payload,
  slug: string,
  locale: string,
): Promise<{ entry: BundleEntry | null; queries: number }> {
  listen(payload)
  const key = keyOf(slug, locale)
  const cacheable = state.listener !== null && !isDirty(slug)
  if (cacheable && state.entries.has(key)) {
    metrics().bundleCache.inc({ result: 'hit' })
    return { entry: state.entries.get(key)!, queries: 0 }
  }
  metrics().bundleCache.inc({ result: 'miss' })
  state.queries++
  // A locale is live when the story is active and the locale is its source or published.
  const { rows } = await deliveryPool(payload, { fresh: changedRecently(slug) }).query<{
    json: string
    version: string
    active: boolean
    live: boolean
    available: string[] | null
    bundle_url: string | null
  }>(
    `SELECT st.content_json::text AS json, st.version, st.is_published AS active, st.bundle_url,
            st.is_published AND (st.publication_state = 'published' OR st.language_code = s.source_locale::text) AS live,
            (SELECT array_agg(x.language_code ORDER BY x.language_code) FROM story_translations x
              WHERE x.story_id = st.story_id AND x.is_published
                AND (x.publication_state = 'published' OR x.language_code = s.source_locale::text)) AS available
       FROM story_translations st JOIN stories s ON s.id = st.story_id
      WHERE st.story_slug = $1 AND st.language_code = $2`,
    [slug, locale],
  )
  const row = rows[0]
  const entry: BundleEntry | null = row
    ? {
        slug,
        locale,
        version: row.version,
        published: row.live,
        storyActive: row.active,
        availableLocales: row.available ?? [],
        bundleUrl: row.bundle_url,
        json: row.json,
      }
    : null
  if (cacheable && state.listener !== null) {
    if (state.entries.size >= MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value!)
    state.entries.set(key, entry)
  }
  return { entry, queries: 1 }
}

/** The entry's body in the best coding the client accepts (each coding encoded once per version). */
export function encodeBody(entry: BundleEntry, acceptEncoding: string | null): { body: Buffer; coding: ContentCoding } {
  const coding = negotiateEncoding(acceptEncoding)
  if (coding === 'br') {
    entry.br ??= zlib.brotliCompressSync(entry.json, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } })
    return { body: entry.br, coding }
  }
  if (coding === 'gzip') {
    entry.gzip ??= zlib.gzipSync(entry.json, { level: 9 })
    return { body: entry.gzip, coding }
  }
  entry.raw ??= Buffer.from(entry.json)
  return { body: entry.raw, coding }
}

/** Memoizes a catalog page until the next change to any story. */
export async function cachedCatalog<T>(
  payload: Payload,
  key: string,
  load: () => Promise<{ value: T; queries: number }>,
): Promise<{ value: T; queries: number }> {
  listen(payload)
  const cacheable = state.listener !== null && state.dirty.size === 0
  if (cacheable && state.catalog.has(key)) return { value: state.catalog.get(key) as T, queries: 0 }
  const { value, queries } = await load()
  state.queries += queries
  if (cacheable) state.catalog.set(key, value)
  return { value, queries }
}

/** What the caches of this process hold (for tests and metrics). */
export function bundleCacheStats(): { entries: number; bytes: number; catalogEntries: number } {
  let bytes = 0
  for (const entry of state.entries.values()) bytes += entry ? Buffer.byteLength(entry.json) : 0
  return { entries: state.entries.size, bytes, catalogEntries: state.catalog.size }
}

/** Empties the caches (tests change their limits between cases). */
export function resetBundleCaches(): void {
  state.entries.clear()
  state.catalog.clear()
}
