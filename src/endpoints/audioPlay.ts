import type { PayloadRequest } from 'payload'

import { audioStore } from '@/storage/objectStore'
import { primaryPool } from '@/db/postgres'
import { settings } from '@/settings'
import { audioFileNotFound, readableAudioFile } from '@/endpoints/audioFileRead'
import { answeringEndpoint } from '@/http/response'

/** Seconds a signed URL stays valid (private bucket). */
function signedUrlSeconds(): number {
  return settings().audio.signedUrlSeconds
}

/**
 * `GET /api/audio-files/:id/play`: counts the play and redirects (302) to the audio object: the
 * CDN URL when S3_PUBLIC_URL is set, else a time-limited signed URL. Readable to the public only
 * for audio of an active story (the collection's read access; others get 404). The count is one
 * atomic `UPDATE … SET access_count = access_count + 1`, so concurrent plays never lose one.
 */
export const playAudioEndpoint = answeringEndpoint({
  path: '/:id/play',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const file = await readableAudioFile(req, { r2Url: true })
    if (!file) return audioFileNotFound()
    const { rows } = await primaryPool(req.payload).query<{ key: string }>(
      'UPDATE audio_files SET access_count = COALESCE(access_count, 0) + 1, accessed_at = now() WHERE id = $1 RETURNING r2_url AS key',
      [file.id],
    )
    const key = rows[0]?.key
    if (!key) return audioFileNotFound()
    const location = await objectUrl(key)
    // no-store: every play comes back here to be counted; the object itself is cached forever.
    return new Response(null, { status: 302, headers: { location, 'cache-control': 'no-store' } })
  },
})

async function objectUrl(key: string): Promise<string> {
  if (/^https?:\/\//.test(key)) return key
  const store = audioStore()
  if (store.settings.publicUrl) return `${store.settings.publicUrl}/${key}`
  return store.signedUrl(key, signedUrlSeconds())
}
