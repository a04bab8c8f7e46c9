import config from '@payload-config'
import { getPayload } from 'payload'

import { progressListResponse } from '@/endpoints/progress'

export async function GET(request: Request) {
  const payload = await getPayload({ config, cron: true })
  return progressListResponse(payload, request)
}
