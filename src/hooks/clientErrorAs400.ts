import type { AfterErrorHook } from 'payload'

import { describeClientError } from '@/domain/input/clientError'

/**
 * The safety net behind input checks: an error that is the client's doing (a body that is not
 * JSON, a value PostgreSQL refuses as a data exception, an operator its column type has no use
 * for) answers 400 naming the field instead of 500. Everything else stays a logged 500.
 */
export const clientErrorAs400: AfterErrorHook = ({ error, req }) => {
  const described = describeClientError(error, { data: req?.data, where: (req?.query as { where?: unknown } | undefined)?.where })
  if (!described) return
  return {
    status: 400,
    response: { errors: [{ name: 'ValidationError', message: `${described.field}: ${described.message}`, data: { errors: [{ path: described.field, message: described.message }] } }] },
  }
}
