/**
 * The custom endpoints as OpenAPI operations, described with the zod schemas the endpoints
 * validate with (src/domain/api/schemas.ts, src/domain/listener/*). Payload's generated REST API
 * is described by payload-oapi (src/plugins/openapi/index.ts); these are added to the same document.
 */
import { z } from 'zod'

import {
  analyticsAcceptedSchema,
  analyticsBatchErrorSchema,
  bookmarkAddedSchema,
  bookmarkListSchema,
  bundleQuerySchema,
  catalogPageSchema,
  catalogQuerySchema,
  dashboardQuerySchema,
  deletedSchema,
  enqueueAudioResultSchema,
  errorBodySchema,
  generateAudioBodySchema,
  regenerateAudioBodySchema,
  regenerateAudioResultSchema,
  listenerDashboardSchema,
  listenerResponseSchema,
  progressListSchema,
  progressMoveErrorSchema,
  progressResponseSchema,
  signInResponseSchema,
  storyAudioStatusSchema,
  validationReportSchema,
} from '@/domain/api/schemas'
import { analyticsBatchBodySchema } from '@/domain/listener/analyticsBatch'
import {
  advanceBodySchema,
  anonymousSignInSchema,
  bookmarkBodySchema,
  chooseBodySchema,
  preferencesPatchSchema,
  startBodySchema,
  storySlugSchema,
  uuidSchema,
} from '@/domain/listener/schemas'
import { storyBundleSchema } from '@/domain/story/bundleSchema'
import {
  machineDraftBodySchema,
  machineDraftResultSchema,
  publicationBodySchema,
  publicationResultSchema,
  publishRefusedSchema,
  translationDashboardSchema,
  translationFileQuerySchema,
  translationHistoryQuerySchema,
  translationHistorySchema,
  translationImportReportSchema,
  translationStatusQuerySchema,
  translationReviewBodySchema,
  translationReviewResultSchema,
  translationStatusSchema,
} from '@/domain/translation/apiSchemas'

export type Security = 'none' | 'listener' | 'staff'

export type ResponseDoc = {
  description: string
  /** A zod schema of the body (JSON unless `contentType` says otherwise); none for bodiless responses (302, 304). */
  schema?: z.ZodType
  contentType?: string
  headers?: Record<string, { description: string; schema?: Record<string, unknown> }>
}

export type OperationDoc = {
  method: 'get' | 'post' | 'patch' | 'delete'
  /** OpenAPI path template under /api, e.g. /api/stories/{slug}/bundle */
  path: string
  operationId: string
  tag: string
  summary: string
  description?: string
  security: Security
  pathParams?: Record<string, { schema: z.ZodType; description: string }>
  query?: z.ZodObject
  /** A zod schema of the JSON request body; `.optional()` makes the body optional. */
  body?: z.ZodType
  responses: Record<number, ResponseDoc>
}

const error = (description: string): ResponseDoc => ({ description, schema: errorBodySchema })
const unauthorized = error('No valid listener token (WWW-Authenticate: Bearer).')
const tooMany: ResponseDoc = {
  description: 'Rate limited.',
  schema: errorBodySchema,
  headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } },
}
const badRequest = error('Invalid input: every problem with the path of its field (`field`).')
const staffOnly = error('Not signed in as staff (401) or not allowed (403).')
const slugParam = { storySlug: { schema: storySlugSchema, description: 'The story slug, e.g. clever-crow.' } }
const storyIdParam = { id: { schema: uuidSchema, description: 'The story id.' } }

const progressMove = (move: 'start' | 'advance' | 'choose', body: z.ZodType, summary: string): OperationDoc => ({
  method: 'post',
  path: `/api/progress/{storySlug}/${move}`,
  operationId: `progress${move[0]!.toUpperCase()}${move.slice(1)}`,
  tag: 'listener',
  summary,
  security: 'listener',
  pathParams: slugParam,
  body,
  responses: {
    200: { description: 'The listener’s progress after the move.', schema: progressResponseSchema },
    400: { description: 'Invalid body, or an unknown option (code unknown-choice).', schema: progressMoveErrorSchema },
    401: unauthorized,
    404: { description: 'No such story.', schema: progressMoveErrorSchema },
    409: {
      description: 'The move is not legal now (not the current node, story ended or inactive, not started); nothing was written.',
      schema: progressMoveErrorSchema,
    },
    429: tooMany,
  },
})

const checkSchema = z.looseObject({ ok: z.boolean(), ms: z.number(), error: z.string().optional() })
const readinessSchema = z.looseObject({
  status: z.enum(['ready', 'degraded', 'unavailable']),
  failing: z.array(z.string()).optional(),
  checks: z.record(z.string(), checkSchema),
  replicas: z.array(z.looseObject({ healthy: z.boolean() })),
})


const localeBadRequest = error('Invalid input: a missing or unknown locale, or a bad body field (`field` names it).')
const notTheirLocale = error('Not signed in (401), or not a translator of this locale / not allowed (403).')
const noStory = error('No such story.')

/** The translation workflow (src/translation/endpoints.ts, src/translation/dashboard.ts). */
const TRANSLATION_OPERATIONS: OperationDoc[] = [
  {
    method: 'get',
    path: '/api/stories/{id}/translation-status',
    operationId: 'getTranslationStatus',
    tag: 'translation',
    summary: 'Every translatable unit of the story in one locale, in reading order, with source, text and status (the workspace’s data)',
    description: 'Stale units carry the source they were translated from. Editors, and translators of the locale.',
    security: 'staff',
    pathParams: storyIdParam,
    query: translationStatusQuerySchema,
    responses: { 200: { description: 'The units and the locale’s counts.', schema: translationStatusSchema }, 400: localeBadRequest, 401: notTheirLocale, 403: notTheirLocale, 404: noStory },
  },
  {
    method: 'post',
    path: '/api/stories/{id}/translation-review',
    operationId: 'reviewTranslation',
    tag: 'translation',
    summary: 'Approves (or takes back approval of) units of a locale, or all of them (editors and the locale’s reviewers)',
    security: 'staff',
    pathParams: storyIdParam,
    body: translationReviewBodySchema,
    responses: {
      200: { description: 'How many units changed.', schema: translationReviewResultSchema },
      400: error('Invalid body, an unknown unit or a unit without text (`field` units).'),
      401: notTheirLocale,
      403: notTheirLocale,
      404: noStory,
    },
  },
  {
    method: 'post',
    path: '/api/stories/{id}/publication',
    operationId: 'setLocalePublication',
    tag: 'translation',
    summary: 'Moves a locale of the story to draft, in review or published',
    description:
      'Editors publish and unpublish; the locale’s translators may send it for review. Only published locales are served to apps (bundle, catalog, GraphQL, bucket copies).',
    security: 'staff',
    pathParams: storyIdParam,
    body: publicationBodySchema,
    responses: {
      200: { description: 'The previous and the new state.', schema: publicationResultSchema },
      400: error('Invalid body, or the story’s source locale (`field` locale).'),
      401: notTheirLocale,
      403: notTheirLocale,
      404: noStory,
      409: { description: 'The locale is not ready: every missing, stale, machine-drafted, unapproved or unvoiced unit is named.', schema: publishRefusedSchema },
    },
  },
  {
    method: 'get',
    path: '/api/stories/{id}/translation-history',
    operationId: 'getTranslationHistory',
    tag: 'translation',
    summary: 'Who changed what in a locale (or one unit), newest first',
    security: 'staff',
    pathParams: storyIdParam,
    query: translationHistoryQuerySchema,
    responses: { 200: { description: 'Up to 200 events.', schema: translationHistorySchema }, 400: localeBadRequest, 401: notTheirLocale, 403: notTheirLocale, 404: noStory },
  },
  {
    method: 'get',
    path: '/api/stories/{id}/translation-export',
    operationId: 'exportTranslation',
    tag: 'translation',
    summary: 'The locale as a file for outside translators: XLIFF 2.0 or CSV',
    security: 'staff',
    pathParams: storyIdParam,
    query: translationFileQuerySchema,
    responses: {
      200: {
        description: 'The file (Content-Disposition: attachment). CSV is text/csv with the same columns.',
        schema: z.string(),
        contentType: 'application/xliff+xml',
        headers: { 'Content-Disposition': { description: 'attachment; filename="<story>.<tag>.xlf|csv"', schema: { type: 'string' } } },
      },
      400: localeBadRequest,
      401: notTheirLocale,
      403: notTheirLocale,
      404: noStory,
    },
  },
  {
    method: 'post',
    path: '/api/stories/{id}/translation-import',
    operationId: 'importTranslation',
    tag: 'translation',
    summary: 'Imports an XLIFF 2.0 or CSV file of the locale (the file is the body)',
    description:
      'Writes every unit whose source still matches; reports unknown ids and conflicts (the source changed since the export), which are not written. A malformed file, a duplicate unit or a file of another language writes nothing.',
    security: 'staff',
    pathParams: storyIdParam,
    query: translationFileQuerySchema,
    responses: {
      200: { description: 'What was written and what was not.', schema: translationImportReportSchema },
      400: error('A malformed file, a duplicate unit, another language (`field` file), or a bad locale/format.'),
      401: notTheirLocale,
      403: notTheirLocale,
      404: noStory,
      413: error('The file is larger than 2 MB.'),
    },
  },
  {
    method: 'post',
    path: '/api/stories/{id}/machine-draft',
    operationId: 'draftTranslationWithMachine',
    tag: 'translation',
    summary: 'Machine drafts (Sarvam) for the missing units of a locale, or the named ones',
    description: 'Rows are marked machine until a person edits or approves them; machine drafts never count as approved.',
    security: 'staff',
    pathParams: storyIdParam,
    body: machineDraftBodySchema,
    responses: {
      200: { description: 'The drafted units.', schema: machineDraftResultSchema },
      400: error('Invalid body, units that are unknown, have no source or have a person’s translation (`field` units).'),
      401: notTheirLocale,
      403: notTheirLocale,
      404: noStory,
      502: error('Sarvam failed after retries; nothing was written.'),
      503: error('Machine translation is not set up (no SARVAM_API_KEY).'),
    },
  },
  {
    method: 'get',
    path: '/api/translation-dashboard',
    operationId: 'getTranslationDashboard',
    tag: 'translation',
    summary: 'Stories x locales: progress, stale count, approvals, audio coverage and publication state (a translator sees their locales)',
    security: 'staff',
    responses: { 200: { description: 'The dashboard.', schema: translationDashboardSchema }, 401: staffOnly, 403: staffOnly },
  },
]

export const OPERATIONS: OperationDoc[] = [
  {
    method: 'get',
    path: '/api/health',
    operationId: 'getHealth',
    tag: 'operations',
    summary: 'The process is up (no I/O; answered by the server before Next)',
    security: 'none',
    responses: { 200: { description: 'Up.', schema: z.looseObject({ status: z.literal('ok'), pid: z.number().int(), uptimeSeconds: z.number() }) } },
  },
  {
    method: 'get',
    path: '/api/ready',
    operationId: 'getReadiness',
    tag: 'operations',
    summary: 'Can this process serve traffic: database, migrations, bucket (replicas reported)',
    security: 'none',
    responses: {
      200: { description: 'Ready (or degraded: a replica is down or lagging, reads go to the primary).', schema: readinessSchema },
      503: { description: 'Not ready; `failing` names the parts (Retry-After: 5).', schema: readinessSchema },
    },
  },
  {
    method: 'get',
    path: '/api/metrics',
    operationId: 'getMetrics',
    tag: 'operations',
    summary: 'Prometheus metrics of the whole cluster (METRICS_TOKEN as Bearer, or a staff sign-in)',
    security: 'staff',
    responses: {
      200: { description: 'Prometheus text exposition format.', schema: z.string(), contentType: 'text/plain' },
      401: error('No METRICS_TOKEN and no staff sign-in.'),
    },
  },
  {
    method: 'get',
    path: '/api/stories/{slug}/bundle',
    operationId: 'getStoryBundle',
    tag: 'stories',
    summary: 'The compiled story in one locale',
    description:
      'Served from an in-process cache (no SQL) or one indexed read. Strong ETag (= version) with 304 on If-None-Match; compressed per Accept-Encoding (br, gzip) with Vary: Accept-Encoding. No authentication.',
    security: 'none',
    pathParams: { slug: { schema: storySlugSchema, description: 'The story slug, e.g. clever-crow.' } },
    query: bundleQuerySchema,
    responses: {
      200: {
        description: 'The bundle.',
        schema: storyBundleSchema,
        headers: {
          ETag: { description: 'The bundle version, quoted.', schema: { type: 'string' } },
          'X-Bundle-Url': { description: 'Immutable copy of this version in object storage.', schema: { type: 'string' } },
        },
      },
      304: { description: 'Not modified (If-None-Match matched the ETag).' },
      400: error('Unknown locale (field locale; the message lists the valid ones).'),
      404: error('No active story with this slug.'),
    },
  },
  {
    method: 'get',
    path: '/api/stories/catalog',
    operationId: 'getStoryCatalog',
    tag: 'stories',
    summary: 'Story cards of active stories, newest first, 20 per page',
    security: 'none',
    query: catalogQuerySchema,
    responses: { 200: { description: 'One page of story cards.', schema: catalogPageSchema }, 400: badRequest },
  },
  {
    method: 'get',
    path: '/api/stories/{id}/validate',
    operationId: 'validateStory',
    tag: 'stories',
    summary: 'The story’s validation errors and warnings',
    security: 'staff',
    pathParams: storyIdParam,
    responses: { 200: { description: 'The report.', schema: validationReportSchema }, 403: staffOnly, 404: error('No such story.') },
  },
  {
    method: 'get',
    path: '/api/stories/{id}/studio',
    operationId: 'getStoryStudio',
    tag: 'stories',
    summary: 'Everything the Studio draws, in one request (staff)',
    description:
      'The story graph with every locale’s own text, its validation report, per node and choice the `updatedAt` to send back as `X-Expected-Updated-At` (optimistic concurrency: a write over a newer version answers 409 naming who saved it), node metadata and card positions, audio states per locale, and the caller’s role.',
    security: 'staff',
    pathParams: storyIdParam,
    responses: {
      200: {
        description: 'The Studio data.',
        schema: z.object({
          graph: z.object({ id: z.string(), nodes: z.array(z.object({ id: z.string() }).loose()), choices: z.array(z.object({ id: z.string() }).loose()) }).loose(),
          report: validationReportSchema,
          nodes: z.record(z.string(), z.object({ updatedAt: z.string(), metadata: z.record(z.string(), z.unknown()), position: z.object({ x: z.number(), y: z.number() }).nullable() })),
          choices: z.record(z.string(), z.object({ updatedAt: z.string() })),
          audio: z.record(z.string(), z.record(z.string(), z.enum(['done', 'outdated', 'missing', 'failed', 'queued']))),
          audioRows: z.record(z.string(), z.number().int()),
          user: z.object({ role: z.string(), assignedLocales: z.array(z.string()) }),
        }),
      },
      401: staffOnly,
      403: staffOnly,
      404: error('No such story.'),
    },
  },
  {
    method: 'get',
    path: '/api/stories/{id}/draft-bundle',
    operationId: 'getStoryDraftBundle',
    tag: 'stories',
    summary: 'The story compiled in memory in one locale, active or not; nothing is published (staff play-test)',
    security: 'staff',
    pathParams: storyIdParam,
    query: z.object({ locale: z.string().optional().describe('Locale code (default en).') }),
    responses: {
      200: { description: 'The bundle (same format as the public bundle).', schema: storyBundleSchema },
      400: error('Unknown locale (field locale).'),
      401: staffOnly,
      403: staffOnly,
      404: error('No such story.'),
    },
  },
  {
    method: 'post',
    path: '/api/stories/{id}/audio',
    operationId: 'generateStoryAudio',
    tag: 'audio',
    summary: 'Queue audio generation for the story’s missing, outdated or failed variants (editors)',
    security: 'staff',
    pathParams: storyIdParam,
    body: generateAudioBodySchema,
    responses: {
      202: { description: 'What was queued, and the story’s audio status.', schema: enqueueAudioResultSchema },
      400: badRequest,
      401: staffOnly,
      403: staffOnly,
      404: error('No such story.'),
    },
  },
  {
    method: 'get',
    path: '/api/stories/{id}/audio-status',
    operationId: 'getStoryAudioStatus',
    tag: 'audio',
    summary: 'Per-locale audio status and estimated cost (staff)',
    security: 'staff',
    pathParams: storyIdParam,
    query: z.object({ locales: z.string().optional().describe('Comma-separated locale codes (default: all).') }),
    responses: {
      200: { description: 'The status.', schema: storyAudioStatusSchema },
      400: badRequest,
      401: staffOnly,
      403: staffOnly,
      404: error('No such story.'),
    },
  },
  {
    method: 'get',
    path: '/api/audio-files/{id}/play',
    operationId: 'playAudio',
    tag: 'audio',
    summary: 'Counts a play and redirects to the audio object (Ogg/Opus)',
    security: 'none',
    pathParams: { id: { schema: uuidSchema, description: 'The audio file id.' } },
    responses: {
      302: { description: 'Redirect to the object (CDN URL or a signed URL).', headers: { Location: { description: 'The audio object.', schema: { type: 'string' } } } },
      404: error('No such audio, or its story is not active.'),
    },
  },
  {
    method: 'post',
    path: '/api/audio-files/{id}/regenerate',
    operationId: 'regenerateAudio',
    tag: 'audio',
    summary: 'Voice a rejected line again, alone, optionally with another speaker or pace (editors and the locale’s reviewers)',
    security: 'staff',
    pathParams: { id: { schema: uuidSchema, description: 'The rejected audio file id.' } },
    body: regenerateAudioBodySchema,
    responses: {
      202: { description: 'The one job queued for the line; when it has run the file holds the new audio, pending review.', schema: regenerateAudioResultSchema },
      400: badRequest,
      401: staffOnly,
      403: staffOnly,
      404: error('No such audio file.'),
      409: error('The line is not rejected, or its regeneration is already queued.'),
      429: error('A translator asked for more takes of the line than AUDIO_TRANSLATOR_MAX_TAKES allows (each is billed with a paid provider); an editor can still regenerate it.'),
    },
  },
  {
    method: 'post',
    path: '/api/users/anonymous',
    operationId: 'signInAnonymous',
    tag: 'listener',
    summary: 'Finds or creates the listener of a device and returns its token',
    security: 'none',
    body: anonymousSignInSchema,
    responses: {
      200: { description: 'An existing listener.', schema: signInResponseSchema },
      201: { description: 'A new listener.', schema: signInResponseSchema },
      400: badRequest,
      429: tooMany,
    },
  },
  {
    method: 'get',
    path: '/api/users/me',
    operationId: 'getSignedInListener',
    tag: 'listener',
    summary: 'The signed-in listener',
    security: 'listener',
    responses: { 200: { description: 'The listener.', schema: listenerResponseSchema }, 401: unauthorized },
  },
  {
    method: 'patch',
    path: '/api/users/me',
    operationId: 'updateListenerPreferences',
    tag: 'listener',
    summary: 'Updates some preferences (null removes one)',
    security: 'listener',
    body: preferencesPatchSchema,
    responses: { 200: { description: 'The listener.', schema: listenerResponseSchema }, 400: badRequest, 401: unauthorized },
  },
  {
    method: 'delete',
    path: '/api/users/me',
    operationId: 'deleteListener',
    tag: 'listener',
    summary: 'Deletes the listener with its progress and bookmarks (analytics stay, detached)',
    security: 'listener',
    responses: { 200: { description: 'Deleted.', schema: deletedSchema }, 401: unauthorized },
  },
  {
    method: 'get',
    path: '/api/progress',
    operationId: 'listMyProgress',
    tag: 'listener',
    summary: 'The listener’s progress in every story it started',
    security: 'listener',
    responses: { 200: { description: 'Progress, most recently played first.', schema: progressListSchema }, 401: unauthorized },
  },
  progressMove('start', startBodySchema, 'Starts a new play of the story'),
  progressMove('advance', advanceBodySchema, 'Moves on from the current node (the default option at a choice)'),
  progressMove('choose', chooseBodySchema, 'Takes an option at the current choice node'),
  {
    method: 'get',
    path: '/api/bookmarks/mine',
    operationId: 'listMyBookmarks',
    tag: 'listener',
    summary: 'The listener’s bookmarks, newest first',
    security: 'listener',
    responses: { 200: { description: 'Bookmarks.', schema: bookmarkListSchema }, 401: unauthorized },
  },
  {
    method: 'post',
    path: '/api/bookmarks/story/{storySlug}',
    operationId: 'addStoryBookmark',
    tag: 'listener',
    summary: 'Bookmarks a story (one per story; adding again returns the existing one)',
    security: 'listener',
    pathParams: slugParam,
    body: bookmarkBodySchema,
    responses: {
      200: { description: 'The existing bookmark.', schema: bookmarkAddedSchema },
      201: { description: 'The new bookmark.', schema: bookmarkAddedSchema },
      400: badRequest,
      401: unauthorized,
      404: error('No active story with this slug.'),
    },
  },
  {
    method: 'delete',
    path: '/api/bookmarks/story/{storySlug}',
    operationId: 'removeStoryBookmark',
    tag: 'listener',
    summary: 'Removes the bookmark on a story',
    security: 'listener',
    pathParams: slugParam,
    responses: { 200: { description: 'Removed.', schema: deletedSchema }, 400: badRequest, 401: unauthorized, 404: error('No bookmark on this story.') },
  },
  {
    method: 'post',
    path: '/api/analytics/events',
    operationId: 'sendAnalyticsEvents',
    tag: 'listener',
    summary: 'Records a batch of up to 500 listening events',
    description: 'The batch is validated whole: one bad event refuses the batch and nothing is written.',
    security: 'listener',
    body: analyticsBatchBodySchema,
    responses: {
      202: { description: 'Accepted.', schema: analyticsAcceptedSchema },
      400: { description: 'Every bad event, by index (events.<i>.<field>).', schema: analyticsBatchErrorSchema },
      401: unauthorized,
      409: error('A story or node of the batch was deleted while it was written; send it again.'),
      413: error('Body larger than 1 MB.'),
      429: tooMany,
    },
  },
  {
    method: 'get',
    path: '/api/analytics-events/dashboard',
    operationId: 'getListenerDashboard',
    tag: 'analytics',
    summary: 'Stories started and completed per day, and options taken (admins)',
    security: 'staff',
    query: dashboardQuerySchema,
    responses: { 200: { description: 'The aggregates.', schema: listenerDashboardSchema }, 400: badRequest, 403: staffOnly },
  },
  ...TRANSLATION_OPERATIONS,
]
