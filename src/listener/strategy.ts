import type { AuthStrategy } from 'payload'

import { bearerToken, looksLikeListenerToken, verifyListenerToken } from '@/domain/listener/token'
import { SLUGS } from '@/slugs'

import { listenerSettings } from '@/listener/config'

export const LISTENER_STRATEGY = 'listener-token'

/**
 * Payload auth for listeners (REST, GraphQL, Local API with a request): a valid listener token
 * whose listener still exists. Unlike the hot paths this reads the listener (one primary-key
 * read), so a deleted listener is unknown at once everywhere Payload answers. Tokens of another
 * shape are left to the other strategies without any work.
 */
export const listenerStrategy: AuthStrategy = {
  name: LISTENER_STRATEGY,
  authenticate: async ({ headers, payload }) => {
    const token = bearerToken(headers.get('authorization'))
    if (!token || !looksLikeListenerToken(token)) return { user: null }
    const check = verifyListenerToken(token, listenerSettings().secret, Math.floor(Date.now() / 1000))
    if (!check.ok) return { user: null }
    const doc = await payload.findByID({ collection: SLUGS.users, id: check.claims.sub, depth: 0, overrideAccess: true, disableErrors: true })
    if (!doc) return { user: null }
    return { user: { ...doc, collection: SLUGS.users, _strategy: LISTENER_STRATEGY } as never }
  },
}
