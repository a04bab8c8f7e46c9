import type { Payload } from 'payload'

import crypto from 'node:crypto'

import type { Role } from '@/slugs'

export const uid = (prefix = 't') => `${prefix}-${crypto.randomBytes(4).toString('hex')}`

export type Staff = { id: string; email: string; password: string; token: string; role: Role }

/** Creates a staff account through the Local API and signs it in through REST (a real login). */
export async function createStaff(
  payload: Payload,
  baseUrl: string,
  role: Role,
  assignedLocales: string[] = [],
): Promise<Staff> {
  const email = `${uid(role)}@test.local`
  const password = 'correct horse battery staple'
  const doc = await payload.create({
    collection: 'editors',
    data: { email, password, role, assignedLocales: assignedLocales as never },
  })
  const res = await fetch(`${baseUrl}/api/editors/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = (await res.json()) as { token?: string }
  if (!res.ok || !body.token) throw new Error(`login failed: ${res.status} ${JSON.stringify(body)}`)
  return { id: doc.id, email, password, token: body.token, role }
}

type Call = { token?: string; body?: unknown; locale?: string }

export async function rest(baseUrl: string, method: string, path: string, call: Call = {}) {
  const url = new URL(`${baseUrl}/api/${path.replace(/^\//, '')}`)
  if (call.locale) url.searchParams.set('locale', call.locale)
  const res = await fetch(url, {
    method,
    headers: {
      ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(call.token ? { authorization: `JWT ${call.token}` } : {}),
    },
    body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
  })
  const text = await res.text()
  let json: any = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = { raw: text }
  }
  return { status: res.status, body: json }
}

export async function gql(baseUrl: string, query: string, token?: string, variables?: Record<string, unknown>) {
  const res = await fetch(`${baseUrl}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  return { status: res.status, body: (await res.json()) as any }
}
