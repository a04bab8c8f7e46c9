/**
 * The bench reads what it counts: while autocannon loads a scenario, a sampler sends the same
 * request (same headers) with node:http, which does not decode anything itself, and checks each
 * body: decoded exactly per its Content-Encoding, a coding the request accepted, parsed, and its
 * content what the scenario serves (the bundle of the expected `version`, the same bytes, …).
 */
import http from 'node:http'

import { acceptsCoding, ContentCodingError, contentCodings, decodeBody } from '@/domain/http/contentCoding'

export type Expectation =
  /** A story bundle of this version. */
  | { kind: 'bundle'; version: string; slug: string; locale: string }
  /** Exactly these bytes once decoded (the trivial route serving the bundle's own bytes). */
  | { kind: 'bytes'; bytes: Buffer }
  /** Payload REST: a page with this many documents. */
  | { kind: 'rest-docs'; totalDocs: number }
  | { kind: 'catalog'; totalDocs: number }

export type Sample = { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

export type Verdict = { ok: true; encoding: string; wireBytes: number } | { ok: false; error: string }

const header = (h: http.IncomingHttpHeaders, name: string): string | undefined => {
  const v = h[name]
  return Array.isArray(v) ? v.join(', ') : v
}

/** Checks one sampled response against what the scenario must serve. Pure. */
export function checkSample(expect: Expectation, requestHeaders: Record<string, string>, sample: Sample): Verdict {
  if (sample.status !== 200) return { ok: false, error: `status ${sample.status}` }
  const contentEncoding = header(sample.headers, 'content-encoding')
  const codings = contentCodings(contentEncoding)
  const acceptEncoding = Object.entries(requestHeaders).find(([k]) => k.toLowerCase() === 'accept-encoding')?.[1]
  // RFC 9110 §12.5.3: a coding the request did not accept must not be applied.
  for (const coding of codings) {
    if (!acceptsCoding(acceptEncoding, coding)) {
      return { ok: false, error: `Content-Encoding "${contentEncoding}" not accepted by Accept-Encoding "${acceptEncoding ?? ''}"` }
    }
  }
  if (codings.length > 1) return { ok: false, error: `more than one content coding: "${contentEncoding}"` }
  let bytes: Buffer
  try {
    bytes = decodeBody(sample.body, contentEncoding)
  } catch (err) {
    if (err instanceof ContentCodingError) return { ok: false, error: err.message }
    throw err
  }
  const encoding = codings[0] ?? 'identity'
  const ok: Verdict = { ok: true, encoding, wireBytes: sample.body.length }
  if (expect.kind === 'bytes') {
    return bytes.equals(expect.bytes) ? ok : { ok: false, error: `body differs from the expected ${expect.bytes.length} bytes (got ${bytes.length})` }
  }
  let value: unknown
  try {
    value = JSON.parse(bytes.toString('utf8'))
  } catch {
    return { ok: false, error: `not JSON after decoding "${encoding}" (${bytes.length} bytes, starts ${bytes.subarray(0, 12).toString('hex')})` }
  }
  const doc = value as Record<string, unknown>
  if (expect.kind === 'bundle') {
    if (doc.version !== expect.version) return { ok: false, error: `version ${JSON.stringify(doc.version)} is not ${expect.version}` }
    const story = doc.story as { slug?: unknown } | undefined
    if (story?.slug !== expect.slug || doc.locale !== expect.locale) {
      return { ok: false, error: `bundle of ${String(story?.slug)}/${String(doc.locale)}, expected ${expect.slug}/${expect.locale}` }
    }
    if (!Array.isArray(doc.nodes) || doc.nodes.length === 0) return { ok: false, error: 'bundle has no nodes' }
    return ok
  }
  if (expect.kind === 'catalog') {
    if (!Array.isArray(doc.stories) || doc.stories.length === 0 || doc.totalDocs !== expect.totalDocs) {
      return { ok: false, error: `catalog page with totalDocs ${String(doc.totalDocs)}, expected ${expect.totalDocs}` }
    }
    return ok
  }
  if (!Array.isArray(doc.docs) || doc.totalDocs !== expect.totalDocs) {
    return { ok: false, error: `REST page with totalDocs ${String(doc.totalDocs)}, expected ${expect.totalDocs}` }
  }
  return ok
}

/** One GET with exactly `headers` (node:http adds none that matter and decodes nothing). */
export function rawGet(url: string, headers: Record<string, string>): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${url} timed out`)))
    req.on('error', reject)
  })
}

export type SampleReport = {
  sampled: number
  bad: number
  first_error: string | null
  encodings: Record<string, number>
  wire_body_bytes: number | null
}

/**
 * Samples `url` every `intervalMs` until `until` settles (and once more after it), checking every
 * body. Returns the tally.
 */
export async function sampleWhile(
  until: PromiseLike<unknown>,
  url: string,
  headers: Record<string, string>,
  expect: Expectation,
  intervalMs: number,
): Promise<SampleReport> {
  const report: SampleReport = { sampled: 0, bad: 0, first_error: null, encodings: {}, wire_body_bytes: null }
  let done = false
  const settled = Promise.resolve(until).then(
    () => undefined,
    () => undefined,
  )
  void settled.then(() => {
    done = true
  })
  const one = async () => {
    report.sampled++
    let verdict: Verdict
    try {
      verdict = checkSample(expect, headers, await rawGet(url, headers))
    } catch (err) {
      verdict = { ok: false, error: (err as Error).message }
    }
    if (verdict.ok) {
      report.encodings[verdict.encoding] = (report.encodings[verdict.encoding] ?? 0) + 1
      report.wire_body_bytes = verdict.wireBytes
    } else {
      report.bad++
      report.first_error ??= verdict.error
    }
  }
  while (!done) {
    await one()
    await Promise.race([new Promise((r) => setTimeout(r, intervalMs)), settled])
  }
  await one()
  return report
}
