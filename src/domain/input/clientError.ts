/**
 * Which thrown errors are the client's fault, and which field they are about. Pure: reads the
 * error's shape (a SyntaxError from parsing the body; a PostgreSQL error, possibly wrapped in a
 * driver error's `cause`, with its SQLSTATE `code`) and the request's data and where.
 */

export type ClientError = { field: string; message: string }

type PgLike = { code?: unknown; message?: unknown; column?: unknown; cause?: unknown }

/** SQLSTATE classes that describe the value sent, not the server: data exceptions and constraint checks. */
const CLIENT_SQLSTATE: Record<string, string> = {
  '22P02': 'is not of the type this field stores',
  '22003': 'is out of range for this field',
  '22001': 'is too long for this field',
  '22007': 'is not a valid date',
  '22008': 'is not a valid date',
  '22021': 'contains characters that cannot be stored (NUL)',
  '22P05': 'contains characters that cannot be stored (NUL)',
  '2201X': 'is not a valid value for this field',
  '22023': 'is not a valid value for this field',
  '22004': 'must not be null',
  '22012': 'is not a valid value for this field',
  '23502': 'is required',
  '23514': 'is outside the allowed values',
  '42883': 'uses an operator this field does not support',
  '42804': 'is not of the type this field stores',
}

function pgError(err: unknown): PgLike | null {
  let e = err as PgLike | undefined
  for (let i = 0; e && i < 5; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e
    e = e.cause as PgLike | undefined
  }
  return null
}

/** The dotted path of the first leaf of `value` that equals `needle` (as a string). */
export function findLeaf(value: unknown, needle: string, path = '', depth = 0): string | null {
  if (depth > 32) return null
  if (value === null || value === undefined) return null
  if (typeof value !== 'object') return String(value) === needle ? path : null
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const found = findLeaf(v, needle, path ? `${path}.${k}` : k, depth + 1)
    if (found) return found
  }
  return null
}

/** The literal PostgreSQL quotes in its message (`invalid input syntax for type uuid: "x"`). */
const quoted = (message: string): string | null => message.match(/: "(.*)"$/s)?.[1] ?? null

export function describeClientError(err: unknown, req: { data?: unknown; where?: unknown }): ClientError | null {
  if (err instanceof SyntaxError && /JSON/i.test(err.message)) return { field: 'body', message: 'is not valid JSON' }
  if (err instanceof Error) {
    // Payload's REST layer wraps a body it cannot parse in an APIError without a client status.
    if (err.name === 'APIError' && err.message === 'Invalid JSON') return { field: 'body', message: 'is not valid JSON' }
    // Multipart parsing (busboy) of a body that is not what its Content-Type says.
    if (/^(Unexpected end of form|Malformed part header|Multipart: Boundary not found|Unsupported content type)/.test(err.message))
      return { field: 'body', message: `is not valid form data (${err.message})` }
    // Payload's own "missing" errors name the parameter only in prose.
    const missing = err.message.match(/^Missing (email|username|password|data)\.?$/)
    if (missing) return { field: missing[1]!, message: 'is required' }
    if (/^No files were uploaded/.test(err.message)) return { field: 'file', message: 'is required (multipart form data with a file)' }
    if (/^Missing 'where' query/.test(err.message)) return { field: 'where', message: 'is required to update or delete several documents' }
    if (/adapter\.operators\[queryOperator\] is not a function/.test(err.message)) return { field: 'where', message: 'uses an operator this field does not support' }
  }
  const pg = pgError(err)
  if (!pg) return null
  const code = pg.code as string
  const what = CLIENT_SQLSTATE[code]
  if (!what) return null
  const message = typeof pg.message === 'string' ? pg.message : ''
  const literal = quoted(message)
  let field: string | null = null
  if (literal !== null) {
    const inWhere = findLeaf(req.where, literal)
    field = inWhere ? `where.${inWhere}` : findLeaf(req.data, literal)
  }
  if (!field && typeof pg.column === 'string') field = pg.column
  field ??= req.where !== undefined && req.where !== null ? 'where' : 'body'
  return { field, message: what }
}
