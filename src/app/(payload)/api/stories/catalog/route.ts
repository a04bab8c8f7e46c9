import config from '@payload-config'
import { getPayload } from 'payload'

import { storyCatalogResponse } from '@/endpoints/storyCatalog'

export async function GET(request: Request) {
  const payload = await getPayload({ config, cron: true })
  return storyCatalogResponse(payload, request)
}
