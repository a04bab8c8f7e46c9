import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'

import { ContentCodingError, contentCodings, decodeBody, decodeJson } from '@/domain/http/contentCoding'

const json = Buffer.from(JSON.stringify({ version: 'v1', text: 'चतुर कौआ' }))

describe('contentCodings', () => {
  it.each([
    [null, []],
    ['', []],
    ['identity', []],
    ['GZIP', ['gzip']],
    ['gzip, br', ['gzip', 'br']],
  ])('should read %j as %j', (header, codings) => {
    expect(contentCodings(header)).toEqual(codings)
  })
})

describe('decodeBody', () => {
  it.each([
    ['gzip', zlib.gzipSync(json)],
    ['br', zlib.brotliCompressSync(json)],
    ['deflate', zlib.deflateSync(json)],
    [null, json],
    ['identity', json],
  ])('should decode a %s body to the original bytes', (coding, body) => {
    expect(decodeBody(body, coding).equals(json)).toBe(true)
  })

  it('should undo a list of codings in reverse order of application', () => {
    expect(decodeBody(zlib.brotliCompressSync(zlib.gzipSync(json)), 'gzip, br').equals(json)).toBe(true)
  })

  it('should refuse a coding it does not know', () => {
    expect(() => decodeBody(json, 'compress')).toThrow(ContentCodingError)
  })
})

describe('decodeJson', () => {
  it('should parse a body compressed once and named once', () => {
    expect(decodeJson(zlib.gzipSync(json), 'gzip')).toEqual({ version: 'v1', text: 'चतुर कौआ' })
  })

  it('should fail on gzip inside gzip under one gzip header (the double compression bug)', () => {
    expect(() => decodeJson(zlib.gzipSync(zlib.gzipSync(json)), 'gzip')).toThrow(/not JSON after decoding/)
  })

  it('should fail on brotli bytes sent without Content-Encoding', () => {
    expect(() => decodeJson(zlib.brotliCompressSync(json), null)).toThrow(/not JSON/)
  })

  it('should fail on a body named gzip that is not gzip', () => {
    expect(() => decodeJson(json, 'gzip')).toThrow(/not valid gzip/)
  })
})
