import type { Endpoint, PayloadRequest } from 'payload'

import { audioProvider } from '@/audio/providers/audioProvider'
import { StoryNotFound, enqueueStoryAudio, loadStoryAudio, statusOf } from '@/audio/jobs/storyAudio'
import { parseLocales } from '@/domain/audio/variants'
import { generateAudioBodySchema } from '@/domain/api/schemas'
import { readJsonBody } from '@/http/body'
import { requireRole } from '@/http/requireRole'
import { error, invalid, json } from '@/http/response'
import { LOCALE_CODES } from '@/locales'
import { isUuid } from '@/domain/http/uuid'

async function readBody(req: PayloadRequest): Promise<Record<string, unknown> | Response> {
  const read = await readJsonBody(req)
  if (!read.ok) return read.response
  const body = read.value ?? {}
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : error(400, 'The body must be a JSON object')
}

function storyId(req: PayloadRequest): string | null {
  const id = String(req.routeParams?.id ?? '')
  return isUuid(id) ? id : null
}

function locales(value: string | string[] | undefined) {
  return parseLocales(value, LOCALE_CODES)
}

/**
 * `POST /api/stories/:id/audio` (editors and admins): queue generation of every (node, locale) of
 * the story that is missing, outdated or failed (`{ "locales": ["hi", "ta"] }` to limit it). Answers
 * 202 with what was queued and the story's audio status.
 */
export const generateStoryAudioEndpoint: Endpoint = {
  path: '/:id/audio',
  method: 'post',
  handler: async (req) => {
    const denied = requireRole(req, ['admin', 'editor'], { message: 'Only editors can generate audio' })
    if (denied) return denied
    const id = storyId(req)
    if (!id) return error(404, 'Not Found')
    const raw = await readBody(req)
    if (raw instanceof Response) return raw
    const body = generateAudioBodySchema.safeParse(raw)
    if (!body.success) return invalid(body.error)
    try {
      const result = await enqueueStoryAudio(req.payload, id, { provider: audioProvider(), locales: locales(body.data?.locales) })
      return json(202, result)
    } catch (e) {
      if (e instanceof StoryNotFound) return error(404, 'Not Found')
      if (e instanceof RangeError) return error(400, e.message)
      req.payload.logger.error({ err: e, msg: `Could not queue audio for story ${id}` })
      throw e
    }
  },
}

/**
 * `GET /api/stories/:id/audio-status[?locales=hi,ta]` (staff): per locale, how many nodes are done,
 * queued, failed, missing (and outdated, without text of their own), characters still to voice and
 * the estimated Bulbul cost.
 */
export const storyAudioStatusEndpoint: Endpoint = {
  path: '/:id/audio-status',
  method: 'get',
  handler: async (req) => {
    const denied = requireRole(req, ['admin', 'editor', 'translator'], { message: 'Only staff can see audio status' })
    if (denied) return denied
    const id = storyId(req)
    if (!id) return error(404, 'Not Found')
    try {
      const audio = await loadStoryAudio(req.payload, id, { provider: audioProvider(), locales: locales(req.searchParams.get('locales') ?? undefined) })
      return json(200, statusOf(audio))
    } catch (e) {
      if (e instanceof StoryNotFound) return error(404, 'Not Found')
      if (e instanceof RangeError) return error(400, e.message)
      req.payload.logger.error({ err: e, msg: `Could not read the audio status of story ${id}` })
      throw e
    }
  },
}
