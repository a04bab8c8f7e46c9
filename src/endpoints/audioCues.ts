import type { Endpoint, PayloadRequest } from 'payload'

import { toWebVtt, type Cue } from '@/domain/audio/cues'
import { SLUGS } from '@/slugs'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const notFound = () => Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })

/**
 * `GET /api/audio-files/:id/cues.vtt`: the file's read-along cues (one per sentence) as WebVTT,
 * for `<track kind="captions">` or any player. Same visibility as the audio (the collection's read
 * access: public only for an active story; others get 404). Immutable per row content, so cacheable
 * for a short while.
 */
export const audioCuesEndpoint: Endpoint = {
  path: '/:id/cues.vtt',
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
      select: { cues: true },
    })
    const row = docs[0]
    if (!row) return notFound()
    const cues = Array.isArray(row.cues) ? (row.cues as Cue[]) : []
    return new Response(toWebVtt(cues), { status: 200, headers: { 'content-type': 'text/vtt; charset=utf-8', 'cache-control': 'public, max-age=60' } })
  },
}
