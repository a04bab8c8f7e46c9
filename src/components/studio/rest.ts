/**
 * The Studio's only way to write: Payload's own REST API, with the signed-in editor's cookie.
 * Access rules, validation and hooks are Payload's; this adds none of its own.
 */

export class RestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = 'RestError'
  }
}

type PayloadErrorBody = { errors?: { message?: string; data?: { errors?: { path?: string; message?: string }[] } }[]; message?: string }

function messageOf(status: number, body: unknown): string {
  const b = (body ?? {}) as PayloadErrorBody
  const parts: string[] = []
  for (const e of b.errors ?? []) {
    const fields = e.data?.errors?.map((f) => (f.path ? `${f.path}: ${f.message ?? ''}` : (f.message ?? ''))).filter(Boolean) ?? []
    parts.push(fields.length ? `${e.message ?? ''} ${fields.join('; ')}`.trim() : (e.message ?? ''))
  }
  const text = parts.filter(Boolean).join(' ') || b.message || ''
  if (status === 403) return `Not allowed: ${text || 'you may not make this change.'}`
  return text || `The server answered ${status}.`
}

export async function rest<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'include',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  if (!res.ok) throw new RestError(res.status, messageOf(res.status, json))
  return json as T
}
