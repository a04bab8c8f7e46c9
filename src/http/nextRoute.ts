import config from '@payload-config'
import { getPayload } from 'payload'

import { respond, type RouteName } from '@/http/routes'

/**
 * A Next route handler for one entry of the route table (src/http/routes.ts). Every route asks
 * getPayload for crons, so whichever request comes first starts them (the in-server audio worker).
 */
export function nextRoute(name: RouteName) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const [payload, params] = await Promise.all([getPayload({ config, cron: true }), context.params])
    return respond(name, payload, request, params)
  }
}
