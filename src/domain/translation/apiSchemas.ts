/**
 * The translation endpoints' requests and answers as zod schemas: the endpoints validate their
 * bodies with the request schemas, and the OpenAPI document (src/openapi/operations.ts) is built
 * from all of them.
 */
import { z } from 'zod'

import { errorListSchema } from '@/domain/api/schemas'
import { PUBLICATION_STATES, STORED_STATUSES } from '@/domain/translation/status'

const unitIdSchema = z.string().max(100).describe('A stable unit id, e.g. story-nodes/<uuid>/textContent.')
/** Units named in a request: one at least, 5000 at most. */
const unitListSchema = z.array(unitIdSchema).min(1).max(5000)
const localeField = z.string().describe('A content locale code, e.g. ta (400 naming `locale` when unknown).')

// ---------------------------------------------------------------- requests

export const translationStatusQuerySchema = z.object({
  locale: localeField,
  source: z.string().optional().describe('Also answer every unit’s own text in this locale (`shownSource`), e.g. to show Hindi beside Tamil.'),
})

export const translationReviewBodySchema = z
  .object({
    locale: localeField,
    units: z.union([z.literal('all'), unitListSchema]).describe('The units to approve, or "all" (every unit with text).'),
    action: z.enum(['approve', 'unapprove']).default('approve'),
  })
  .strict()

export const publicationBodySchema = z
  .object({ locale: localeField, state: z.enum(PUBLICATION_STATES).describe('Editors publish and unpublish; the locale’s translators may send it for review.') })
  .strict()

export const machineDraftBodySchema = z
  .object({
    locale: localeField,
    units: unitListSchema.optional().describe('Units to draft (missing or machine drafts); default every missing unit.'),
  })
  .strict()

export const translationHistoryQuerySchema = z.object({ locale: localeField, unit: unitIdSchema.optional().describe('Only this unit’s history.') })

export const TRANSLATION_FILE_FORMATS = ['xliff', 'csv'] as const
export const translationFileQuerySchema = z.object({
  locale: localeField,
  format: z.enum(TRANSLATION_FILE_FORMATS).optional().describe('xliff (XLIFF 2.0, default) or csv (id, kind, speaker, source, target, status).'),
})

// ---------------------------------------------------------------- answers

const unitStatusSchema = z.enum(['source', 'missing', ...STORED_STATUSES])
/** A locale of a story: its source locale, or a translation's publication state. */
const localeStateSchema = z.enum(['source', ...PUBLICATION_STATES])
/** A locale's progress counts, in the status answer and in every dashboard cell. */
const countFields = {
  units: z.number().int(),
  missing: z.number().int(),
  machine: z.number().int(),
  stale: z.number().int(),
  translated: z.number().int(),
  approved: z.number().int(),
  nodes: z.number().int(),
  audioNodes: z.number().int(),
}

export const statusUnitSchema = z.object({
  id: unitIdSchema,
  kind: z.string(),
  kindLabel: z.string(),
  collection: z.enum(['stories', 'characters', 'story-nodes', 'story-choices']),
  docId: z.string(),
  field: z.string(),
  choiceKey: z.string().nullable(),
  speaker: z.string().nullable(),
  previousUnitId: z.string().nullable(),
  source: z.string(),
  target: z.string(),
  status: unitStatusSchema,
  stale: z.boolean(),
  previousSource: z.string().nullable().describe('For a stale unit: the source text it was translated from.'),
  required: z.boolean(),
  audioUrl: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
})

export const translationStatusSchema = z
  .object({
    story: z.object({ id: z.string(), slug: z.string(), sourceLocale: z.string(), title: z.string() }),
    locale: z.string(),
    tag: z.string().describe('BCP 47 tag of the locale (od -> or, hi-mixed -> hi-Latn).'),
    sourceLocale: z.string().nullable().describe('The locale translated from; null for the story’s source locale.'),
    publicationState: localeStateSchema,
    settings: z.object({ requireApproval: z.boolean(), requireAudio: z.enum(['none', 'generated', 'approved']) }),
    machineTranslation: z.boolean().describe('Machine drafts are available (SARVAM_API_KEY is set).'),
    counts: z.object(countFields),
    missing: z.array(z.string()),
    stale: z.array(z.string()),
    machine: z.array(z.string()),
    units: z.array(statusUnitSchema).describe('Every unit in reading order.'),
    shownSource: z.object({ locale: z.string(), texts: z.record(z.string(), z.string()) }).optional().describe('With `source`: each unit’s own text in that locale (empty when none).'),
  })
  .describe('Every translatable unit of a story in one locale, with its source, text and status.')

export const translationReviewResultSchema = z.object({ changed: z.number().int() })

export const publicationResultSchema = z.object({
  locale: z.string(),
  previous: z.enum(PUBLICATION_STATES),
  state: z.enum(PUBLICATION_STATES),
})

export const publishRefusedSchema = errorListSchema(
  z.looseObject({
    message: z.string(),
    field: z.literal('state'),
    code: z.literal('LOCALE_NOT_READY'),
    blockers: z.array(z.object({ reason: z.enum(['missing', 'machine', 'stale', 'unapproved', 'audio']), units: z.array(z.string()) })),
  }),
).describe('Publishing refused: every blocking unit, by reason.')

export const translationHistorySchema = z.object({
  events: z.array(
    z.object({
      unitId: z.string().nullable().describe('null for a locale-level event (publication).'),
      action: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      by: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
      at: z.string(),
    }),
  ),
})

export const translationImportReportSchema = z.object({
  written: z.number().int(),
  unchanged: z.number().int(),
  empty: z.number().int(),
  unknown: z.array(z.string()).describe('Ids in the file that are not units of the story.'),
  conflicts: z.array(z.object({ id: z.string(), fileSource: z.string(), currentSource: z.string() })).describe('Units whose source changed since the export: not written.'),
})

export const machineDraftResultSchema = z.object({
  drafted: z.array(z.string()),
  model: z.string(),
  remaining: z.number().int().min(0).describe('Missing units still left: ask again to draft the next batch (MACHINE_DRAFT_BATCH per request).'),
})

export const dashboardCellSchema = z.object({ state: localeStateSchema, ...countFields })

export const translationDashboardSchema = z.object({
  locales: z.array(z.string()),
  stories: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      title: z.string(),
      sourceLocale: z.string(),
      active: z.boolean(),
      locales: z.record(z.string(), dashboardCellSchema),
    }),
  ),
})
