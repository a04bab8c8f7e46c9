import { error } from '@/http/response'

export type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response }

/** What a body can be read from: a fetch `Request` or Payload's request of a custom endpoint. */
export type BodySource = { headers?: Headers; body?: ReadableStream<Uint8Array> | null; bodyUsed?: boolean; text?: () => Promise<string> }

/** The size limit of a JSON body when the endpoint names none. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024

/**
 * The one body reader: a JSON body of at most `maxBytes`, read as a stream and refused with 413 as
 * soon as more arrives (a declared Content-Length over the limit is refused before reading
 * anything), 400 naming `body` when it is not JSON; `undefined` for an empty body.
 */
export async function readJsonBody(source: BodySource, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<BodyResult> {
  const tooLarge = (): BodyResult => ({ ok: false, response: error(413, `The body is larger than ${maxBytes} bytes.`, { field: 'body' }) })
  if (Number(source.headers?.get('content-length') || 0) > maxBytes) return tooLarge()
  let text: string
  if (source.body && !source.bodyUsed) {
    const reader = source.body.getReader()
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined)
        return tooLarge()
      }
      chunks.push(value)
    }
    text = Buffer.concat(chunks).toString('utf8')
  } else {
    text = source.text ? await source.text() : ''
    if (Buffer.byteLength(text) > maxBytes) return tooLarge()
  }
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false, response: error(400, 'body: The body is not valid JSON.', { field: 'body' }) }
  }
}
