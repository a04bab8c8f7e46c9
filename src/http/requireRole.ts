import type { PayloadRequest } from 'payload'

import { hasRole, type Role } from '@/access/roles'
import { error } from '@/http/response'

export type RoleCheck = {
  /** What the refusal says (default: Payload's own "You are not allowed to perform this action."). */
  message?: string
  /**
   * The status without a signed-in user: 401 (default), or 403 for the endpoints whose published
   * contract has always answered 403 to everyone (validate, the listener dashboard).
   */
  anonymous?: 401 | 403
}

/**
 * The one role check of a custom endpoint: null when the signed-in staff member holds one of
 * `roles`, else the answer: 403 to a signed-in user without the role (listeners included), 401
 * (or `anonymous`) without one.
 */
export function requireRole(req: Pick<PayloadRequest, 'user'>, roles: readonly Role[], check: RoleCheck = {}): Response | null {
  if (hasRole(req, ...roles)) return null
  return error(req.user ? 403 : (check.anonymous ?? 401), check.message ?? 'You are not allowed to perform this action.')
}
