/**
 * HTTP as the bytes on the wire: node:http sends exactly the headers given (no Accept-Encoding of
 * its own) and decodes nothing, so a test sees what a client of any stack receives. `readBody`
 * then reads the response the way a conforming client must: only a coding the request accepted,
 * exactly one layer, named by Content-Encoding.
 */
import http from 'node:http'

import { acceptsCoding, contentCodings, decodeBody } from '@/domain/http/contentCoding'

export type Wire = { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

export function wire(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Wire> {
  const method = opts.method ?? 'GET'
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: opts.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${method} ${url}`)))
    req.end(opts.body)
  })
}

/**
 * The decoded body of `res`, after checking that its coding is one layer the request accepted.
 * Throws with the reason otherwise.
 */
export function readBody(res: Wire, acceptEncoding: string | undefined): { text: string; coding: string } {
  const header = res.headers['content-encoding']
  const codings = contentCodings(header)
  if (codings.length > 1) throw new Error(`more than one content coding: ${header}`)
  const coding = codings[0] ?? 'identity'
  if (coding !== 'identity' && !acceptsCoding(acceptEncoding, coding)) {
    throw new Error(`Content-Encoding ${coding} sent to a client whose Accept-Encoding is ${JSON.stringify(acceptEncoding ?? null)}`)
  }
  return { text: decodeBody(res.body, header).toString('utf8'), coding }
}
