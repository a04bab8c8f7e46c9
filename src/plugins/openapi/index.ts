/**
 * `GET /api/openapi.json`: one OpenAPI 3.1 document of the whole HTTP API.
 *
 * - Payload's generated REST API (every collection, auth operations) comes from `payload-oapi`
 *   (entityToJSONSchema, the same converter payload-types.ts is generated with).
 * - The custom endpoints (plain Next route handlers and Payload endpoints alike) come from their
 *   zod schemas (src/openapi/operations.ts, src/openapi/document.ts).
 * - Security: payload-oapi describes auth as an OAuth password flow through an extra
 *   `/api/openapi-auth` login endpoint; that endpoint is not mounted (logins go through the
 *   collections' own, rate-limited login) and the schemes are replaced by the two bearer tokens this
 *   API really takes. Operations an anonymous caller may use (read access that answers a query
 *   rather than `false`) are marked with optional security.
 */
import type { Access, CollectionConfig, Config, Endpoint, PayloadRequest, Plugin } from 'payload'
import { openapi } from 'payload-oapi'

import { customOpenApi, SECURITY_SCHEMES } from '@/openapi/document'

export const OPENAPI_PATH = '/openapi.json'

type Doc = {
  openapi: string
  info: Record<string, unknown>
  paths: Record<string, Record<string, { security?: Record<string, unknown>[] } & Record<string, unknown>>>
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> } & Record<string, unknown>
  tags?: { name: string; description?: string }[]
}

/** True when `access` lets an anonymous request through (to everything or to a filtered part). */
async function anonymousMay(access: Access | undefined, req: PayloadRequest): Promise<boolean> {
  if (!access) return false // Payload's default: signed-in users only
  try {
    const anonymous = { ...req, user: null } as PayloadRequest
    return (await access({ req: anonymous } as Parameters<Access>[0])) !== false
  } catch (err) {
    req.payload.logger.warn({ err, msg: 'openapi: an access function failed for an anonymous request; documenting it as signed-in only' })
    return false
  }
}

const METHOD_ACCESS: Record<string, 'read' | 'create' | 'update' | 'delete'> = { get: 'read', post: 'create', patch: 'update', delete: 'delete' }

/** Rewrites payload-oapi's security requirements to the real schemes, optional where anonymous access exists. */
async function fixSecurity(doc: Doc, req: PayloadRequest, customPaths: Set<string>): Promise<void> {
  const apiRoute = req.payload.config.routes.api
  for (const [path, item] of Object.entries(doc.paths)) {
    if (customPaths.has(path)) continue
    const slug = path.slice(apiRoute.length + 1).split('/')[0]!
    const collection = (req.payload.collections as Record<string, { config: CollectionConfig } | undefined>)[slug]?.config
    for (const [method, operation] of Object.entries(item)) {
      if (!operation || typeof operation !== 'object' || !Array.isArray(operation.security)) continue
      const secured = operation.security.some((s) => 'ApiKey' in s)
      if (!secured) continue
      const kind = METHOD_ACCESS[method]
      const isDocumentOp = collection && kind && !path.slice(apiRoute.length + 1 + slug.length).match(/^\/(login|logout|refresh-token|me|init|access|forgot-password|reset-password|unlock|verify|first-register)/)
      const open = isDocumentOp ? await anonymousMay(collection.access?.[kind] as Access | undefined, req) : false
      operation.security = open ? [{}, { payloadAuth: [] }] : [{ payloadAuth: [] }]
    }
  }
}

/** The OpenAPI plugin: payload-oapi for the generated REST API, merged with the custom endpoints. */
export const openapiPlugin =
  (opts: { title: string; version: string; description?: string }): Plugin =>
  (incoming: Config): Config => {
    const withOapi = openapi({
      openapiVersion: '3.1',
      specEndpoint: OPENAPI_PATH,
      metadata: { title: opts.title, version: opts.version, description: opts.description },
      filters: { hideInternalCollections: true },
    })(incoming) as Config // payload-oapi's transform is synchronous
    const endpoints = withOapi.endpoints ?? []
    const spec = endpoints.find((e) => e.path === OPENAPI_PATH && e.method === 'get')
    if (!spec) throw new Error('payload-oapi did not add its spec endpoint')
    const generate = spec.handler
    /** The document depends on the config only: built once per process (servers set per request). */
    let built: Promise<Doc> | undefined
    const build = async (req: PayloadRequest): Promise<Doc> => {
      const generated = await generate(req)
      if (!generated.ok) throw new Error(`payload-oapi answered ${generated.status}: ${await generated.text()}`)
      const doc = (await generated.json()) as Doc
      const custom = customOpenApi()
      const customPaths = new Set(Object.keys(custom.paths))
      await fixSecurity(doc, req, customPaths)
      for (const [path, item] of Object.entries(custom.paths)) doc.paths[path] = { ...doc.paths[path], ...item } as Doc['paths'][string]
      for (const [name, schema] of Object.entries(custom.schemas)) {
        if (name in doc.components.schemas) throw new Error(`openapi: schema name ${name} is used twice`)
        doc.components.schemas[name] = schema
      }
      doc.components.securitySchemes = { ...SECURITY_SCHEMES }
      return doc
    }
    const handler: Endpoint['handler'] = async (req) => {
      built ??= build(req).catch((err: unknown) => {
        built = undefined
        throw err
      })
      const doc = await built
      const servers = [{ url: `${req.protocol}//${req.headers.get('host')}` }]
      return Response.json({ ...doc, servers }, { headers: { 'cache-control': 'public, max-age=300' } })
    }
    return {
      ...withOapi,
      // payload-oapi's /openapi-auth (an OAuth password-flow login) is left out on purpose.
      endpoints: [...endpoints.filter((e) => e !== spec && e.path !== '/openapi-auth'), { ...spec, handler }],
    }
  }
