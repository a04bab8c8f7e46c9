import type { AfterErrorHook } from 'payload'

type HookArgs = Parameters<AfterErrorHook>[0]
type HookResult = Awaited<ReturnType<AfterErrorHook>>

/**
 * An afterError hook's answer "503, retry in `retryAfterSec` s" in the shape of the API that
 * failed. REST: status 503, `{ errors: [{ message }] }` and `Retry-After`. GraphQL answers HTTP 200
 * with the error in the body (graphql-http), so there it is the error's `extensions.statusCode`
 * (503) and message that change, which is what Payload's GraphQL clients read.
 */
export function answer503({ req, graphqlResult }: HookArgs, message: string, retryAfterSec: number): HookResult {
  if (graphqlResult) {
    const extensions = (graphqlResult as { extensions?: Record<string, unknown> }).extensions ?? {}
    return { graphqlResult: { ...graphqlResult, message, extensions: { ...extensions, statusCode: 503, retryAfter: retryAfterSec } } }
  }
  if (req) {
    const headers = new Headers(req.responseHeaders)
    headers.set('retry-after', String(retryAfterSec))
    req.responseHeaders = headers
  }
  return { status: 503, response: { errors: [{ message }] } }
}
