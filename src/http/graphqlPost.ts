import type { SanitizedConfig } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'

import { describeClientError } from '@/domain/input/clientError'

type Handler = (request: Request) => Promise<Response>

/**
 * Payload's GraphQL POST handler, except that a body it cannot parse answers 400 naming the body
 * (Payload's handler throws outside its own error handling, which Next turns into a 500).
 */
export function graphqlPost(config: Promise<SanitizedConfig>): Handler {
  const inner = GRAPHQL_POST(config) as unknown as Handler
  return async (request) => {
    const refused = (field: string, message: string) =>
      Response.json({ errors: [{ message: `${field}: ${message}`, extensions: { field } }] }, { status: 400 })
    if ((request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json') {
      // The request's shape first: Payload's handler answers "Missing query" or fails on the rest.
      const text = await request.text()
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        return refused('body', 'is not valid JSON')
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return refused('body', 'expected a JSON object { query, variables?, operationName? }')
      const { query, variables, operationName } = body as Record<string, unknown>
      if (typeof query !== 'string' || !query.trim()) return refused('query', 'is required (a GraphQL document as a string)')
      if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return refused('variables', 'expected an object')
      if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return refused('operationName', 'expected a string')
      request = new Request(request.url, { method: request.method, headers: request.headers, body: text })
    }
    try {
      return await inner(request)
    } catch (err) {
      const described = describeClientError(err, {})
      if (!described) throw err
      return Response.json({ errors: [{ message: `${described.field}: ${described.message}`, extensions: { field: described.field } }] }, { status: 400 })
    }
  }
}
