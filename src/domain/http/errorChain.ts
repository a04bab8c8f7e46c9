/**
 * The error an error wraps: its `cause` (drizzle's "Failed query" wraps the driver's error there),
 * else its `originalError` (a GraphQL error wraps the resolver's error there). Undefined at the end.
 */
export function next(err: unknown): unknown {
  if (!err || typeof err !== 'object') return undefined
  const { cause, originalError } = err as { cause?: unknown; originalError?: unknown }
  return cause ?? originalError ?? undefined
}
