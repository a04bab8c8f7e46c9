/**
 * Validation of an analytics batch, all of it before anything is written: the answer is either
 * every event, normalised, or every problem with the index of the event it is in.
 */
import { z } from 'zod'

import { checkJsonValue } from '@/domain/input/dataShape'
import { storySlugSchema, uuidSchema } from '@/domain/listener/schemas'

export const MAX_EVENTS_PER_BATCH = 500
/** Serialised size limit of one event's `data`. */
export const MAX_EVENT_DATA_BYTES = 4096
/** Nesting limit of one event's `data`. */
export const MAX_EVENT_DATA_DEPTH = 16
/** Events may be queued offline on a device for this long, and its clock may run this far ahead. */
export const MAX_EVENT_AGE_MS = 30 * 24 * 3600 * 1000
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000

/** The analytics_events.event_type values. */
export const EVENT_TYPES = [
  'page_view',
  'story_start',
  'story_complete',
  'choice_made',
  'audio_play',
  'audio_pause',
  'language_change',
  'bookmark_add',
  'bookmark_remove',
] as const

export type EventType = (typeof EVENT_TYPES)[number]

export type ValidEvent = {
  type: EventType
  storySlug: string | null
  nodeId: string | null
  data: Record<string, unknown>
  sessionId: string
  /** When it happened (the device's `at`, else the server's time of arrival). */
  at: Date
}

export type BatchIssue = { index: number | null; field: string; message: string }

export const analyticsEventSchema = z.strictObject({
  type: z.enum(EVENT_TYPES),
  storySlug: storySlugSchema.optional(),
  nodeId: uuidSchema.optional(),
  data: z
    .record(z.string(), z.unknown())
    .superRefine((d, ctx) => {
      // Depth and NUL first, without recursion: JSON.stringify of a hostile nesting overflows the stack.
      const shape = checkJsonValue(d, '', MAX_EVENT_DATA_DEPTH)
      if (shape) ctx.addIssue({ code: 'custom', message: `data${shape.path ? `.${shape.path}` : ''} ${shape.message}` })
      else if (Buffer.byteLength(JSON.stringify(d)) > MAX_EVENT_DATA_BYTES) ctx.addIssue({ code: 'custom', message: `data must be at most ${MAX_EVENT_DATA_BYTES} bytes of JSON` })
    })
    .optional(),
  sessionId: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'sessionId may only contain letters, digits and "_", ".", ":", "-"'),
  at: z.iso.datetime({ offset: true, message: 'at must be an ISO 8601 date-time with a time zone' }).optional(),
})

const batchSchema = z.strictObject({
  events: z.array(z.unknown()).min(1, 'events must not be empty').max(MAX_EVENTS_PER_BATCH, `at most ${MAX_EVENTS_PER_BATCH} events per batch`),
})

/** The batch as documented (validateBatch checks the events one by one to report every bad index). */
export const analyticsBatchBodySchema = z.strictObject({
  events: z.array(analyticsEventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
})

export function validateBatch(body: unknown, nowMs: number): { ok: true; events: ValidEvent[] } | { ok: false; issues: BatchIssue[] } {
  const batch = batchSchema.safeParse(body)
  if (!batch.success) {
    return { ok: false, issues: batch.error.issues.map((i) => ({ index: null, field: i.path.map(String).join('.') || '(body)', message: i.message })) }
  }
  const issues: BatchIssue[] = []
  const events: ValidEvent[] = []
  batch.data.events.forEach((raw, index) => {
    const parsed = analyticsEventSchema.safeParse(raw)
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ index, field: i.path.map(String).join('.') || '(event)', message: i.message })
      return
    }
    const e = parsed.data
    if (e.nodeId && !e.storySlug) issues.push({ index, field: 'storySlug', message: 'storySlug is required with nodeId' })
    let at = new Date(nowMs)
    if (e.at !== undefined) {
      at = new Date(e.at)
      if (at.getTime() > nowMs + MAX_CLOCK_SKEW_MS) issues.push({ index, field: 'at', message: 'at is in the future' })
      else if (at.getTime() < nowMs - MAX_EVENT_AGE_MS) issues.push({ index, field: 'at', message: 'at is more than 30 days ago' })
    }
    events.push({ type: e.type, storySlug: e.storySlug ?? null, nodeId: e.nodeId ?? null, data: e.data ?? {}, sessionId: e.sessionId, at })
  })
  return issues.length ? { ok: false, issues } : { ok: true, events }
}
