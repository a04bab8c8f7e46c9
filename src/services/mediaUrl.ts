import type { PayloadRequest } from 'payload'

import { SLUGS } from '@/slugs'

type MediaRef = string | { id: string; url?: string | null } | null | undefined

/** Public URL of a media document (CDN URL when S3_PUBLIC_URL is set), or null. */
export async function mediaUrl(req: PayloadRequest, ref: MediaRef): Promise<string | null> {
  if (!ref) return null
  if (typeof ref === 'object' && ref.url) return ref.url
  const id = typeof ref === 'object' ? ref.id : ref
  const media = await req.payload.findByID({ collection: SLUGS.media, id, depth: 0, req, disableErrors: true })
  return media?.url ?? null
}
