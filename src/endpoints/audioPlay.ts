import type { Endpoint, PayloadRequest } from 'payload'

import { audioStore } from '@/storage/objectStore'
import { primaryPool } from '@/db/postgres'
import { SLUGS } from '@/slugs'
import { settings } from '@/settings'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Seconds a signed URL stays valid (private bucket). */
function signedUrlSeconds(): number {
  return settings().audio.signedUrlSeconds
}

const notFound = () => Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })

/**
 * `GET /api/audio-files/:id/play`: counts the play and redirects (302) to the audio object: the
 * CDN URL when S3_PUBLIC_URL is set, else a time-limited signed URL. Readable to the public only
 * for audio of an active story (the collection's read access; others get 404). The count is one
 * atomic `UPDATE … SET access_count = access_count + 1`, so concurrent plays never lose one.
 */
export const playAudioEndpoint: Endpoint = {
  path: '/:id/play',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const id = String(req.routeParams?.id ?? '')
    if (!UUID.test(id)) return notFound()
    const { docs } = await req.payload.find({
      collection: SLUGS.audioFiles,
      where: { id: { equals: id } },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: false,
      req,
      select: { r2Url: true },
    })
    if (!docs[0]) return notFound()
    const { rows } = await primaryPool(req.payload).query<{ key: string }>(
      'UPDATE audio_files SET access_count = COALESCE(access_count, 0) + 1, accessed_at = now() WHERE id = $1 RETURNING r2_url AS key',
      [id],
    )
    const key = rows[0]?.key
    if (!key) return notFound()
    const location = await objectUrl(key)
    // no-store: every play comes back here to be counted; the object itself is cached forever.
    return new Response(null, { status: 302, headers: { location, 'cache-control': 'no-store' } })
  },
}

async function objectUrl(key: string): Promise<string> {
  if (/^https?:\/\//.test(key)) return key
  const store = audioStore()
  if (store.settings.publicUrl) return `${store.settings.publicUrl}/${key}`
  return store.signedUrl(key, signedUrlSeconds())
}
