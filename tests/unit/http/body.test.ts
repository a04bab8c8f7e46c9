import { describe, expect, it } from 'vitest'

import { isUuid } from '@/domain/http/uuid'
import { readJsonBody } from '@/http/body'

const post = (body: BodyInit | null, headers: Record<string, string> = {}) => new Request('http://localhost/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit)

/** A body that streams `chunks` of `size` bytes and records how many it was asked for. */
function streamed(chunks: number, size: number) {
  let pulled = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close()
      pulled++
      controller.enqueue(new Uint8Array(size).fill(0x20))
    },
  })
  return { stream, pulled: () => pulled }
}

describe('readJsonBody', () => {
  it('should parse a JSON body', async () => {
    expect(await readJsonBody(post('{"a":[1,"दो"]}'), 100)).toEqual({ ok: true, value: { a: [1, 'दो'] } })
  })

  it('should give undefined for an empty body', async () => {
    expect(await readJsonBody(post(null), 100)).toEqual({ ok: true, value: undefined })
    expect(await readJsonBody(post('  \n'), 100)).toEqual({ ok: true, value: undefined })
  })

  it('should answer 400 for a body that is not JSON', async () => {
    const result = await readJsonBody(post('{"a":'), 100)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.response.status).toBe(400)
    expect(await result.response.json()).toEqual({ errors: [{ message: 'body: The body is not valid JSON.', field: 'body' }] })
  })

  it('should refuse a declared Content-Length over the limit before reading', async () => {
    const body = streamed(10, 1000)
    const result = await readJsonBody(post(body.stream, { 'content-length': '10000' }), 5000)
    expect(result.ok ? 200 : result.response.status).toBe(413)
    expect(body.pulled()).toBeLessThanOrEqual(1)
  })

  it('should stop reading a streamed body as soon as it passes the limit', async () => {
    const body = streamed(1000, 1024) // 1 MB, no Content-Length
    const result = await readJsonBody(post(body.stream), 4096)
    expect(result.ok ? 200 : result.response.status).toBe(413)
    if (!result.ok) expect(await result.response.json()).toEqual({ errors: [{ message: 'The body is larger than 4096 bytes.', field: 'body' }] })
    expect(body.pulled()).toBeLessThan(10)
  })

  it('should count bytes, not characters', async () => {
    const text = JSON.stringify('कहानी'.repeat(10)) // 50 characters, 150 bytes of Devanagari
    expect((await readJsonBody(post(text), 100)).ok).toBe(false)
    expect((await readJsonBody(post(text), 200)).ok).toBe(true)
  })

  it('should read a body given only as text (a Payload request without a stream)', async () => {
    expect(await readJsonBody({ text: async () => '{"x":1}' }, 100)).toEqual({ ok: true, value: { x: 1 } })
    const result = await readJsonBody({ text: async () => 'x'.repeat(101) }, 100)
    expect(result.ok ? 200 : result.response.status).toBe(413)
  })
})

describe('isUuid', () => {
  it.each([
    ['2f1c1c56-3b1e-4c43-9a55-0d6f7f0c6a11', true],
    ['2F1C1C56-3B1E-4C43-9A55-0D6F7F0C6A11', true],
    ['2f1c1c56-3b1e-4c43-9a55-0d6f7f0c6a1', false],
    ['not-a-uuid', false],
    ['', false],
  ])('should tell whether %j is a UUID', (value, expected) => {
    expect(isUuid(value)).toBe(expected)
  })
})
