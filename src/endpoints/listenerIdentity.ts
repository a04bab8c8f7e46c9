import type { Endpoint } from 'payload'

import { listenerUser } from '@/access/listenerUser'
import { anonymousSignInSchema, preferencesPatchSchema } from '@/domain/listener/schemas'

import { readJsonBody } from '@/http/body'
import { answeringEndpoint, invalid, json } from '@/http/response'
import { addressKey, limited, requestIp, unauthorized } from '@/listener/http'
import { deleteListener, findListener, signInAnonymous, updatePreferences } from '@/listener/identity'

/** `POST /api/users/anonymous {anonymousId}`: finds or creates the device's listener; 201 when new. */
const signIn: Endpoint = {
  path: '/anonymous',
  method: 'post',
  handler: async (req) => {
    const tooMany = await limited(req.payload, 'signInPerIp', addressKey(requestIp(req.headers)), 'sign-ins from this address')
    if (tooMany) return tooMany
    const parsed = await readJsonBody(req)
    if (!parsed.ok) return parsed.response
    const input = anonymousSignInSchema.safeParse(parsed.value ?? {})
    if (!input.success) return invalid(input.error)
    const { token, user, created } = await signInAnonymous(req.payload, input.data.anonymousId)
    return json(created ? 201 : 200, { token, user })
  },
}

/** `GET /api/users/me`: the signed-in listener with its preferences. */
const me: Endpoint = {
  path: '/me',
  method: 'get',
  handler: async (req) => {
    const listener = listenerUser(req)
    if (!listener) return unauthorized()
    const user = await findListener(req.payload, listener.id)
    return user ? json(200, { user }) : unauthorized()
  },
}

/** `PATCH /api/users/me {preferences}`: updates some preferences (null removes one). */
const updateMe: Endpoint = {
  path: '/me',
  method: 'patch',
  handler: async (req) => {
    const listener = listenerUser(req)
    if (!listener) return unauthorized()
    const parsed = await readJsonBody(req)
    if (!parsed.ok) return parsed.response
    const input = preferencesPatchSchema.safeParse(parsed.value ?? {})
    if (!input.success) return invalid(input.error)
    const user = await updatePreferences(req.payload, listener.id, input.data.preferences)
    return user ? json(200, { user }) : unauthorized()
  },
}

/**
 * `DELETE /api/users/me`: deletes the listener. Progress and bookmarks go with it; analytics
 * events stay, detached (user null). Its token stops working for every write at once.
 */
const deleteMe: Endpoint = {
  path: '/me',
  method: 'delete',
  handler: async (req) => {
    const listener = listenerUser(req)
    if (!listener) return unauthorized()
    const deleted = await deleteListener(req.payload, listener.id)
    return deleted ? json(200, { deleted: true, id: listener.id }) : unauthorized()
  },
}

/** Unexpected failures answer the logged 500 (503 while the database is away) in the one error shape. */
export const listenerIdentityEndpoints: Endpoint[] = [signIn, me, updateMe, deleteMe].map(answeringEndpoint)
