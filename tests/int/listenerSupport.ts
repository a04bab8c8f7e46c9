import type { Payload } from 'payload'

import crypto from 'node:crypto'

import { primaryPool } from '@/db/postgres'

/** A fresh valid anonymous id. */
export const deviceId = () => `dev-${crypto.randomBytes(12).toString('hex')}`

export type Listener = { id: string; token: string; anonymousId: string }

type Res = { status: number; headers: Headers; body: any }

/** One call with a listener token (Bearer), or none. */
export async function call(baseUrl: string, method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Res> {
  const res = await fetch(`${baseUrl}/api/${path.replace(/^\//, '')}`, {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  })
  const text = await res.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = { raw: text }
  }
  return { status: res.status, headers: res.headers, body }
}

export async function signIn(baseUrl: string, anonymousId = deviceId()): Promise<Listener> {
  const res = await call(baseUrl, 'POST', 'users/anonymous', { body: { anonymousId } })
  if (res.status !== 201 && res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`)
  return { id: res.body.user.id, token: res.body.token, anonymousId }
}

export async function graphql(baseUrl: string, query: string, token?: string): Promise<Res> {
  return call(baseUrl, 'POST', 'graphql', { token, body: { query } })
}

export async function sql<T = Record<string, unknown>>(payload: Payload, text: string, params: unknown[] = []): Promise<T[]> {
  return (await primaryPool(payload).query(text, params)).rows as T[]
}

export async function deleteListeners(payload: Payload, ...ids: string[]): Promise<void> {
  await sql(payload, 'DELETE FROM users WHERE id = ANY($1::uuid[])', [ids])
}
