import type { PayloadRequest } from 'payload'

import { mayReviewAudio } from '@/access/audioReviewAccess'
import { staffUser } from '@/access/roles'
import { lineTakes } from '@/audio/jobs/generateAudio'
import { GENERATE_AUDIO } from '@/audio/jobs/generateAudioTask'
import { audioProvider } from '@/audio/providers/audioProvider'
import { idOf } from '@/db/idOf'
import { LOCK, withSessionLock } from '@/db/locks'
import { primaryPool } from '@/db/postgres'
import { regenerateAudioBodySchema } from '@/domain/api/schemas'
import { mayTakeAgain, takeCapMessage, translatorTakeLimit } from '@/domain/audio/takes'
import { readJsonBody } from '@/http/body'
import { requireRole } from '@/http/requireRole'
import { answeringEndpoint, error, invalid, json } from '@/http/response'
import { audioFileNotFound, readableAudioFile } from '@/endpoints/audioFileRead'
import { settings } from '@/settings'

type Ref = string | { id: string } | null | undefined

/**
 * `POST /api/audio-files/:id/regenerate` `{ speaker?, pace? }`: voice a rejected line again, alone,
 * optionally with another speaker or pace. Editors, admins and the translators of the line's locale
 * (the same people who reject it). Queues exactly one generateAudio job for that line (a retake: its
 * content key is new, so the old audio is never handed back), answers 202 with the job's id. When
 * the job has run, the file holds the new audio and is pending review again; the line keeps that
 * speaker and pace from then on. 409 when the line is not rejected or its retake is already queued;
 * 429 when a translator asks for more takes of the line than AUDIO_TRANSLATOR_MAX_TAKES allows
 * (each is billed with a paid provider; src/domain/audio/takes.ts).
 */
export const regenerateAudioEndpoint = answeringEndpoint({
  path: '/:id/regenerate',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const denied = requireRole(req, ['admin', 'editor', 'translator'], { message: "Only editors and the line's translators can regenerate it" })
    if (denied) return denied
    const file = await readableAudioFile(req, { node: true, choice: true, story: true, languageCode: true, reviewStatus: true })
    if (!file) return audioFileNotFound()
    if (!mayReviewAudio(staffUser(req), file.languageCode ?? '')) return error(403, `Only editors and ${file.languageCode} translators can regenerate this line.`)
    const read = await readJsonBody(req)
    if (!read.ok) return read.response
    const body = regenerateAudioBodySchema.safeParse(read.value)
    if (!body.success) return invalid(body.error)
    const speaker = body.data?.speaker?.toLowerCase() ?? null
    const pace = body.data?.pace ?? null
    const provider = audioProvider()
    if (speaker && !provider.speakers().includes(speaker)) {
      return error(400, `speaker: "${speaker}" is not a speaker of the ${provider.name} provider (${provider.model}). Valid speakers: ${provider.speakers().join(', ')}`, { field: 'speaker' })
    }
    if (file.reviewStatus !== 'rejected') return error(409, 'Only a rejected line can be regenerated (reject it with a note first).', { field: 'reviewStatus' })
    const line = { node: idOf(file.node as Ref)!, choice: idOf(file.choice as Ref) ?? null, locale: file.languageCode! }
    // One request of a line at a time, across processes: two at once would both find no retake
    // queued (or both under the cap) and queue two.
    return withSessionLock(req.payload, LOCK.retake, file.id, async () => {
      const { rows } = await primaryPool(req.payload).query<{ id: string }>(
        `SELECT id FROM payload_jobs WHERE task_slug = $1 AND input->>'retakeOf' = $2 AND completed_at IS NULL AND has_error IS NOT TRUE LIMIT 1`,
        [GENERATE_AUDIO, file.id],
      )
      if (rows[0]) return error(409, 'This line is already being regenerated.', { jobId: rows[0].id })
      if (staffUser(req)?.role === 'translator') {
        const configured = settings().audio.translatorMaxTakes
        const limit = translatorTakeLimit(configured, provider.name)
        const takes = await lineTakes(req.payload, line)
        if (limit !== null && !mayTakeAgain(takes, limit)) {
          return error(429, takeCapMessage(takes, limit, provider.name, configured), { field: 'take', takes, limit })
        }
      }
      const job = await req.payload.jobs.queue({
        task: GENERATE_AUDIO,
        input: { ...line, story: idOf(file.story as Ref) ?? null, retakeOf: file.id, speaker, pace },
        req,
      })
      return json(202, { jobId: String(job.id), audioFile: file.id, speaker, pace })
    })
  },
})
