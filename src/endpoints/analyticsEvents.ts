import type { Payload } from 'payload'

import { type BatchIssue, validateBatch } from '@/domain/listener/analyticsBatch'

import { insertEvents, resolveReferences } from '@/listener/analytics'
import { readJsonBody } from '@/http/body'
import { error, json } from '@/http/response'
import { addressKey, limited, listenerIdOf, requestIp, unauthorized } from '@/listener/http'
import { touchLastActive } from '@/listener/identity'

/** 500 events of at most 4 KB data each, plus envelope. */
const MAX_BODY_BYTES = 1024 * 1024

const badBatch = (issues: BatchIssue[]) =>
  json(400, {
    errors: issues.map((i) => ({
      message: `${i.index === null ? '' : `events.${i.index}.`}${i.field}: ${i.message}`,
      ...(i.index === null ? {} : { index: i.index }),
      field: i.field,
    })),
    invalidIndexes: [...new Set(issues.map((i) => i.index).filter((i): i is number => i !== null))],
  })

/**
 * `POST /api/analytics/events {events: [...]}`: validates the whole batch (400 listing every bad
 * item by index, nothing written), then writes it with one INSERT. The address and user agent
 * come from the request, never from the body. A plain route handler: the listener comes from its
 * signed token without a database read. An unexpected error is the logged 500 (503 while the
 * database is away) of the route table's `answering()` (src/http/routes.ts).
 */
export async function analyticsIngestResponse(payload: Payload, request: Request): Promise<Response> {
  const userId = listenerIdOf(request.headers)
  if (!userId) return unauthorized()
  const ip = requestIp(request.headers)
  const tooMany =
    (await limited(payload, 'analyticsPerListener', userId, 'analytics batches from this listener')) ??
    (await limited(payload, 'analyticsPerIp', addressKey(ip), 'analytics batches from this address'))
  if (tooMany) return tooMany
  const body = await readJsonBody(request, MAX_BODY_BYTES)
  if (!body.ok) return body.response
  const batch = validateBatch(body.value, Date.now())
  if (!batch.ok) return badBatch(batch.issues)
  const { resolved, issues } = await resolveReferences(payload, batch.events)
  if (issues.length) return badBatch(issues)
  const result = await insertEvents(payload, userId, batch.events, resolved, ip, request.headers.get('user-agent'))
  if (!result.ok) {
    return result.reason === 'no-listener'
      ? unauthorized('This listener no longer exists. Sign in again.')
      : error(409, 'A story or node of this batch was deleted while it was written; nothing was written. Send it again.')
  }
  touchLastActive(payload, userId)
  return json(202, { accepted: result.accepted })
}
