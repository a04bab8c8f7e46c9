/**
 * Request shapes of the listener API, validated with zod. Unknown keys are refused (strict
 * objects): a typo in an app's request is an error it sees at once, not a silently ignored field.
 */
import { z } from 'zod'

import { LOCALE_CODES } from '@/locales'

/** The device's anonymous id: 16-64 characters of [A-Za-z0-9_-] (a UUID or a random string). */
export const anonymousIdSchema = z
  .string()
  .min(16, 'anonymousId must be at least 16 characters')
  .max(64, 'anonymousId must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'anonymousId may only contain letters, digits, "_" and "-"')

export const anonymousSignInSchema = z.strictObject({ anonymousId: anonymousIdSchema })

export const TEXT_SIZES = ['small', 'medium', 'large', 'extra-large'] as const

/**
 * A listener's preferences. Every key is optional (an empty object is valid); `codeMix` is the
 * preferred code-mix ratio (0 = the language as is, 1 = mostly English words), matching the
 * `code_mix_ratio` measured on audio variants.
 */
export const preferencesSchema = z.strictObject({
  language: z.enum(LOCALE_CODES as [string, ...string[]]).optional(),
  codeMix: z.number().min(0).max(1).optional(),
  autoplay: z.boolean().optional(),
  textSize: z.enum(TEXT_SIZES).optional(),
})

export type Preferences = z.infer<typeof preferencesSchema>

/** PATCH /api/users/me: a partial update of the preferences; `null` removes a key. */
export const preferencesPatchSchema = z.strictObject({
  preferences: z.strictObject({
    language: preferencesSchema.shape.language.nullable(),
    codeMix: preferencesSchema.shape.codeMix.nullable(),
    autoplay: preferencesSchema.shape.autoplay.nullable(),
    textSize: preferencesSchema.shape.textSize.nullable(),
  }),
})

/** Applies a preferences patch: keys set to null are removed, others replaced. */
export function mergePreferences(current: unknown, patch: z.infer<typeof preferencesPatchSchema>['preferences']): Preferences {
  const base = preferencesSchema.safeParse(current ?? {})
  const next: Record<string, unknown> = { ...(base.success ? base.data : {}) }
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key]
    else if (value !== undefined) next[key] = value
  }
  return preferencesSchema.parse(next)
}

export const uuidSchema = z.uuid({ message: 'must be a UUID' })

/** Story slugs are kebab-case (what editors can save). */
export const storySlugSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a story slug (lower-case letters, digits and "-")')

/** The most listening time one request may report: longer gaps are the app's clock or a bug. */
export const MAX_LISTENED_SEC_PER_MOVE = 900

const listenedSec = z.number().int('must be whole seconds').min(0).max(MAX_LISTENED_SEC_PER_MOVE).optional()

export const startBodySchema = z.strictObject({ listenedSec }).optional()
export const chooseBodySchema = z.strictObject({ nodeId: uuidSchema, choiceKey: z.string().min(1).max(10), listenedSec })
export const advanceBodySchema = z.strictObject({ nodeId: uuidSchema, listenedSec })

export const MAX_BOOKMARK_NOTES = 1000
/** Text PostgreSQL can store: no NUL characters. */
export const storableString = () => z.string().refine((s) => !s.includes('\u0000'), 'must not contain NUL characters (\\u0000)')

export const bookmarkBodySchema = z.strictObject({ notes: storableString().max(MAX_BOOKMARK_NOTES).nullable().optional() }).optional()

export type FieldIssue = { field: string; message: string }

/** zod issues as `{ field, message }` with dotted paths (`preferences.textSize`, `events.3.type`). */
export function fieldIssues(error: z.ZodError, prefix: (string | number)[] = []): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: [...prefix, ...issue.path].map(String).join('.') || '(body)',
    message: issue.message,
  }))
}
