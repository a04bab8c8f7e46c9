import type { Payload } from 'payload'

import crypto from 'node:crypto'

import type { Role } from '@/access/roles'

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

/** The audio review suites' cast: an admin, an editor, Hindi reviewer and translator, a Tamil reviewer. */
export type ReviewStaff = { admin: Staff; editor: Staff; hindiReviewer: Staff; hindiTranslator: Staff; tamilReviewer: Staff }

/** Creates and signs in the review cast (the two reviewers carry the `reviewer` flag). */
export async function createReviewStaff(payload: Payload, baseUrl: string): Promise<ReviewStaff> {
  const [admin, editor, hindiReviewer, hindiTranslator, tamilReviewer] = await Promise.all([
    createStaff(payload, baseUrl, 'admin'),
    createStaff(payload, baseUrl, 'editor'),
    createStaff(payload, baseUrl, 'translator', ['hi']),
    createStaff(payload, baseUrl, 'translator', ['hi']),
    createStaff(payload, baseUrl, 'translator', ['ta']),
  ])
  for (const s of [hindiReviewer!, tamilReviewer!]) await payload.update({ collection: 'editors', id: s.id, data: { reviewer: true } })
  return { admin: admin!, editor: editor!, hindiReviewer: hindiReviewer!, hindiTranslator: hindiTranslator!, tamilReviewer: tamilReviewer! }
}

/** How a request authenticates: staff send Payload's `JWT <token>`, listeners `Bearer <token>`. */
export type AuthScheme = 'JWT' | 'Bearer'

export type ApiCall = { token?: string; scheme?: AuthScheme; body?: unknown; locale?: string; headers?: Record<string, string> }
export type ApiResponse = { status: number; headers: Headers; body: any }

/**
 * One request to the API under `${baseUrl}/api/`, the way an app sends it: JSON body, the token in
 * the given scheme (default JWT), Node fetch's default headers. The body is parsed as JSON when it
 * is JSON, else returned as `{ raw }`.
 */
export async function api(baseUrl: string, method: string, path: string, call: ApiCall = {}): Promise<ApiResponse> {
  const url = new URL(`${baseUrl}/api/${path.replace(/^\//, '')}`)
  if (call.locale) url.searchParams.set('locale', call.locale)
  const res = await fetch(url, {
    method,
    headers: {
      ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(call.token ? { authorization: `${call.scheme ?? 'JWT'} ${call.token}` } : {}),
      ...call.headers,
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
  return { status: res.status, headers: res.headers, body: json }
}

/** A staff (or anonymous) REST call. */
export const rest = (baseUrl: string, method: string, path: string, call: Omit<ApiCall, 'scheme'> = {}) => api(baseUrl, method, path, call)

/** A GraphQL query, authenticated with `scheme` (default JWT, staff). */
export const gql = (baseUrl: string, query: string, token?: string, variables?: Record<string, unknown>, scheme: AuthScheme = 'JWT') =>
  api(baseUrl, 'POST', 'graphql', { token, scheme, body: { query, variables } })
