import type { PayloadRequest } from 'payload'

/** The signed-in listener (users auth collection, listener token), or null for staff and the public. */
export type ListenerUser = { id: string; collection: 'users' }

export function listenerUser(req: Pick<PayloadRequest, 'user'>): ListenerUser | null {
  const user = req.user as unknown as ListenerUser | null | undefined
  return user && user.collection === 'users' ? user : null
}
