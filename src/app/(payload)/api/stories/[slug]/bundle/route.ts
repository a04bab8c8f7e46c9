import config from '@payload-config'
import { getPayload } from 'payload'

import { storyBundleResponse } from '@/endpoints/storyBundle'

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const payload = await getPayload({ config, cron: true })
  return storyBundleResponse(payload, request, (await params).slug)
}
