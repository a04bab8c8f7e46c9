import type { Endpoint } from 'payload'

import { hasRole } from '@/access/roles'

import { errorResponse, failed, json } from '@/listener/http'
import { listenerDashboard } from '@/listener/dashboard'

/** `GET /api/analytics-events/dashboard?days=30`: the admin dashboard's aggregates (admins only). */
export const analyticsDashboardEndpoint: Endpoint = {
  path: '/dashboard',
  method: 'get',
  handler: async (req) => {
    if (!hasRole(req, 'admin')) return errorResponse(403, 'Only admins can see the listener dashboard.')
    const days = Number(new URL(req.url ?? 'http://x/').searchParams.get('days') ?? 30)
    if (!Number.isInteger(days) || days < 1 || days > 366) return errorResponse(400, 'days must be a whole number from 1 to 366.', { field: 'days' })
    try {
      return json(200, await listenerDashboard(req.payload, days))
    } catch (err) {
      return failed(req.payload, err, 'listener dashboard failed')
    }
  },
}
