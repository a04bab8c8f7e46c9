import type { PayloadRequest } from 'payload'

import { toWebVtt, type Cue } from '@/domain/audio/cues'
import { audioFileNotFound, readableAudioFile } from '@/endpoints/audioFileRead'
import { answeringEndpoint } from '@/http/response'

/**
 * `GET /api/audio-files/:id/cues.vtt`: the file's read-along cues (one per sentence) as WebVTT,
 * for `<track kind="captions">` or any player. Same visibility as the audio (the collection's read
 * access: public only for an active story; others get 404). Immutable per row content, so cacheable
 * for a short while.
 */
export const audioCuesEndpoint = answeringEndpoint({
  path: '/:id/cues.vtt',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const row = await readableAudioFile(req, { cues: true })
    if (!row) return audioFileNotFound()
    const cues = Array.isArray(row.cues) ? (row.cues as Cue[]) : []
    return new Response(toWebVtt(cues), { status: 200, headers: { 'content-type': 'text/vtt; charset=utf-8', 'cache-control': 'public, max-age=60' } })
  },
})
