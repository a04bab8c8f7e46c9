import type { CollectionBeforeOperationHook } from 'payload'

import crypto from 'node:crypto'
import { Forbidden } from 'payload'

import { settings } from '@/settings'

const sameSecret = (a: string, b: string): boolean => {
  const x = crypto.createHash('sha256').update(a).digest()
  const y = crypto.createHash('sha256').update(b).digest()
  return crypto.timingSafeEqual(x, y)
}

/**
 * `POST /api/editors/first-register` (the admin's "create first user" screen) creates the first
 * admin only with the one-time setup token: `setupToken` must equal ADMIN_SETUP_TOKEN, which
 * `npm start`/`npm run dev` generate and print when no staff account exists (or the operator sets).
 * Without a configured token first-register is closed. The first account is always an admin.
 * Payload itself refuses first-register once any staff account exists, which makes the token
 * single-use.
 */
export const requireSetupTokenForFirstUser: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' || req.user) return args
  const pathname = req.url ? new URL(req.url, 'http://x').pathname : ''
  if (!pathname.endsWith('/first-register')) return args
  const data = (args as { data?: Record<string, unknown> }).data ?? {}
  const expected = settings().payload.adminSetupToken
  const given = typeof data.setupToken === 'string' ? data.setupToken : ''
  if (!expected || !given || !sameSecret(given, expected)) {
    req.payload.logger.warn('first-register refused: missing or wrong setup token')
    throw new Forbidden(req.t)
  }
  const { setupToken: _used, ...rest } = data
  ;(args as { data: Record<string, unknown> }).data = { ...rest, role: 'admin' }
  return args
}
