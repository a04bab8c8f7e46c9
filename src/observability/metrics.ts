import { AsyncLocalStorage } from 'node:async_hooks'

import client from 'prom-client'

/**
 * Prometheus metrics of this process (`GET /api/metrics`, src/endpoints/metrics.ts). The registry,
 * the metrics and the per-request context live on globalThis, so the custom server (loaded by tsx)
 * and the route handlers (bundled by Next) record into the same ones.
 */
/** What the server knows of the request being handled, for labels and read routing. */
export type RequestContext = { route: string; primary?: boolean }

type Metrics = {
  registry: client.Registry
  httpRequests: client.Counter<'route' | 'method' | 'status'>
  httpDuration: client.Histogram<'route' | 'method'>
  bundleCache: client.Counter<'result'>
  dbQueries: client.Counter<'route' | 'target'>
  ttsRequests: client.Counter<'provider'>
  ttsCharacters: client.Counter<'provider'>
  analyticsIngested: client.Counter
  jobsQueued: client.Gauge
  jobsOldestAge: client.Gauge
  requestContext: AsyncLocalStorage<RequestContext>
  jobStats: (() => Promise<{ queued: number; oldestAgeSeconds: number }>) | null
}

const KEY = Symbol.for('bhasha-kahani.metrics')

function create(): Metrics {
  const registry = new client.Registry()
  client.collectDefaultMetrics({ register: registry, prefix: 'bk_' })
  const state: Metrics = {
    registry,
    httpRequests: new client.Counter({ name: 'bk_http_requests_total', help: 'HTTP requests answered, by route template, method and status', labelNames: ['route', 'method', 'status'], registers: [registry] }),
    httpDuration: new client.Histogram({
      name: 'bk_http_request_duration_seconds',
      help: 'Time from request to the end of the response, by route template and method',
      labelNames: ['route', 'method'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    bundleCache: new client.Counter({ name: 'bk_bundle_cache_total', help: 'Bundle cache lookups, by result (hit or miss)', labelNames: ['result'], registers: [registry] }),
    dbQueries: new client.Counter({ name: 'bk_db_queries_total', help: 'SQL statements sent, by route template and server (primary or replica)', labelNames: ['route', 'target'], registers: [registry] }),
    ttsRequests: new client.Counter({ name: 'bk_tts_requests_total', help: 'Text-to-speech provider calls', labelNames: ['provider'], registers: [registry] }),
    ttsCharacters: new client.Counter({ name: 'bk_tts_characters_total', help: 'Characters sent to text-to-speech providers (what is billed)', labelNames: ['provider'], registers: [registry] }),
    analyticsIngested: new client.Counter({ name: 'bk_analytics_events_ingested_total', help: 'Analytics events written', registers: [registry] }),
    jobsQueued: new client.Gauge({
      name: 'bk_jobs_queued',
      help: 'Jobs waiting or running in the Payload jobs queue',
      registers: [registry],
      async collect() {
        const stats = await metrics().jobStats?.().catch(() => null)
        if (stats) {
          this.set(stats.queued)
          metrics().jobsOldestAge.set(stats.oldestAgeSeconds)
        }
      },
    }),
    jobsOldestAge: new client.Gauge({ name: 'bk_jobs_oldest_age_seconds', help: 'Age of the oldest job not completed yet', registers: [registry] }),
    requestContext: new AsyncLocalStorage(),
    jobStats: null,
  }
  return state
}

export function metrics(): Metrics {
  const g = globalThis as { [KEY]?: Metrics }
  return (g[KEY] ??= create())
}

/** The route template of the request being handled (`-` outside a request: jobs, start-up). */
export function currentRoute(): string {
  return metrics().requestContext.getStore()?.route ?? '-'
}

/** Path segments after `/api/<name>/` that are actions, not ids (anything else becomes `:id`). */
const ACTIONS = new Set([
  'bundle', 'catalog', 'validate', 'audio', 'generate', 'status', 'play', 'cues.vtt', 'translation-status', 'studio',
  'me', 'anonymous', 'login', 'logout', 'refresh-token', 'unlock', 'first-register', 'init', 'access', 'count',
  'versions', 'events', 'dashboard', 'start', 'choose', 'advance', 'run', 'queue', 'cancel', 'forgot-password',
  'reset-password', 'verify', 'preference', 'export', 'import', 'publish', 'unpublish',
])

/**
 * A bounded label for a request: API paths become templates (`/api/stories/:id/bundle`), ids and
 * slugs become `:id`, 404s collapse into one label, admin pages and static assets into one each;
 * so label sets cannot grow with what clients send.
 */
export function routeTemplate(rawUrl: string, status: number): string {
  const path = rawUrl.split('?')[0] ?? '/'
  if (path.startsWith('/_next/')) return '/_next/*'
  if (path === '/admin' || path.startsWith('/admin/')) return '/admin/*'
  if (status === 404) return 'unmatched'
  if (!path.startsWith('/api/')) return '/*'
  const parts = path.split('/').filter(Boolean).slice(0, 5)
  return `/${parts.map((p, i) => (i < 2 ? (/^[a-z-]{1,40}$/.test(p) ? p : ':id') : ACTIONS.has(p) ? p : ':id')).join('/')}`
}
