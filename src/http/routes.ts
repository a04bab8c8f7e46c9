import type { Payload } from 'payload'

import { analyticsIngestResponse } from '@/endpoints/analyticsEvents'
import { metricsResponse } from '@/endpoints/metrics'
import { progressListResponse, progressMoveResponse } from '@/endpoints/progress'
import { readinessResponse } from '@/endpoints/readiness'
import { storyBundleResponse } from '@/endpoints/storyBundle'
import { storyCatalogResponse } from '@/endpoints/storyCatalog'
import { answering } from '@/http/response'

export type RouteParams = Record<string, string>

export type CustomRoute = {
  method: 'GET' | 'POST'
  /** Under the app's origin, `:name` for a path segment (decoded), e.g. `/api/stories/:slug/bundle`. */
  path: string
  respond: (payload: Payload, request: Request, params: RouteParams) => Promise<Response>
}

/**
 * The app's own routes outside Payload's REST (the delivery and listener paths that skip Payload's
 * request handling, readiness, metrics), declared once: each Next `route.ts` under
 * src/app/(payload)/api mounts its entry with `nextRoute()`, and the integration tests' HTTP server
 * (tests/support/httpServer.ts) routes by the same table. GraphQL and Payload's REST are Payload's.
 */
export const CUSTOM_ROUTES = {
  storyBundle: { method: 'GET', path: '/api/stories/:slug/bundle', respond: (payload, request, { slug }) => storyBundleResponse(payload, request, slug!) },
  storyCatalog: { method: 'GET', path: '/api/stories/catalog', respond: storyCatalogResponse },
  analyticsEvents: { method: 'POST', path: '/api/analytics/events', respond: analyticsIngestResponse },
  progressList: { method: 'GET', path: '/api/progress', respond: progressListResponse },
  progressMove: { method: 'POST', path: '/api/progress/:slug/:move', respond: (payload, request, { slug, move }) => progressMoveResponse(payload, request, slug!, move!) },
  ready: { method: 'GET', path: '/api/ready', respond: (payload) => readinessResponse(payload) },
  metrics: { method: 'GET', path: '/api/metrics', respond: metricsResponse },
} satisfies Record<string, CustomRoute>

export type RouteName = keyof typeof CUSTOM_ROUTES

/** The answer of a route, with an unexpected error turned into the logged 500. */
export function respond(name: RouteName, payload: Payload, request: Request, params: RouteParams): Promise<Response> {
  const route: CustomRoute = CUSTOM_ROUTES[name]
  return answering(payload, `${route.method} ${route.path}`, () => route.respond(payload, request, params))
}

/**
 * The route (and its decoded params) a request goes to, or null. Throws URIError for a path whose
 * percent-encoding is not UTF-8 (Next answers 400 for it).
 */
export function matchRoute(method: string, pathname: string): { name: RouteName; params: RouteParams } | null {
  const parts = pathname.split('/')
  for (const [name, route] of Object.entries(CUSTOM_ROUTES) as [RouteName, CustomRoute][]) {
    if (route.method !== method) continue
    const pattern = route.path.split('/')
    if (pattern.length !== parts.length) continue
    const params: RouteParams = {}
    const matches = pattern.every((segment, i) => {
      if (segment.startsWith(':')) {
        if (!parts[i]) return false
        params[segment.slice(1)] = decodeURIComponent(parts[i]!)
        return true
      }
      return segment === parts[i]
    })
    if (matches) return { name, params }
  }
  return null
}
