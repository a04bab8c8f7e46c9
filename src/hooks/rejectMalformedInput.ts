import type { CollectionBeforeOperationHook } from 'payload'

import { ValidationError } from 'payload'

import { checkDataShape, checkJsonValue, checkPaging, MAX_JSON_DEPTH, checkWhere, type FieldShape, type ShapeIssue } from '@/domain/input/dataShape'

/**
 * Refuses a create or update whose data is not an object, or has a value of the wrong type for its
 * field, NUL characters or JSON nested too deep, and a `where` the database would fail on: 400
 * naming every such field, before access hooks, validation or the database see it. Runs for REST,
 * GraphQL and the Local API alike.
 */
export const rejectMalformedInput: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  const fields = collection.fields as unknown as FieldShape[]
  const issues: ShapeIssue[] = []
  const { data, where } = args as { data?: unknown; where?: unknown }
  if (operation === 'create' || operation === 'update') {
    // No data at all (a body that is not JSON, or none): an upload may carry only its file.
    if (data === undefined && !req.file) issues.push({ path: 'body', message: 'expected a JSON object (Content-Type: application/json)' })
    else if (data !== undefined) {
      const fieldIssues = checkDataShape(data, fields, { allLocales: req.locale === 'all' })
      issues.push(...fieldIssues)
      // Then the whole body: keys no field declares are still walked by Payload, and a value nested
      // thousands of levels deep under one overflows its stack (a 500). Declared fields have their
      // own (lower) limit above, which names the field.
      const whole = fieldIssues.length ? null : checkJsonValue(data, 'body', 2 * MAX_JSON_DEPTH)
      if (whole) issues.push(whole)
    }
  }
  if (where !== undefined && where !== null) issues.push(...checkWhere(where, fields))
  issues.push(...checkPaging(args as { limit?: unknown; page?: unknown; depth?: unknown }))
  if (issues.length) {
    throw new ValidationError({ collection: collection.slug, errors: issues.map((i) => ({ path: i.path, message: `${i.path}: ${i.message}` })) }, req.t)
  }
  return args
}
