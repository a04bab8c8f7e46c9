import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'

import { checkSample, type Expectation, type Sample } from '../../../bench/bodyCheck'

const bundle = { format: 1, version: 'abc123', locale: 'hi', story: { slug: 'bench-story-01' }, nodes: [{ id: 'n1' }] }
const raw = Buffer.from(JSON.stringify(bundle))
const expectBundle: Expectation = { kind: 'bundle', version: 'abc123', slug: 'bench-story-01', locale: 'hi' }
const sample = (body: Buffer, headers: Record<string, string> = {}, status = 200): Sample => ({ status, headers, body })

describe('checkSample', () => {
  it.each([
    ['none', {}, sample(raw)],
    ['gzip', { 'accept-encoding': 'gzip' }, sample(zlib.gzipSync(raw), { 'content-encoding': 'gzip' })],
    ['br', { 'accept-encoding': 'br' }, sample(zlib.brotliCompressSync(raw), { 'content-encoding': 'br' })],
    ['*', { 'accept-encoding': '*' }, sample(zlib.brotliCompressSync(raw), { 'content-encoding': 'br' })],
    ['gzip asked, identity served', { 'accept-encoding': 'gzip' }, sample(raw)],
  ])('should accept a valid bundle body (%s)', (_label, headers, s) => {
    const verdict = checkSample(expectBundle, headers, s)
    expect(verdict).toMatchObject({ ok: true, wireBytes: s.body.length })
  })

  it('should report the coding it decoded', () => {
    expect(checkSample(expectBundle, { 'accept-encoding': 'br' }, sample(zlib.brotliCompressSync(raw), { 'content-encoding': 'br' }))).toMatchObject({ encoding: 'br' })
  })

  it.each([
    ['gzip inside gzip', { 'accept-encoding': 'gzip' }, sample(zlib.gzipSync(zlib.gzipSync(raw)), { 'content-encoding': 'gzip' }), /not JSON/],
    ['brotli without a header', { 'accept-encoding': 'br' }, sample(zlib.brotliCompressSync(raw)), /not JSON/],
    ['br to a client that asked for gzip', { 'accept-encoding': 'gzip' }, sample(zlib.brotliCompressSync(raw), { 'content-encoding': 'br' }), /not accepted/],
    ['gzip to a client that sent no Accept-Encoding', {}, sample(zlib.gzipSync(raw), { 'content-encoding': 'gzip' }), /not accepted/],
    ['br refused with q=0', { 'accept-encoding': 'gzip, br;q=0' }, sample(zlib.brotliCompressSync(raw), { 'content-encoding': 'br' }), /not accepted/],
    ['a 500', {}, sample(raw, {}, 500), /status 500/],
  ])('should fail %s', (_label, headers, s, error) => {
    const verdict = checkSample(expectBundle, headers, s)
    expect(verdict.ok).toBe(false)
    expect(!verdict.ok && verdict.error).toMatch(error)
  })

  it('should fail a bundle of another version', () => {
    const other = Buffer.from(JSON.stringify({ ...bundle, version: 'old' }))
    expect(checkSample(expectBundle, {}, sample(other))).toMatchObject({ ok: false, error: expect.stringMatching(/version "old"/) })
  })

  it('should fail the trivial route when its bytes differ from the bundle it serves', () => {
    const verdict = checkSample({ kind: 'bytes', bytes: raw }, {}, sample(Buffer.from('{"pad":"xxx"}')))
    expect(verdict.ok).toBe(false)
  })

  it('should check a REST page by its totalDocs', () => {
    const page = Buffer.from(JSON.stringify({ docs: [{}], totalDocs: 40 }))
    expect(checkSample({ kind: 'rest-docs', totalDocs: 40 }, {}, sample(page)).ok).toBe(true)
    expect(checkSample({ kind: 'rest-docs', totalDocs: 41 }, {}, sample(page)).ok).toBe(false)
  })
})
