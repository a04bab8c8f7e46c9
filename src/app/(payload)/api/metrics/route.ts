import config from '@payload-config'
import { getPayload } from 'payload'

import { metricsResponse } from '@/endpoints/metrics'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return metricsResponse(await getPayload({ config, cron: true }), request)
}
