import type { Endpoint } from 'payload'

import { hasRole } from '@/access/roles'
import { dashboardQuerySchema, parseQuery } from '@/domain/api/schemas'

import { errorResponse, failed, json } from '@/listener/http'
import { listenerDashboard } from '@/listener/dashboard'

/** `GET /api/analytics-events/dashboard?days=30`: the admin dashboard's aggregates (admins only). */
export const analyticsDashboardEndpoint: Endpoint = {
  path: '/dashboard',
  method: 'get',
  handler: async (req) => {
    if (!hasRole(req, 'admin')) return errorResponse(403, 'Only admins can see the listener dashboard.')
    const query = parseQuery(dashboardQuerySchema, req.url ?? '/')
    if (!query.ok) return json(400, query.body)
    const { days } = query.data
    try {
      return json(200, await listenerDashboard(req.payload, days))
    } catch (err) {
      return failed(req.payload, err, 'listener dashboard failed')
    }
  },
}
