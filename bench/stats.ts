/**
 * Nearest-rank percentile of `values` (any order): the smallest value with at least p% of the
 * values at or below it, so the median of an even count is the lower middle one. NaN when empty.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
