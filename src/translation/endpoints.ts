import type { Endpoint, PayloadRequest } from 'payload'
import type { z } from 'zod'

import { mayPublish, mayReview, mayTranslate } from '@/access/translationAccess'
import { withTransaction } from '@/db/transaction'
import { readJsonBody } from '@/http/body'
import { answeringEndpoint, error, invalid, json } from '@/http/response'
import { machineDraftBodySchema, publicationBodySchema, TRANSLATION_FILE_FORMATS, translationReviewBodySchema } from '@/domain/translation/apiSchemas'
import { isLocale, LOCALE_CODES, type LocaleCode } from '@/locales'
import { loadStoryTranslation, PublishRefused, statusBody, textsIn, translationRow } from '@/translation/service'
import { exportCsv, exportXliff, importEntries, readCsv, readXliff } from '@/translation/files'
import { machineTranslator, MachineTranslationError } from '@/translation/machine'
import { draftWithMachine } from '@/translation/machineDraft'
import { settings as appSettings } from '@/settings'
import { PublicationForbidden, reviewUnits, setPublicationState, TranslationInputError, TranslationNotFound } from '@/translation/publication'
import { isUuid } from '@/domain/http/uuid'

function localeParam(value: unknown): LocaleCode | Response {
  if (value === undefined || value === null || value === '') return error(400, `locale is required, one of ${LOCALE_CODES.join(', ')}.`, { field: 'locale' })
  if (!isLocale(value)) return error(400, `Unknown locale "${String(value)}". Valid locales: ${LOCALE_CODES.join(', ')}.`, { field: 'locale' })
  return value
}

/** What every translation endpoint reads first: the locale it works on. */
type Input = { locale: LocaleCode }

/**
 * A translation endpoint on one story (`/:id/...`) in one locale. In this order: its input is read
 * and checked (400 naming the field), the user's right to it (403, 401 without a sign-in), the
 * story id (404); then `respond`. Of what `respond` throws, the translation services' errors are
 * answers (404 not found, 400 naming the field, 409 publishing refused, 502 machine translation
 * failed); anything else is the logged 500 (503 while the database is away).
 */
function storyLocaleEndpoint<I extends Input>(spec: {
  path: string
  method: 'get' | 'post'
  input: (req: PayloadRequest) => Promise<I | Response>
  /** The refusal's message when the user may not do this, else null. */
  refuse: (req: PayloadRequest, input: I) => string | null
  respond: (req: PayloadRequest, id: string, input: I) => Promise<Response>
}): Endpoint {
  return answeringEndpoint({
    path: spec.path,
    method: spec.method,
    handler: async (req) => {
      const input = await spec.input(req)
      if (input instanceof Response) return input
      const refusal = spec.refuse(req, input)
      if (refusal) return error(req.user ? 403 : 401, refusal)
      const id = String(req.routeParams?.id ?? '')
      if (!isUuid(id)) return error(404, 'Not Found')
      try {
        return await spec.respond(req, id, input)
      } catch (err) {
        const answer = serviceError(err)
        if (answer) return answer
        throw err
      }
    },
  })
}

/** The answer to an error of the translation services, or null for an unexpected one. */
function serviceError(err: unknown): Response | null {
  if (err instanceof TranslationNotFound) return error(404, err.message)
  // Only signed-in users reach a service (`refuse` runs first), so a refusal here is 403.
  if (err instanceof PublicationForbidden) return error(403, err.message)
  if (err instanceof TranslationInputError) return error(400, err.message, { field: err.field })
  if (err instanceof PublishRefused) return json(409, { errors: [{ message: err.message, field: 'state', code: 'LOCALE_NOT_READY', blockers: err.blockers }] })
  if (err instanceof MachineTranslationError) return error(502, err.message)
  return null
}

/** Input from the query: `?locale=` (required) and what `more` reads from the other parameters (a value, or a 400). */
async function fromQuery<M extends object>(req: PayloadRequest, more: (params: URLSearchParams) => M | Response): Promise<(M & Input) | Response> {
  const locale = localeParam(req.searchParams.get('locale'))
  if (locale instanceof Response) return locale
  const rest = more(req.searchParams)
  return rest instanceof Response ? rest : { ...rest, locale }
}

/** Input from the JSON body, checked with `schema` (400 naming each bad field), its `locale` a known one. */
async function fromBody<T extends { locale: string }>(req: PayloadRequest, schema: z.ZodType<T>): Promise<(Omit<T, 'locale'> & Input) | Response> {
  const body = await readJsonBody(req)
  if (!body.ok) return body.response
  const parsed = schema.safeParse(body.value ?? {})
  if (!parsed.success) return invalid(parsed.error)
  const locale = localeParam(parsed.data.locale)
  if (locale instanceof Response) return locale
  return { ...parsed.data, locale }
}

const FORMATS = TRANSLATION_FILE_FORMATS
type Format = (typeof FORMATS)[number]
const MAX_IMPORT_BYTES = 2 * 1024 * 1024

/** `?format=xliff|csv` (default xliff). */
function formatParam(params: URLSearchParams): { format: Format } | Response {
  const format = params.get('format') ?? 'xliff'
  return (FORMATS as readonly string[]).includes(format) ? { format: format as Format } : error(400, `format must be one of ${FORMATS.join(', ')}.`, { field: 'format' })
}

/**
 * `GET /api/stories/:id/translation-status?locale=ta`: every unit of the story in reading order
 * with its source, its text in the locale and its status (stale ones with the source they were
 * translated from), the locale's counts and its publication state. Staff of that locale only.
 * `&source=hi` adds every unit's own Hindi text (the workspace's "show source" selector).
 */
export const translationStatusEndpoint = storyLocaleEndpoint({
  path: '/:id/translation-status',
  method: 'get',
  input: (req) => fromQuery(req, (params): { shown: LocaleCode | null } | Response => {
    const source = params.get('source')
    if (source === null) return { shown: null }
    return isLocale(source) ? { shown: source } : error(400, `Unknown locale "${source}". Valid locales: ${LOCALE_CODES.join(', ')}.`, { field: 'source' })
  }),
  refuse: (req, { locale }) => (mayTranslate(req, locale) ? null : `You may not see the ${locale} translation.`),
  respond: async (req, id, { locale, shown }) => {
    const settings = appSettings().publishing
    const t = await loadStoryTranslation(req, id, locale, settings.requireAudio)
    if (!t) return error(404, 'Not Found')
    const row = await translationRow(req, id, locale)
    const body = statusBody(t, locale, row?.publicationState ?? 'draft', settings, machineTranslator() !== null)
    if (shown) body.shownSource = { locale: shown, texts: textsIn(t, shown) }
    return json(200, body)
  },
})

/** `POST /api/stories/:id/translation-review {locale, units: [...] | "all", action}`: reviewers approve. */
export const translationReviewEndpoint = storyLocaleEndpoint({
  path: '/:id/translation-review',
  method: 'post',
  input: (req) => fromBody(req, translationReviewBodySchema),
  refuse: (req, { locale }) => (mayReview(req, locale) ? null : `You may not review ${locale}: editors and ${locale} reviewers may.`),
  respond: async (req, id, { locale, units, action }) =>
    json(200, await withTransaction(req, (tx) => reviewUnits(tx, id, locale, units === 'all' ? null : units, action))),
})

/**
 * `POST /api/stories/:id/publication {locale, state: draft|in_review|published}`: editors publish
 * and unpublish; a locale's translators may send it for review unless it is live (403). Publishing an unready locale is
 * 409 naming every blocking unit.
 */
export const publicationEndpoint = storyLocaleEndpoint({
  path: '/:id/publication',
  method: 'post',
  input: (req) => fromBody(req, publicationBodySchema),
  refuse: (req, { locale, state }) => {
    if (state === 'in_review') return mayTranslate(req, locale) ? null : `You may not work on ${locale}.`
    return mayPublish(req) ? null : 'Only editors publish and unpublish languages.'
  },
  respond: async (req, id, { locale, state }) => json(200, { locale, ...(await withTransaction(req, (tx) => setPublicationState(tx, id, locale, state, { publishes: mayPublish(req) }))) }),
})

/** `GET /api/stories/:id/translation-history?locale=ta&unit=<unit id>`: who changed what, newest first. */
export const translationHistoryEndpoint = storyLocaleEndpoint({
  path: '/:id/translation-history',
  method: 'get',
  input: (req) => fromQuery(req, (params) => ({ unit: params.get('unit') })),
  refuse: (req, { locale }) => (mayTranslate(req, locale) ? null : `You may not see the ${locale} translation.`),
  respond: async (req, id, { locale, unit }) => {
    const events = await req.payload.find({
      collection: 'translation-events',
      where: { and: [{ story: { equals: id } }, { locale: { equals: locale } }, ...(unit ? [{ unitId: { equals: unit } }] : [])] },
      sort: '-createdAt',
      limit: 200,
      depth: 1,
      req,
      overrideAccess: false,
      user: req.user,
    })
    return json(200, {
      events: events.docs.map((e) => ({
        unitId: e.unitId ?? null,
        action: e.action,
        from: e.fromStatus,
        to: e.toStatus,
        by: e.by ? (typeof e.by === 'object' ? { id: e.by.id, name: e.by.name ?? e.by.email } : { id: e.by, name: null }) : null,
        at: e.createdAt,
      })),
    })
  },
})

/** `GET /api/stories/:id/translation-export?locale=ta&format=xliff|csv`: a file for outside translators. */
export const translationExportEndpoint = storyLocaleEndpoint({
  path: '/:id/translation-export',
  method: 'get',
  input: (req) => fromQuery(req, formatParam),
  refuse: (req, { locale }) => (mayTranslate(req, locale) ? null : `You do not translate ${locale}.`),
  respond: async (req, id, { locale, format }) => {
    const file = format === 'xliff' ? await exportXliff(req, id, locale) : await exportCsv(req, id, locale)
    return new Response(file.body, {
      status: 200,
      headers: {
        'content-type': format === 'xliff' ? 'application/xliff+xml; charset=utf-8' : 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store',
      },
    })
  },
})

/**
 * `POST /api/stories/:id/translation-import?locale=ta&format=xliff|csv` with the file as the body:
 * writes every unit whose source still matches and reports the rest (unknown ids, conflicts with a
 * changed source, empty and unchanged targets). A malformed file, a duplicate unit or a file of
 * another language writes nothing (400); a language the user does not translate is 403.
 */
export const translationImportEndpoint = storyLocaleEndpoint({
  path: '/:id/translation-import',
  method: 'post',
  input: (req) => fromQuery(req, formatParam),
  refuse: (req, { locale }) => (mayTranslate(req, locale) ? null : `You do not translate ${locale}.`),
  respond: async (req, id, { locale, format }) => {
    const text = req.text ? await req.text() : ''
    if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) return error(413, `The file is larger than ${MAX_IMPORT_BYTES} bytes.`)
    if (!text.trim()) return error(400, 'The body must be the file.', { field: 'file' })
    const entries = format === 'xliff' ? await readXliff(text, locale) : readCsv(text)
    return json(200, await withTransaction(req, (tx) => importEntries(tx, id, locale, entries)))
  },
})

/**
 * `POST /api/stories/:id/machine-draft {locale, units?}`: machine drafts (Sarvam Mayura) for the
 * missing units of a locale, or for the named ones. 503 when machine translation is not set up
 * (no SARVAM_API_KEY; the workspace hides the action then), 502 when Sarvam fails (nothing written).
 */
export const machineDraftEndpoint = storyLocaleEndpoint({
  path: '/:id/machine-draft',
  method: 'post',
  input: (req) => fromBody(req, machineDraftBodySchema),
  refuse: (req, { locale }) => (mayTranslate(req, locale) ? null : `You do not translate ${locale}.`),
  respond: async (req, id, { locale, units }) => {
    const translator = machineTranslator()
    if (!translator) return error(503, 'Machine translation is not set up (SARVAM_API_KEY).')
    return json(200, await draftWithMachine(req, id, locale, units ?? null, translator, (work) => withTransaction(req, work)))
  },
})

export const translationEndpoints = [
  translationStatusEndpoint,
  translationReviewEndpoint,
  publicationEndpoint,
  translationHistoryEndpoint,
  translationExportEndpoint,
  translationImportEndpoint,
  machineDraftEndpoint,
]
