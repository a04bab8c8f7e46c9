/**
 * The id of a relationship value, whether Payload gave the id itself or the populated document
 * (depth > 0); null for an empty relationship. Any other value (a scalar field's) comes back as is.
 */
export function idOf<Id>(value: Id | { id: Id } | null | undefined): Id | null {
  if (value && typeof value === 'object' && 'id' in value) return value.id
  return (value as Id | null | undefined) ?? null
}
