/**
 * Bounds on what one read may ask for, for callers without staff rights: a list needs a limit
 * between 1 and MAX_PUBLIC_LIMIT (no `limit=0` = everything, no `pagination=false` without a
 * limit), population depth at most MAX_PUBLIC_DEPTH, and join limits likewise. Staff and server
 * code are not bound (the admin lists with pagination off).
 */
import type { ShapeIssue } from '@/domain/input/dataShape'

export const MAX_PUBLIC_LIMIT = 100
export const MAX_PUBLIC_DEPTH = 3

export type ReadArgs = { limit?: unknown; pagination?: unknown; depth?: unknown; joins?: unknown }

const asNumber = (v: unknown): number | null => {
  if (v === undefined || v === null || v === '') return null
  const n = typeof v === 'number' ? v : Number(v)
  return Number.isFinite(n) ? n : NaN
}

/**
 * `internalSlack` admits one extra row: Payload's GraphQL join resolver asks for limit + 1 to
 * know whether there is a next page.
 */
export function checkListBounds(args: ReadArgs, internalSlack = 1): ShapeIssue[] {
  const issues: ShapeIssue[] = []
  const limit = asNumber(args.limit)
  const max = MAX_PUBLIC_LIMIT + internalSlack
  const unpaginated = args.pagination === false || args.pagination === 'false'
  if (limit !== null && (Number.isNaN(limit) || limit < 1 || limit > max)) {
    issues.push({ path: 'limit', message: `must be between 1 and ${MAX_PUBLIC_LIMIT} (lists are paginated)` })
  } else if (unpaginated && limit === null) {
    issues.push({ path: 'pagination', message: `pagination=false needs a limit between 1 and ${MAX_PUBLIC_LIMIT}` })
  }
  const depth = asNumber(args.depth)
  if (depth !== null && (Number.isNaN(depth) || depth < 0 || depth > MAX_PUBLIC_DEPTH)) {
    issues.push({ path: 'depth', message: `must be between 0 and ${MAX_PUBLIC_DEPTH}` })
  }
  if (args.joins && typeof args.joins === 'object') {
    for (const [name, join] of Object.entries(args.joins as Record<string, unknown>)) {
      if (!join || typeof join !== 'object') continue
      const joinLimit = asNumber((join as { limit?: unknown }).limit)
      if (joinLimit !== null && (Number.isNaN(joinLimit) || joinLimit < 1 || joinLimit > MAX_PUBLIC_LIMIT)) {
        issues.push({ path: `joins.${name}.limit`, message: `must be between 1 and ${MAX_PUBLIC_LIMIT}` })
      }
    }
  }
  return issues
}
