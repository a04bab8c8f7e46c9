import type { PayloadRequest } from 'payload'

import { toWebVtt, type Cue } from '@/domain/audio/cues'
import { audioFileNotFound, readableAudioFile } from '@/endpoints/audioFileRead'
import { answeringEndpoint } from '@/http/response'

/**
 * `GET /api/audio-files/:id/cues.vtt`: the file's read-along cues (one per sentence) as WebVTT,
 * for `<track kind="captions">` or any player. Same visibility as the audio (the collection's read
 * access: public only for an active story; others get 404). Cacheable for a short while: by
 * shared caches only when anonymous (a signed-in requester may be reading a draft).
 */
export const audioCuesEndpoint = answeringEndpoint({
  path: '/:id/cues.vtt',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const row = await readableAudioFile(req, { cues: true })
    if (!row) return audioFileNotFound()
    const cues = Array.isArray(row.cues) ? (row.cues as Cue[]) : []
    // Signed in, a requester may read a draft's lines: a shared cache (a CDN in front of the API)
    // must not keep those for the next caller. Anonymous requests only ever see live stories.
    const cacheControl = req.user ? 'private, max-age=60' : 'public, max-age=60'
    return new Response(toWebVtt(cues), { status: 200, headers: { 'content-type': 'text/vtt; charset=utf-8', 'cache-control': cacheControl } })
  },
})
