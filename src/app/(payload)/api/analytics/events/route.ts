import config from '@payload-config'
import { getPayload } from 'payload'

import { analyticsIngestResponse } from '@/endpoints/analyticsEvents'

export async function POST(request: Request) {
  const payload = await getPayload({ config, cron: true })
  return analyticsIngestResponse(payload, request)
}
