import type { ExecutionArgs, ValidationRule } from 'graphql'

import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext } from 'graphql'
import { createComplexityRule, fieldExtensionsEstimator, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity'
import { settings } from '@/settings'

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
  // A join field without a limit returns every row (Payload's resolver passes limit 0); a list with
  // pagination: false or a limit below 1 does too. Those are priced as unbounded (and refused for
  // the public at execution, see src/hooks/boundPublicReads.ts).
  const isJoin = (field.extensions as { field?: { type?: string } } | undefined)?.field?.type === 'join'
  const missing = args.limit === undefined || args.limit === null
  const limit = missing ? (isJoin ? 0 : DEFAULT_ROWS) : Number(args.limit)
  const unbounded = args.pagination === false || !Number.isFinite(limit) || limit < 1
  const rows = unbounded ? UNBOUNDED_ROWS : limit
  return 1 + rows * Math.max(childComplexity, 1)
}

/**
 * Aliases let one query call the same resolver hundreds of times (`a1: StoryBundle(…) a2: …`),
 * each priced as one field. A field selected more than GRAPHQL_MAX_FIELD_REPEATS times (default 20)
 * in one selection set is refused.
 */
function fieldRepeatsRule(context: ValidationContext): ASTVisitor {
  const maxRepeats = settings().graphql.maxFieldRepeats
  return {
    SelectionSet(node: SelectionSetNode) {
      const counts = new Map<string, number>()
      for (const selection of node.selections) {
        if (selection.kind !== Kind.FIELD) continue
        const name = selection.name.value
        const n = (counts.get(name) ?? 0) + 1
        counts.set(name, n)
        if (n === maxRepeats + 1) {
          context.reportError(new GraphQLError(`${name} is selected more than ${maxRepeats} times (aliases count): split the query.`, { nodes: [selection] }))
        }
      }
    },
  }
}

export function listAwareComplexityRules(args: ExecutionArgs): ValidationRule[] {
  return [
    fieldRepeatsRule,
    createComplexityRule({
      maximumComplexity: settings().graphql.maxListComplexity,
      variables: (args.variableValues as Record<string, unknown> | undefined) ?? {},
      estimators: [paginatedEstimator, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
      createError: (max, actual) =>
        new GraphQLError(`Query complexity ${actual} exceeds the limit of ${max}: ask for fewer rows (limit) or less nesting.`),
    }),
  ]
}
