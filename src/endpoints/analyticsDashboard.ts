import { dashboardQuerySchema, parseQuery } from '@/domain/api/schemas'

import { requireRole } from '@/http/requireRole'
import { answeringEndpoint, json } from '@/http/response'
import { listenerDashboard } from '@/listener/dashboard'

/** `GET /api/analytics-events/dashboard?days=30`: the admin dashboard's aggregates (admins only). */
export const analyticsDashboardEndpoint = answeringEndpoint({
  path: '/dashboard',
  method: 'get',
  handler: async (req) => {
    const denied = requireRole(req, ['admin'], { message: 'Only admins can see the listener dashboard.', anonymous: 403 })
    if (denied) return denied
    const query = parseQuery(dashboardQuerySchema, req.url ?? '/')
    if (!query.ok) return json(400, query.body)
    const { days } = query.data
    return json(200, await listenerDashboard(req.payload, days))
  },
})
