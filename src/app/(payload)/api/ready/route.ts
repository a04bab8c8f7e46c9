import config from '@payload-config'
import { getPayload } from 'payload'

import { readinessResponse } from '@/endpoints/readiness'

export const dynamic = 'force-dynamic'

export async function GET() {
  return readinessResponse(await getPayload({ config, cron: true }))
}
