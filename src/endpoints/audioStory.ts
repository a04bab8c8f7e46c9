import type { PayloadRequest } from 'payload'

import { audioProvider } from '@/audio/providers/audioProvider'
import { StoryNotFound, enqueueStoryAudio, loadStoryAudio, statusOf } from '@/audio/jobs/storyAudio'
import { parseLocales } from '@/domain/audio/variants'
import { generateAudioBodySchema } from '@/domain/api/schemas'
import { readJsonBody } from '@/http/body'
import { requireRole } from '@/http/requireRole'
import { answeringEndpoint, error, invalid, json } from '@/http/response'
import { LOCALE_CODES, type LocaleCode } from '@/locales'
import { isUuid } from '@/domain/http/uuid'

async function readBody(req: PayloadRequest): Promise<Record<string, unknown> | Response> {
  const read = await readJsonBody(req)
  if (!read.ok) return read.response
  const body = read.value ?? {}
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : error(400, 'body: The body must be a JSON object.', { field: 'body' })
}

function storyId(req: PayloadRequest): string | null {
  const id = String(req.routeParams?.id ?? '')
  return isUuid(id) ? id : null
}

/** The `locales` asked for (all when absent), or a 400 naming `locales` for an unknown code. */
function localesParam(value: string | string[] | undefined): LocaleCode[] | Response {
  try {
    return parseLocales(value, LOCALE_CODES)
  } catch (err) {
    if (err instanceof RangeError) return error(400, `locales: ${err.message}`, { field: 'locales' })
    throw err
  }
}

/**
 * `POST /api/stories/:id/audio` (editors and admins): queue generation of every (node, locale) of
 * the story that is missing, outdated or failed (`{ "locales": ["hi", "ta"] }` to limit it). Answers
 * 202 with what was queued and the story's audio status.
 */
export const generateStoryAudioEndpoint = answeringEndpoint({
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
    const locales = localesParam(body.data?.locales)
    if (locales instanceof Response) return locales
    try {
      return json(202, await enqueueStoryAudio(req.payload, id, { provider: audioProvider(), locales }))
    } catch (err) {
      if (err instanceof StoryNotFound) return error(404, 'Not Found')
      throw err
    }
  },
})

/**
 * `GET /api/stories/:id/audio-status[?locales=hi,ta]` (staff): per locale, how many nodes are done,
 * queued, failed, missing (and outdated, without text of their own), characters still to voice and
 * the estimated Bulbul cost.
 */
export const storyAudioStatusEndpoint = answeringEndpoint({
  path: '/:id/audio-status',
  method: 'get',
  handler: async (req) => {
    const denied = requireRole(req, ['admin', 'editor', 'translator'], { message: 'Only staff can see audio status' })
    if (denied) return denied
    const id = storyId(req)
    if (!id) return error(404, 'Not Found')
    const locales = localesParam(req.searchParams.get('locales') ?? undefined)
    if (locales instanceof Response) return locales
    try {
      return json(200, statusOf(await loadStoryAudio(req.payload, id, { provider: audioProvider(), locales })))
    } catch (err) {
      if (err instanceof StoryNotFound) return error(404, 'Not Found')
      throw err
    }
  },
})
