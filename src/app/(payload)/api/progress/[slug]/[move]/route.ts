import config from '@payload-config'
import { getPayload } from 'payload'

import { progressMoveResponse } from '@/endpoints/progress'

export async function POST(request: Request, { params }: { params: Promise<{ slug: string; move: string }> }) {
  const payload = await getPayload({ config, cron: true })
  const { slug, move } = await params
  return progressMoveResponse(payload, request, slug, move)
}
