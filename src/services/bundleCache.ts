import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { LRUCache } from 'lru-cache'
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
 *
 * Bounded whatever clients ask for (hardening #10 hole 7): bundles and catalog pages are LRU caches
 * capped by bytes (BUNDLE_CACHE_MAX_BYTES, CATALOG_CACHE_MAX_BYTES); a (slug, locale) without a
 * bundle is remembered in a small cache of its own (count-capped), so unknown slugs never evict
 * real bundles; the catalog caches only filter values that exist and pages up to the last.
 */
export const BUNDLE_CHANNEL = 'bk_bundles'
const DIRTY_TTL_MS = 30_000
const MAX_MISSES = 10_000

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
  entries: LRUCache<string, BundleEntry>
  misses: LRUCache<string, true>
  catalog: LRUCache<string, { value: unknown }>
  dirty: Map<string, number>
  /** When each story last changed (a notification or our own write), for replica-safe refills. */
  changedAt: Map<string, number>
  listener: pg.Client | null
  listening: Promise<void> | null
  shutdownHooked?: boolean
  /**
   * Counts every eviction (a notification, our own write, a lost listener). A read from the
   * database is cached only if its story was not evicted while it ran: one that started before a
   * change and finished after the change's notification holds the old state, and nothing would
   * evict it. Catalog pages hold every story, so any eviction keeps a catalog read out.
   */
  epoch: number
  /** The epoch of each story's last eviction (a change to another story leaves a read cacheable). */
  evictedAt: Map<string, number>
  /** The epoch of the last eviction of everything. */
  clearedAt: number
}

/**
 * Bytes an entry keeps alive, estimated: the JSON string (two bytes a character once it holds
 * Indic text), its UTF-8 bytes and the compressed copies made on demand (about a quarter each).
 */
export const entryBytes = (entry: BundleEntry): number => 2 * entry.json.length + Math.ceil(1.5 * Buffer.byteLength(entry.json)) + 256

const newEntries = () => new LRUCache<string, BundleEntry>({ maxSize: settings().bundles.cacheMaxBytes, sizeCalculation: entryBytes })
const newMisses = () => new LRUCache<string, true>({ max: MAX_MISSES })
const newCatalog = () =>
  new LRUCache<string, { value: unknown }>({
    maxSize: settings().bundles.catalogCacheMaxBytes,
    sizeCalculation: (page, key) => 2 * (JSON.stringify(page.value).length + key.length) + 64,
  })

const g = globalThis as typeof globalThis & { __bkBundleCache?: State }
const state: State = (g.__bkBundleCache ??= {
  entries: newEntries(),
  misses: newMisses(),
  catalog: newCatalog(),
  dirty: new Map(),
  changedAt: new Map(),
  listener: null,
  listening: null,
  epoch: 0,
  evictedAt: new Map(),
  clearedAt: 0,
})
state.epoch ??= 0
state.evictedAt ??= new Map()
state.clearedAt ??= 0

const keyOf = (slug: string, locale: string) => `${slug}\u0000${locale}`

function evict(slug: string): void {
  state.epoch++
  // Bounded: past the cap, forget the per-story epochs and treat it as an eviction of everything.
  if (state.evictedAt.size >= MAX_MISSES) {
    state.evictedAt.clear()
    state.clearedAt = state.epoch
  }
  state.evictedAt.set(slug, state.epoch)
  const prefix = `${slug}\u0000`
  for (const cache of [state.entries, state.misses]) for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key)
  state.catalog.clear()
}

function clearAll(): void {
  state.epoch++
  state.clearedAt = state.epoch
  state.evictedAt.clear()
  state.entries.clear()
  state.misses.clear()
  state.catalog.clear()
}

/** True when `slug`'s cached state may have changed since `epoch` (it, or everything, was evicted). */
function evictedSince(slug: string, epoch: number): boolean {
  return state.clearedAt > epoch || (state.evictedAt.get(slug) ?? 0) > epoch
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

/** A lost LISTEN connection is reopened by the next request, at most this often. */
const RECONNECT_EVERY_MS = 1_000
let lastAttempt = 0
let stopping = false

function listen(payload: Payload): void {
  const url = settings().database.url
  if (state.listening || stopping || !url) return
  if (Date.now() - lastAttempt < RECONNECT_EVERY_MS) return
  lastAttempt = Date.now()
  // TCP keepalive: a connection whose server vanished without a word is noticed, not kept forever.
  const client = new pg.Client({ connectionString: url, keepAlive: true })
  let lost = false
  const onLost = (err?: Error) => {
    if (lost || stopping) return
    lost = true
    payload.logger.warn({ msg: `bundle cache LISTEN connection lost (${err?.message ?? 'closed'}); nothing is cached until it is back` })
    // Without notifications nothing may be served from memory: drop it all, cache nothing meanwhile.
    if (state.listener === client) state.listener = null
    state.listening = null
    clearAll()
    client.end().catch(() => undefined)
  }
  state.listening = (async () => {
    client.on('notification', (msg) => {
      if (msg.channel !== BUNDLE_CHANNEL || !msg.payload) return
      evict(msg.payload)
      state.dirty.delete(msg.payload)
      state.changedAt.set(msg.payload, Date.now())
    })
    client.on('error', onLost)
    client.on('end', () => onLost())
    await client.connect()
    ;(client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.()
    await client.query(`LISTEN ${BUNDLE_CHANNEL}`)
    if (lost) return
    state.listener = client
    // Whatever was cached while nobody listened may have missed a change.
    clearAll()
    if (!state.shutdownHooked) {
      state.shutdownHooked = true
      onShutdown('bundle cache LISTEN connection', async () => {
        stopping = true
        const current = state.listener
        state.listener = null
        await current?.end()
      })
    }
  })().catch((err: unknown) => {
    payload.logger.warn({ msg: `bundle cache LISTEN connection could not be opened (${(err as Error).message}); retrying on a later request` })
    lost = true
    state.listening = null
    client.end().catch(() => undefined)
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

type BundleRow = {
  slug: string
  json: string
  version: string
  active: boolean
  live: boolean
  available: string[] | null
  bundle_url: string | null
}

/** One indexed read (story_translations' unique (story_slug, language_code)) for any number of slugs. */
async function loadEntries(payload: Payload, slugs: string[], locale: string): Promise<Map<string, BundleEntry>> {
  // A locale is live when the story is active and the locale is its source or published.
  const { rows } = await deliveryPool(payload, { fresh: slugs.some((slug) => changedRecently(slug)) }).query<BundleRow>(
    `SELECT st.story_slug AS slug, st.content_json::text AS json, st.version, st.is_published AS active, st.bundle_url,
            st.is_published AND (st.publication_state = 'published' OR st.language_code = s.source_locale::text) AS live,
            (SELECT array_agg(x.language_code ORDER BY x.language_code) FROM story_translations x
              WHERE x.story_id = st.story_id AND x.is_published
                AND (x.publication_state = 'published' OR x.language_code = s.source_locale::text)) AS available
       FROM story_translations st JOIN stories s ON s.id = st.story_id
      WHERE st.story_slug = ANY($1::text[]) AND st.language_code = $2`,
    [slugs, locale],
  )
  return new Map(
    rows.map((row) => [
      row.slug,
      {
        slug: row.slug,
        locale,
        version: row.version,
        published: row.live,
        storyActive: row.active,
        availableLocales: row.available ?? [],
        bundleUrl: row.bundle_url,
        json: row.json,
      },
    ]),
  )
}

/**
 * The compiled bundles of `slugs` in `locale` (null where there is none): from the cache, the
 * rest with ONE query however many there are.
 */
export async function getBundles(payload: Payload, slugs: string[], locale: string): Promise<{ entries: Map<string, BundleEntry | null>; queries: number }> {
  listen(payload)
  const entries = new Map<string, BundleEntry | null>()
  const missing: string[] = []
  const cacheableNow = state.listener !== null
  for (const slug of new Set(slugs)) {
    const key = keyOf(slug, locale)
    const cacheable = cacheableNow && !isDirty(slug)
    const hit = cacheable ? state.entries.get(key) : undefined
    if (hit) entries.set(slug, hit)
    else if (cacheable && state.misses.has(key)) entries.set(slug, null)
    else {
      missing.push(slug)
      continue
    }
    metrics().bundleCache.inc({ result: 'hit' })
  }
  if (missing.length === 0) return { entries, queries: 0 }
  metrics().bundleCache.inc({ result: 'miss' }, missing.length)
  const epoch = state.epoch
  const loaded = await loadEntries(payload, missing, locale)
  for (const slug of missing) {
    const entry = loaded.get(slug) ?? null
    entries.set(slug, entry)
    // Changed while it was read: served once (it is what the database said), never cached.
    if (state.listener === null || isDirty(slug) || evictedSince(slug, epoch)) continue
    if (entry) state.entries.set(keyOf(slug, locale), entry)
    else state.misses.set(keyOf(slug, locale), true)
  }
  return { entries, queries: 1 }
}

/** The compiled bundle of (slug, locale), from the cache or with one indexed read; null when there is none. */
export async function getBundle(payload: Payload, slug: string, locale: string): Promise<{ entry: BundleEntry | null; queries: number }> {
  const { entries, queries } = await getBundles(payload, [slug], locale)
  return { entry: entries.get(slug) ?? null, queries }
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

/**
 * Memoizes a catalog answer until the next change to any story. `load` says whether its value
 * may be cached (a page past the last may not: clients must not grow the cache at will).
 */
export async function cachedCatalog<T>(
  payload: Payload,
  key: string,
  load: () => Promise<{ value: T; queries: number; cache?: boolean }>,
): Promise<{ value: T; queries: number }> {
  listen(payload)
  const cacheable = state.listener !== null && state.dirty.size === 0
  const hit = cacheable ? state.catalog.get(key) : undefined
  if (hit) return { value: hit.value as T, queries: 0 }
  const epoch = state.epoch
  const { value, queries, cache = true } = await load()
  // Not if a change was notified while it loaded (see `epoch`).
  if (cacheable && cache && state.epoch === epoch && state.listener !== null) state.catalog.set(key, { value })
  return { value, queries }
}

/** What the caches of this process hold (for tests and metrics). */
export function bundleCacheStats(): { entries: number; bytes: number; misses: number; catalogEntries: number; catalogBytes: number } {
  return {
    entries: state.entries.size,
    bytes: state.entries.calculatedSize,
    misses: state.misses.size,
    catalogEntries: state.catalog.size,
    catalogBytes: state.catalog.calculatedSize,
  }
}

/** Empties the caches and rereads their limits from settings() (tests change them between cases, then resetSettings()). */
export function resetBundleCaches(): void {
  state.entries = newEntries()
  state.misses = newMisses()
  state.catalog = newCatalog()
}
