/**
 * Turns OPERATIONS (zod-described custom endpoints) into OpenAPI 3.1 paths and component schemas.
 * Schemas are converted with zod 4's own `z.toJSONSchema` (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1), as input schemas: request objects stay strict, response objects open. Named
 * schemas become `#/components/schemas/<Name>` references; the registry is private to this module,
 * so loading the schema modules twice (Next bundles) cannot produce duplicate ids.
 */
import { z } from 'zod'

import {
  analyticsAcceptedSchema,
  analyticsBatchErrorSchema,
  bookmarkAddedSchema,
  bookmarkListSchema,
  bookmarkSchema,
  catalogPageSchema,
  deletedSchema,
  enqueueAudioResultSchema,
  errorBodySchema,
  listenerDashboardSchema,
  listenerResponseSchema,
  listenerSchema,
  localeCodeSchema,
  progressListSchema,
  progressMoveErrorSchema,
  progressResponseSchema,
  progressSchema,
  signInResponseSchema,
  storyAudioStatusSchema,
  storyCardSchema,
  validationReportSchema,
} from '@/domain/api/schemas'
import { bundleCharacterSchema, bundleChoiceSchema, bundleCueSchema, bundleNodeSchema, bundleStorySchema, storyBundleSchema } from '@/domain/story/bundleSchema'

import { OPERATIONS, type OperationDoc, type Security } from '@/openapi/operations'

type JsonSchema = Record<string, unknown>
export type PathItems = Record<string, Record<string, unknown>>

/** Schemas referenced by name wherever they occur (the rest are named after their operation). */
const SHARED: Record<string, z.ZodType> = {
  StoryBundle: storyBundleSchema,
  BundleStory: bundleStorySchema,
  BundleCharacter: bundleCharacterSchema,
  BundleNode: bundleNodeSchema,
  BundleChoice: bundleChoiceSchema,
  BundleCue: bundleCueSchema,
  StoryCard: storyCardSchema,
  CatalogPage: catalogPageSchema,
  Listener: listenerSchema,
  Progress: progressSchema,
  ListenerBookmark: bookmarkSchema,
  LocaleCode: localeCodeSchema,
  Error: errorBodySchema,
  ListenerSignIn: signInResponseSchema,
  ListenerResponse: listenerResponseSchema,
  ProgressResponse: progressResponseSchema,
  ProgressList: progressListSchema,
  ProgressMoveError: progressMoveErrorSchema,
  BookmarkAdded: bookmarkAddedSchema,
  BookmarkList: bookmarkListSchema,
  Deleted: deletedSchema,
  AnalyticsAccepted: analyticsAcceptedSchema,
  AnalyticsBatchError: analyticsBatchErrorSchema,
  ValidationReport: validationReportSchema,
  StoryAudioStatus: storyAudioStatusSchema,
  AudioEnqueued: enqueueAudioResultSchema,
  ListenerDashboard: listenerDashboardSchema,
}

export const SECURITY_SCHEMES = {
  listenerToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'A listener token (lt1.…) from POST /api/users/anonymous.',
  },
  payloadAuth: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'A staff JWT from POST /api/editors/login (Payload also accepts `Authorization: JWT <token>` and its `payload-token` cookie), or a listener token for the listener collections.',
  },
} as const

const SECURITY: Record<Security, Record<string, string[]>[]> = {
  none: [],
  listener: [{ listenerToken: [] }],
  staff: [{ payloadAuth: [] }],
}

const upperFirst = (s: string) => s[0]!.toUpperCase() + s.slice(1)

function unwrapOptional(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  return schema instanceof z.ZodOptional ? { inner: schema.unwrap() as z.ZodType, optional: true } : { inner: schema, optional: false }
}

/** A standalone JSON schema (query and path parameters), without the `$schema` key. */
function inlineSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema
  return rest
}

export type CustomOpenApi = { paths: PathItems; schemas: Record<string, JsonSchema> }

let built: CustomOpenApi | undefined

/** The custom endpoints' paths and the component schemas they reference (built once). */
export function customOpenApi(): CustomOpenApi {
  if (built) return built
  const registry = z.registry<{ id: string }>()
  const named = new Map<z.ZodType, string>()
  const name = (schema: z.ZodType, fallback: string): string => {
    const existing = named.get(schema)
    if (existing) return existing
    named.set(schema, fallback)
    registry.add(schema, { id: fallback })
    return fallback
  }
  for (const [id, schema] of Object.entries(SHARED)) name(schema, id)
  const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` })

  const paths: PathItems = {}
  for (const op of OPERATIONS) paths[op.path] = { ...paths[op.path], [op.method]: operation(op) }

  function operation(op: OperationDoc): Record<string, unknown> {
    const parameters: Record<string, unknown>[] = []
    for (const [param, { schema, description }] of Object.entries(op.pathParams ?? {})) {
      parameters.push({ in: 'path', name: param, required: true, description, schema: inlineSchema(schema) })
    }
    for (const [param, field] of Object.entries(op.query?.shape ?? {})) {
      const schema = field as z.ZodType
      const optional = schema.safeParse(undefined).success
      const json = inlineSchema(schema)
      parameters.push({ in: 'query', name: param, required: !optional, ...(json.description ? { description: json.description } : {}), schema: json })
    }
    const out: Record<string, unknown> = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      security: SECURITY[op.security],
    }
    if (parameters.length) out.parameters = parameters
    if (op.body) {
      const { inner, optional } = unwrapOptional(op.body)
      out.requestBody = {
        required: !optional,
        content: { 'application/json': { schema: ref(name(inner, `${upperFirst(op.operationId)}Body`)) } },
      }
    }
    const responses: Record<string, unknown> = {}
    for (const [status, doc] of Object.entries(op.responses)) {
      responses[status] = {
        description: doc.description,
        ...(doc.headers ? { headers: doc.headers } : {}),
        ...(doc.schema
          ? {
              content: {
                [doc.contentType ?? 'application/json']: {
                  schema: doc.contentType ? inlineSchema(doc.schema) : ref(name(doc.schema, `${upperFirst(op.operationId)}${status}`)),
                },
              },
            }
          : {}),
      }
    }
    out.responses = responses
    return out
  }

  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as unknown as { schemas: Record<string, JsonSchema> }
  for (const schema of Object.values(schemas)) {
    delete schema.$schema
    delete schema.$id
  }
  built = { paths, schemas }
  return built
}
