import type { ExecutionArgs, ValidationRule } from 'graphql'

import { GraphQLError } from 'graphql'
import { createComplexityRule, fieldExtensionsEstimator, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity'

/** Rows a paginated field is assumed to return when the query does not say; `limit: 0` means all. */
const DEFAULT_ROWS = 10
const UNBOUNDED_ROWS = 1000

/**
 * Payload's own complexity limit adds a fixed cost per relationship and ignores `limit`, so a
 * query nesting `nodes(limit: 500) { choices(limit: 100) { … } }` passes it. Here a paginated
 * field (one that takes `limit`) costs its children times the rows it may return.
 */
const paginatedEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  if (!field.args.some((a) => a.name === 'limit')) return undefined
  const limit = args.limit === undefined || args.limit === null ? DEFAULT_ROWS : Number(args.limit)
  const rows = limit === 0 ? UNBOUNDED_ROWS : Number.isFinite(limit) && limit > 0 ? limit : DEFAULT_ROWS
  return 1 + rows * Math.max(childComplexity, 1)
}

export const MAX_LIST_COMPLEXITY = Number(process.env.GRAPHQL_MAX_LIST_COMPLEXITY || 50_000)

export function listAwareComplexityRules(args: ExecutionArgs): ValidationRule[] {
  return [
    createComplexityRule({
      maximumComplexity: MAX_LIST_COMPLEXITY,
      variables: (args.variableValues as Record<string, unknown> | undefined) ?? {},
      estimators: [paginatedEstimator, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
      createError: (max, actual) =>
        new GraphQLError(`Query complexity ${actual} exceeds the limit of ${max}: ask for fewer rows (limit) or less nesting.`),
    }),
  ]
}
