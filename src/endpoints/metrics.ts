import type { Payload } from 'payload'

import { timingSafeEqual } from 'node:crypto'

import { hasRole } from '@/access/roles'
import { error } from '@/http/response'
import { scrapeMetrics } from '@/observability/clusterMetrics'
import { settings } from '@/settings'

function bearerMatches(header: string | null, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false
  const given = Buffer.from(header.slice('Bearer '.length))
  const wanted = Buffer.from(token)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

/**
 * `GET /api/metrics`: Prometheus text format for this machine's app processes. Only for a scraper
 * holding `METRICS_TOKEN` (`Authorization: Bearer …`) or a signed-in staff member; 401 otherwise.
 */
export async function metricsResponse(payload: Payload, request: Request): Promise<Response> {
  let allowed = bearerMatches(request.headers.get('authorization'), settings().metrics.token)
  if (!allowed) {
    const { user } = await payload.auth({ headers: request.headers })
    allowed = hasRole({ user }, 'admin', 'editor', 'translator')
  }
  if (!allowed) {
    return error(401, 'Metrics need METRICS_TOKEN (Authorization: Bearer …) or a staff sign-in.', {}, { 'www-authenticate': 'Bearer' })
  }
  const { text, contentType } = await scrapeMetrics()
  return new Response(text, { status: 200, headers: { 'content-type': contentType, 'cache-control': 'no-store' } })
}
