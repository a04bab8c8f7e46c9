import type { Payload } from 'payload'

import crypto from 'node:crypto'

import { primaryPool } from '@/db/postgres'

import { api, type ApiResponse, gql } from './api'

/** A fresh valid anonymous id. */
export const deviceId = () => `dev-${crypto.randomBytes(12).toString('hex')}`

export type Listener = { id: string; token: string; anonymousId: string }

/** One call with a listener token (Bearer), or none. */
export const call = (baseUrl: string, method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiResponse> =>
  api(baseUrl, method, path, { ...opts, scheme: 'Bearer' })

export async function signIn(baseUrl: string, anonymousId = deviceId()): Promise<Listener> {
  const res = await call(baseUrl, 'POST', 'users/anonymous', { body: { anonymousId } })
  if (res.status !== 201 && res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`)
  return { id: res.body.user.id, token: res.body.token, anonymousId }
}

export const graphql = (baseUrl: string, query: string, token?: string): Promise<ApiResponse> => gql(baseUrl, query, token, undefined, 'Bearer')

export async function sql<T = Record<string, unknown>>(payload: Payload, text: string, params: unknown[] = []): Promise<T[]> {
  return (await primaryPool(payload).query(text, params)).rows as T[]
}

export async function deleteListeners(payload: Payload, ...ids: string[]): Promise<void> {
  await sql(payload, 'DELETE FROM users WHERE id = ANY($1::uuid[])', [ids])
}
