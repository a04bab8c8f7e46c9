/**
 * Query, response and error shapes of the custom endpoints as zod schemas: the endpoints parse
 * their queries with them, and `/api/openapi.json` publishes them (z.toJSONSchema). Listener
 * request bodies live in src/domain/listener/schemas.ts, the bundle in
 * src/domain/story/bundleSchema.ts. Response objects are open (additive changes allowed); request
 * bodies are strict; unknown query parameters are ignored (cache busters).
 */
import { z } from 'zod'

import { LOCALE_CODES, type LocaleCode } from '@/locales'

export const localeCodeSchema = z
  .enum(LOCALE_CODES as [LocaleCode, ...LocaleCode[]])
  .describe('A content locale; hi-mixed is Hinglish in Latin script.')

/** `?locale=`: absent means en; anything else must be a content locale (the error lists them). */
export const localeQuerySchema = z
  .enum(LOCALE_CODES as [LocaleCode, ...LocaleCode[]], {
    error: (issue) => `Unknown locale "${String(issue.input)}". Valid locales: ${LOCALE_CODES.join(', ')}.`,
  })
  .default('en')

/** An error body `{ errors: [item, ...] }` (one error at least) with errors shaped as `item`. */
export const errorListSchema = <T extends z.ZodType>(item: T) => z.object({ errors: z.array(item).min(1) })

/** Every error of the custom endpoints (and Payload's own): a list of messages, each with the field path it concerns. */
export const errorBodySchema = errorListSchema(
  z.looseObject({
    message: z.string(),
    field: z.string().optional().describe('Dotted path of the offending field, e.g. preferences.textSize or events.3.type'),
    code: z.string().optional().describe('A machine-readable reason where the endpoint has several (progress moves).'),
  }),
).describe('Error body: { errors: [{ message, field?, code? }] }.')

// ---------------------------------------------------------------- bundle and catalog

export const bundleQuerySchema = z.object({ locale: localeQuerySchema })

export const catalogQuerySchema = z.object({
  locale: localeQuerySchema,
  age: z.string().min(1).max(20).optional().describe('Age range, e.g. 4-6'),
  region: z.string().min(1).max(50).optional(),
  page: z.coerce
    .number({ message: 'page must be a whole number from 1' })
    .int('page must be a whole number from 1')
    .min(1, 'page must be a whole number from 1')
    .max(10_000, 'page must be at most 10000')
    .default(1),
})

export const storyCardSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    ageRange: z.string(),
    region: z.string(),
    durationMin: z.number().nullable(),
    coverUrl: z.string().nullable(),
    complete: z.boolean(),
    version: z.string().describe('The bundle version (its ETag).'),
    bundleUrl: z.string().nullable().describe('Immutable copy of the bundle in object storage.'),
    liveLocales: z.array(z.string()).describe('Locales the story is live in: its source locale and every published one.'),
  })

export const catalogPageSchema = z
  .object({
    locale: localeCodeSchema,
    page: z.number().int(),
    pageSize: z.number().int(),
    totalDocs: z.number().int(),
    totalPages: z.number().int(),
    stories: z.array(storyCardSchema),
  })

// ---------------------------------------------------------------- listener

export const listenerSchema = z
  .object({
    id: z.string(),
    anonymousId: z.string(),
    preferences: z.object({
      language: localeCodeSchema.optional(),
      codeMix: z.number().optional(),
      autoplay: z.boolean().optional(),
      textSize: z.string().optional(),
    }),
    createdAt: z.string(),
    lastActive: z.string().nullable(),
  })

export const signInResponseSchema = z
  .object({ token: z.string().describe('Send as Authorization: Bearer <token>.'), user: listenerSchema })

export const listenerResponseSchema = z.object({ user: listenerSchema })

export const progressSchema = z
  .object({
    storySlug: z.string(),
    storyId: z.string(),
    currentNodeId: z.string().nullable(),
    choicesMade: z.array(z.object({ node_id: z.string(), choice: z.string(), at: z.string() })),
    isCompleted: z.boolean(),
    completionPercentage: z.number().min(0).max(100),
    playCount: z.number().int(),
    totalTimeSec: z.number(),
    lastPlayedAt: z.string().nullable(),
    ended: z.boolean(),
  })

export const progressResponseSchema = z.object({ progress: progressSchema })
export const progressListSchema = z.object({ docs: z.array(progressSchema) })

export const progressMoveErrorSchema = errorListSchema(
  z.looseObject({
    message: z.string(),
    field: z.string().optional(),
    code: z.string().optional().describe('e.g. not-current-node, unknown-choice, story-ended, story-inactive'),
    currentNodeId: z.string().nullable().optional().describe('Where the listener really is (409).'),
  }),
)

export const bookmarkSchema = z
  .object({ id: z.string(), storyId: z.string(), storySlug: z.string(), notes: z.string().nullable(), createdAt: z.string() })

export const bookmarkAddedSchema = z.object({ bookmark: bookmarkSchema, created: z.boolean() })
export const bookmarkListSchema = z.object({ docs: z.array(bookmarkSchema) })
export const deletedSchema = z.object({ deleted: z.literal(true) })

export const analyticsAcceptedSchema = z.object({ accepted: z.number().int() })
export const analyticsBatchErrorSchema = z
  .object({
    errors: z.array(z.looseObject({ message: z.string(), field: z.string(), index: z.number().int().optional() })).min(1),
    invalidIndexes: z.array(z.number().int()).describe('Indexes of the events that are invalid; nothing of the batch was written.'),
  })

// ---------------------------------------------------------------- staff

export const dashboardQuerySchema = z.object({
  days: z.coerce
    .number({ message: 'days must be a whole number from 1 to 366.' })
    .int('days must be a whole number from 1 to 366.')
    .min(1, 'days must be a whole number from 1 to 366.')
    .max(366, 'days must be a whole number from 1 to 366.')
    .default(30),
})

export const listenerDashboardSchema = z
  .object({
    days: z.number().int(),
    perDay: z.array(z.object({ day: z.string(), started: z.number(), completed: z.number() })),
    choices: z.array(z.object({ storySlug: z.string(), nodeId: z.string(), nodeText: z.string().nullable(), choice: z.string(), count: z.number() })),
    listeners: z.number(),
    activeListeners7d: z.number(),
  })

const issueSchema = z.object({
  code: z.string(),
  message: z.string(),
  nodeId: z.string().optional(),
  choiceId: z.string().optional(),
  locale: localeCodeSchema.optional(),
})

export const validationReportSchema = z
  .object({ errors: z.array(issueSchema), warnings: z.array(issueSchema) })
  .describe('Errors block activation; warnings (e.g. missing translations) do not.')

export const storyIdParamSchema = z.uuid({ message: 'must be a story id (UUID)' })

export const generateAudioBodySchema = z
  .strictObject({
    locales: z
      .union([z.array(z.string()), z.string().describe('Comma-separated locale codes')])
      .optional()
      .describe('Limit generation to these locale codes (default: all); an unknown code is a 400 listing the valid ones.'),
  })
  .optional()

export const regenerateAudioBodySchema = z
  .strictObject({
    speaker: z.string().trim().min(1).max(50).optional().describe('Another speaker for this line (a valid speaker of the configured provider and model); default: the voice cast’s.'),
    pace: z.number().min(0.5).max(2).optional().describe('Pace, 1 = normal (0.5-2, what every provider and model accepts); default: normal.'),
  })
  .optional()

export const regenerateAudioResultSchema = z.object({
  jobId: z.string().describe('The one generateAudio job queued for this line.'),
  audioFile: z.string().describe('The rejected audio file whose line is voiced again.'),
  speaker: z.string().nullable().describe('The speaker asked for (null: the voice cast’s).'),
  pace: z.number().nullable().describe('The pace asked for (null: normal).'),
})

const audioCountsSchema = z.object({
  done: z.number(),
  queued: z.number(),
  failed: z.number(),
  missing: z.number(),
  noText: z.number(),
  charsToVoice: z.number(),
  estimatedCostInr: z.number(),
})

export const storyAudioStatusSchema = z
  .object({
    story: z.object({ id: z.string(), slug: z.string() }),
    provider: z.object({ name: z.string(), model: z.string() }),
    locales: z.array(
      audioCountsSchema.extend({
        locale: localeCodeSchema,
        nodes: z.number(),
        review: z
          .object({ pending: z.number(), approved: z.number(), rejected: z.number() })
          .describe('Of the lines done (current audio): waiting for review, approved, rejected.'),
      }),
    ),
    totals: audioCountsSchema.extend({ nodes: z.number() }),
  })

export const enqueueAudioResultSchema = z
  .object({
    jobIds: z.array(z.string()),
    enqueued: z.number(),
    upToDate: z.number(),
    alreadyQueued: z.number(),
    noText: z.number(),
    status: storyAudioStatusSchema,
  })

/**
 * Parses a URL's query with `schema`: the data, or the 400 body naming every bad parameter
 * (`{ errors: [{ message, field }] }`).
 */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  url: string | URL,
): { ok: true; data: z.output<S> } | { ok: false; body: z.infer<typeof errorBodySchema> } {
  const params = new URL(url, 'http://localhost').searchParams
  const parsed = schema.safeParse(Object.fromEntries(params))
  if (parsed.success) return { ok: true, data: parsed.data }
  return {
    ok: false,
    body: { errors: parsed.error.issues.map((i) => ({ message: i.message, field: i.path.map(String).join('.') || '(query)' })) },
  }
}
