import type { Endpoint, PayloadRequest } from 'payload'

import { mayPublish, mayReview, mayTranslate } from '@/access/translationAccess'
import { staffUser } from '@/access/roles'
import { withTransaction } from '@/db/transaction'
import { readJsonBody } from '@/http/body'
import { error, invalid, json } from '@/http/response'
import { machineDraftBodySchema, publicationBodySchema, TRANSLATION_FILE_FORMATS, translationReviewBodySchema } from '@/domain/translation/apiSchemas'
import { isLocale, LOCALE_CODES, type LocaleCode } from '@/locales'
import { loadStoryTranslation, PublishRefused, statusBody, textsIn, translationRow } from '@/translation/service'
import { exportCsv, exportXliff, importEntries, readCsv, readXliff } from '@/translation/files'
import { machineTranslator, MachineTranslationError } from '@/translation/machine'
import { draftWithMachine } from '@/translation/machineDraft'
import { settings as appSettings } from '@/settings'
import { reviewUnits, setPublicationState, TranslationInputError, TranslationNotFound } from '@/translation/publication'
import { isUuid } from '@/domain/http/uuid'

function storyIdOf(req: PayloadRequest): string | null {
  const id = String(req.routeParams?.id ?? '')
  return isUuid(id) ? id : null
}

function localeParam(value: unknown): LocaleCode | Response {
  if (value === undefined || value === null || value === '') return error(400, `locale is required, one of ${LOCALE_CODES.join(', ')}.`, { field: 'locale' })
  if (!isLocale(value)) return error(400, `Unknown locale "${String(value)}". Valid locales: ${LOCALE_CODES.join(', ')}.`, { field: 'locale' })
  return value
}

const forbidden = (req: PayloadRequest, what: string) => error(req.user ? 403 : 401, what)

function failure(req: PayloadRequest, err: unknown, what: string): Response {
  if (err instanceof TranslationNotFound) return error(404, err.message)
  if (err instanceof TranslationInputError) return error(400, err.message, { field: err.field })
  if (err instanceof PublishRefused) {
    return json(409, { errors: [{ message: err.message, field: 'state', code: 'LOCALE_NOT_READY', blockers: err.blockers }] })
  }
  req.payload.logger.error({ err, msg: what })
  throw err
}

/**
 * `GET /api/stories/:id/translation-status?locale=ta`: every unit of the story in reading order
 * with its source, its text in the locale and its status (stale ones with the source they were
 * translated from), the locale's counts and its publication state. Staff of that locale only.
 * `&source=hi` adds every unit's own Hindi text (the workspace's "show source" selector).
 */
export const translationStatusEndpoint: Endpoint = {
  path: '/:id/translation-status',
  method: 'get',
  handler: async (req) => {
    const locale = localeParam(req.searchParams.get('locale'))
    if (locale instanceof Response) return locale
    const sourceParam = req.searchParams.get('source')
    let shown: LocaleCode | null = null
    if (sourceParam !== null) {
      if (!isLocale(sourceParam)) return error(400, `Unknown locale "${sourceParam}". Valid locales: ${LOCALE_CODES.join(', ')}.`, { field: 'source' })
      shown = sourceParam
    }
    if (!staffUser(req) || !mayTranslate(req, locale)) return forbidden(req, `You may not see the ${locale} translation.`)
    const id = storyIdOf(req)
    if (!id) return error(404, 'Not Found')
    const settings = appSettings().publishing
    const t = await loadStoryTranslation(req, id, locale, settings.requireAudio)
    if (!t) return error(404, 'Not Found')
    const row = await translationRow(req, id, locale)
    const body = statusBody(t, locale, row?.publicationState ?? 'draft', settings, machineTranslator() !== null)
    if (shown) body.shownSource = { locale: shown, texts: textsIn(t, shown) }
    return json(200, body)
  },
}


/** `POST /api/stories/:id/translation-review {locale, units: [...] | "all", action}`: reviewers approve. */
export const translationReviewEndpoint: Endpoint = {
  path: '/:id/translation-review',
  method: 'post',
  handler: async (req) => {
    const body = await readJsonBody(req)
    if (!body.ok) return body.response
    const parsed = translationReviewBodySchema.safeParse(body.value ?? {})
    if (!parsed.success) return invalid(parsed.error)
    const locale = localeParam(parsed.data.locale)
    if (locale instanceof Response) return locale
    if (!mayReview(req, locale)) return forbidden(req, `You may not review ${locale}: editors and ${locale} reviewers may.`)
    const id = storyIdOf(req)
    if (!id) return error(404, 'Not Found')
    try {
      const units = parsed.data.units === 'all' ? null : parsed.data.units
      const result = await withTransaction(req, (tx) => reviewUnits(tx, id, locale, units, parsed.data.action))
      return json(200, result)
    } catch (err) {
      return failure(req, err, `review of story ${id} ${locale} failed`)
    }
  },
}


/**
 * `POST /api/stories/:id/publication {locale, state: draft|in_review|published}`: editors publish
 * and unpublish; a locale's translators may send it for review. Publishing an unready locale is
 * 409 naming every blocking unit.
 */
export const publicationEndpoint: Endpoint = {
  path: '/:id/publication',
  method: 'post',
  handler: async (req) => {
    const body = await readJsonBody(req)
    if (!body.ok) return body.response
    const parsed = publicationBodySchema.safeParse(body.value ?? {})
    if (!parsed.success) return invalid(parsed.error)
    const locale = localeParam(parsed.data.locale)
    if (locale instanceof Response) return locale
    const { state } = parsed.data
    const allowed = state === 'in_review' ? mayTranslate(req, locale) : mayPublish(req)
    if (!allowed) return forbidden(req, state === 'in_review' ? `You may not work on ${locale}.` : 'Only editors publish and unpublish languages.')
    const id = storyIdOf(req)
    if (!id) return error(404, 'Not Found')
    try {
      const result = await withTransaction(req, (tx) => setPublicationState(tx, id, locale, state))
      return json(200, { locale, ...result })
    } catch (err) {
      return failure(req, err, `publication of story ${id} ${locale} failed`)
    }
  },
}

/** `GET /api/stories/:id/translation-history?locale=ta&unit=<unit id>`: who changed what, newest first. */
export const translationHistoryEndpoint: Endpoint = {
  path: '/:id/translation-history',
  method: 'get',
  handler: async (req) => {
    const locale = localeParam(req.searchParams.get('locale'))
    if (locale instanceof Response) return locale
    if (!mayTranslate(req, locale)) return forbidden(req, `You may not see the ${locale} translation.`)
    const id = storyIdOf(req)
    if (!id) return error(404, 'Not Found')
    const unit = req.searchParams.get('unit')
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
}


const FORMATS = TRANSLATION_FILE_FORMATS
const MAX_IMPORT_BYTES = 2 * 1024 * 1024

function formatParam(value: string | null): (typeof FORMATS)[number] | Response {
  const format = value ?? 'xliff'
  return (FORMATS as readonly string[]).includes(format)
    ? (format as (typeof FORMATS)[number])
    : error(400, `format must be one of ${FORMATS.join(', ')}.`, { field: 'format' })
}

/** `GET /api/stories/:id/translation-export?locale=ta&format=xliff|csv`: a file for outside translators. */
export const translationExportEndpoint: Endpoint = {
  path: '/:id/translation-export',
  method: 'get',
  handler: async (req) => {
    const locale = localeParam(req.searchParams.get('locale'))
    if (locale instanceof Response) return locale
    const format = formatParam(req.searchParams.get('format'))
    if (format instanceof Response) return format
    if (!mayTranslate(req, locale)) return forbidden(req, `You do not translate ${locale}.`)
    const id = storyIdOf(req)
    if (!id) return error(404, 'Not Found')
    try {
      const file = format === 'xliff' ? await exportXliff(req, id, locale) : await exportCsv(req, id, locale)
      return new Response(file.body, {
        status: 200,
        headers: {
          'content-type': format === 'xliff' ? 'application/xliff+xml; charset=utf-8' : 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${file.filename}"`,
          'cache-control': 'no-store',
        },
      })
    } catch (err) {
      return failure(req, err, `export of story ${id} ${locale} failed`)
    }
  },
}

/**
 * `POST /api/stories/:id/translation-import?locale=ta&format=xliff|csv` with the file as the body:
 * writes every unit whose source still matches and reports the rest (unknown ids, conflicts with a
 * changed source, empty and unchanged targets). A malformed file, a duplicate unit or a file of
 * another language writes nothing (400); a language the user does not translate is 403.
 */
export const translationImportEndpoint: Endpoint = {
  path: '/:id/translation-import',
  method: 'post',
  handler: async (req) => {
    const locale = localeParam(req.searchParams.get('locale'))
    if (locale instanceof Response) return locale
    const format = formatParam(req.searchParams.get('format'))
    if (format instanceof Response) return format
    if (!mayTranslate(req, locale)) return forbidden(req, `You do not translate ${locale}.`)
    const id = storyIdOf(req)
    if (!id) return error(404, 'Not Found')
    const text = req.text ? await req.text() : ''
    if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) return error(413, `The file is larger than ${MAX_IMPORT_BYTES} bytes.`)
    if (!text.trim()) return error(400, 'The body must be the file.', { field: 'file' })
    try {
      const entries = format === 'xliff' ? await readXliff(text, locale) : readCsv(text)
      const report = await withTransaction(req, (tx) => importEntries(tx, id, locale, entries))
      return json(200, report)
    } catch (err) {
      return failure(req, err, `import into story ${id} ${locale} failed`)
    }
  },
}


/**
 * `POST /api/stories/:id/machine-draft {locale, units?}`: machine drafts (Sarvam Mayura) for the
 * missing units of a locale, or for the named ones. 503 when machine translation is not set up
 * (no SARVAM_API_KEY; the workspace hides the action then), 502 when Sarvam fails (nothing written).
 */
export const machineDraftEndpoint: Endpoint = {
  path: '/:id/machine-draft',
  method: 'post',
  handler: async (req) => {
    const body = await readJsonBody(req)
    if (!body.ok) return body.response
    const parsed = machineDraftBodySchema.safeParse(body.value ?? {})
    if (!parsed.success) return invalid(parsed.error)
    const locale = localeParam(parsed.data.locale)
    if (locale instanceof Response) return locale
    if (!mayTranslate(req, locale)) return forbidden(req, `You do not translate ${locale}.`)
    const id = storyIdOf(req)
    if (!id) return error(404, 'Not Found')
    const translator = machineTranslator()
    if (!translator) return error(503, 'Machine translation is not set up (SARVAM_API_KEY).')
    try {
      const result = await draftWithMachine(req, id, locale, parsed.data.units ?? null, translator, (work) => withTransaction(req, work))
      return json(200, result)
    } catch (err) {
      if (err instanceof MachineTranslationError) return error(502, err.message)
      return failure(req, err, `machine draft of story ${id} ${locale} failed`)
    }
  },
}

export const translationEndpoints = [
  translationStatusEndpoint,
  translationReviewEndpoint,
  publicationEndpoint,
  translationHistoryEndpoint,
  translationExportEndpoint,
  translationImportEndpoint,
  machineDraftEndpoint,
]
