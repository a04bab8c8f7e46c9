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
    try {
      return await inner(request)
    } catch (err) {
      const described = describeClientError(err, {})
      if (!described) throw err
      return Response.json({ errors: [{ message: `${described.field}: ${described.message}`, extensions: { field: described.field } }] }, { status: 400 })
    }
  }
}
