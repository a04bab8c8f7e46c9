import type { DataFromCollectionSlug, PayloadRequest, SelectType } from 'payload'

import { isUuid } from '@/domain/http/uuid'
import { error } from '@/http/response'
import { SLUGS } from '@/slugs'

type AudioFile = DataFromCollectionSlug<'audio-files'>

export const audioFileNotFound = (): Response => error(404, 'Not Found')

/**
 * The audio file named by the route's `:id`, as the requester may read it (the collection's read
 * access: the public sees audio of active stories only), with just the fields asked for; null for
 * a malformed id, an unknown one, or one the requester may not read (answer 404 in every case, so
 * a hidden file looks like a missing one). Shared by `/:id/play` and `/:id/cues.vtt`.
 */
export async function readableAudioFile<S extends SelectType>(req: PayloadRequest, select: S): Promise<(Partial<AudioFile> & { id: string }) | null> {
  const id = String(req.routeParams?.id ?? '')
  if (!isUuid(id)) return null
  const { docs } = await req.payload.find({
    collection: SLUGS.audioFiles,
    where: { id: { equals: id } },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
    req,
    select,
  })
  return (docs[0] as (Partial<AudioFile> & { id: string }) | undefined) ?? null
}
