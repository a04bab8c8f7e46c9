/**
 * The objects of an error's chain, outermost first: the error, then what it wraps, through `cause`
 * (drizzle's "Failed query" wraps the driver's error there) or else `originalError` (a GraphQL
 * error wraps the resolver's error there). At most 8 deep; ends at the first non-object.
 */
export function* errorChain(err: unknown): Generator<object> {
  let e = err
  for (let depth = 0; depth < 8 && e && typeof e === 'object'; depth++) {
    yield e
    const { cause, originalError } = e as { cause?: unknown; originalError?: unknown }
    e = cause ?? originalError
  }
}
