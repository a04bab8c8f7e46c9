import { metrics } from '@/observability/metrics'
import type { Payload } from 'payload'

import { storedIp } from '@/domain/listener/clientIp'
import type { BatchIssue, ValidEvent } from '@/domain/listener/analyticsBatch'
import { primaryPool } from '@/db/postgres'

import { storyBundles } from '@/listener/bundles'
import { listenerSettings } from '@/listener/config'
import { settings } from '@/settings'

export const MAX_USER_AGENT = 512

type Resolved = { storyId: string | null; nodeId: string | null }

/**
 * Resolves story slugs to ids and checks that each node belongs to its story (through the bundle
 * cache: usually no query, and at most one for the whole batch). Unknown stories or nodes are
 * problems of the item, reported by index.
 */
export async function resolveReferences(payload: Payload, events: ValidEvent[]): Promise<{ resolved: Resolved[]; issues: BatchIssue[] }> {
  const stories = await storyBundles(payload, events.map((e) => e.storySlug).filter((s): s is string => s !== null))
  const issues: BatchIssue[] = []
  const resolved = events.map((e, index) => {
    if (!e.storySlug) return { storyId: null, nodeId: null }
    const story = stories.get(e.storySlug)
    if (!story || !story.published) {
      issues.push({ index, field: 'storySlug', message: `there is no active story "${e.storySlug}"` })
      return { storyId: null, nodeId: null }
    }
    if (e.nodeId && !story.nodeIds.has(e.nodeId)) {
      issues.push({ index, field: 'nodeId', message: `node ${e.nodeId} is not part of story "${e.storySlug}"` })
    }
    return { storyId: story.bundle.story.id, nodeId: e.nodeId }
  })
  return { resolved, issues }
}

export type IngestResult = { ok: true; accepted: number } | { ok: false; reason: 'no-listener' | 'content-changed' }

const NO_PARTITION = '23514'

/**
 * Writes a validated batch with ONE multi-row INSERT (unnest of column arrays: one statement, one
 * round trip, any batch size). The listener's foreign key makes the insert fail when the listener
 * was deleted. When a month has no partition yet (the maintenance job has not run), the
 * partitions are created and the insert is retried once.
 */
export async function insertEvents(
  payload: Payload,
  userId: string,
  events: ValidEvent[],
  resolved: Resolved[],
  ip: string | null,
  userAgent: string | null,
): Promise<IngestResult> {
  const params = [
    userId,
    storedIp(ip, listenerSettings().ipMode),
    userAgent ? userAgent.slice(0, MAX_USER_AGENT) : null,
    resolved.map((r) => r.storyId),
    resolved.map((r) => r.nodeId),
    events.map((e) => e.type),
    events.map((e) => JSON.stringify(e.data)),
    events.map((e) => e.sessionId),
    events.map((e) => e.at.toISOString()),
  ]
  const insert = () =>
    primaryPool(payload).query(
      `INSERT INTO analytics_events (user_id, ip_address, user_agent, story_id, node_id, event_type, event_data, session_id, created_at, updated_at)
       SELECT $1::uuid, $2::inet, $3, u.story_id, u.node_id, u.event_type::enum_analytics_events_event_type, u.event_data, u.session_id, u.at, u.at
         FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::jsonb[], $8::text[], $9::timestamptz[])
           AS u(story_id, node_id, event_type, event_data, session_id, at)`,
      params,
    )
  try {
    try {
      await insert()
    } catch (err) {
      if ((err as { code?: string }).code !== NO_PARTITION || !/partition/i.test(String((err as Error).message))) throw err
      payload.logger.warn({ msg: 'analytics: no partition for some events; creating partitions and retrying' })
      await ensureAnalyticsPartitions(payload, events.map((e) => e.at))
      await insert()
    }
  } catch (err) {
    const e = err as { code?: string; constraint?: string }
    if (e.code === '23503' && e.constraint?.includes('user_id')) return { ok: false, reason: 'no-listener' }
    if (e.code === '23503') return { ok: false, reason: 'content-changed' }
    throw err
  }
  metrics().analyticsIngested.inc(events.length)
  return { ok: true, accepted: events.length }
}

/**
 * Creates the monthly partitions of analytics_events for the months of `dates` plus the current
 * and next month (idempotent; the SQL function is defined by the listener_api migration).
 */
export async function ensureAnalyticsPartitions(payload: Payload, dates: Date[] = []): Promise<void> {
  const months = new Set(dates.map((d) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01T00:00:00Z`))
  const pool = primaryPool(payload)
  for (const month of months) await pool.query('SELECT analytics_events_ensure_partition($1::timestamptz)', [month])
  await pool.query('SELECT create_monthly_partition()')
}

const MAINTENANCE_EVERY_MS = 6 * 3600 * 1000
const g = globalThis as typeof globalThis & { __bkPartitionTimer?: NodeJS.Timeout }

/**
 * The partition job: shortly after start and every 6 hours each server process makes sure this month's and
 * next month's partitions exist, so they are there well before the first event of a month.
 */
export function startAnalyticsPartitionJob(payload: Payload): void {
  if (g.__bkPartitionTimer || !settings().database.url) return
  const run = () =>
    ensureAnalyticsPartitions(payload).catch((err: unknown) => payload.logger.error({ err, msg: 'analytics partition maintenance failed' }))
  // First run shortly after start (a test or CLI may still be applying migrations at onInit).
  setTimeout(run, 5_000).unref()
  g.__bkPartitionTimer = setInterval(run, MAINTENANCE_EVERY_MS)
  g.__bkPartitionTimer.unref()
}
