/**
 * Delivery as apps meet it, on the production server (`npm start`, the custom server in
 * src/server): the bytes on the wire for every Accept-Encoding, readable JSON for clients nobody
 * here wrote (Node's fetch with its default headers, curl --compressed, Chromium's fetch()), and
 * API headers on API responses while the admin keeps its own.
 */
import { execFile } from 'node:child_process'
import http from 'node:http'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchChromium } from '../support/e2eBrowser'

const BUNDLE = '/api/stories/clever-crow/bundle?locale=hi'
const url = (pathAndQuery: string) => `${inject('appUrl')}${pathAndQuery}`

type Wire = { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** One request with exactly these headers (node:http adds no Accept-Encoding): the bytes as sent. */
function wire(pathAndQuery: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Wire> {
  return new Promise((resolve, reject) => {
    const req = http.request(url(pathAndQuery), { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${method} ${pathAndQuery}`)))
    req.end(body)
  })
}

/** Decodes exactly the codings Content-Encoding names, once each, as a conforming client does. */
function decode(res: Wire): string {
  const coding = res.headers['content-encoding']
  if (coding === 'gzip') return zlib.gunzipSync(res.body).toString('utf8')
  if (coding === 'br') return zlib.brotliDecompressSync(res.body).toString('utf8')
  if (coding === undefined) return res.body.toString('utf8')
  throw new Error(`unexpected Content-Encoding ${coding}`)
}

/** Headers an API response must not carry, and the Vary it may carry. */
function expectApiHeaders(res: Wire): void {
  expect(res.headers['accept-ch']).toBeUndefined()
  expect(res.headers['critical-ch']).toBeUndefined()
  const vary = String(res.headers.vary ?? '')
  expect(vary).not.toMatch(/sec-ch-prefers-color-scheme|rsc|next-router/i)
}

describe('bundle compression on the production server', () => {
  it.each([
    ['(none)', {}, undefined],
    ['identity', { 'accept-encoding': 'identity' }, undefined],
    ['gzip', { 'accept-encoding': 'gzip' }, 'gzip'],
    ['gzip, deflate (Node fetch)', { 'accept-encoding': 'gzip, deflate' }, 'gzip'],
    ['br', { 'accept-encoding': 'br' }, 'br'],
    ['gzip, deflate, br, zstd (Chromium)', { 'accept-encoding': 'gzip, deflate, br, zstd' }, 'br'],
    ['zstd', { 'accept-encoding': 'zstd' }, undefined],
    ['gzip;q=1.0, br;q=0.5', { 'accept-encoding': 'gzip;q=1.0, br;q=0.5' }, 'gzip'],
    ['*', { 'accept-encoding': '*' }, 'br'],
    ['br;q=0, gzip;q=0', { 'accept-encoding': 'br;q=0, gzip;q=0' }, undefined],
  ] as const)('should send one coding named by Content-Encoding for %s', async (_label, headers, coding) => {
    const res = await wire(BUNDLE, headers)
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe(coding)
    expect(res.headers.vary).toBe('Accept-Encoding')
    expectApiHeaders(res)
    const bundle = JSON.parse(decode(res)) as { version: string; locale: string }
    expect(bundle.locale).toBe('hi')
    expect(String(res.headers.etag)).toContain(bundle.version)
  })

  it('should keep the Hindi bundle at or under 2.5 KB on the wire with gzip and with br', async () => {
    for (const coding of ['gzip', 'br']) {
      const res = await wire(BUNDLE, { 'accept-encoding': coding })
      expect(res.headers['content-encoding']).toBe(coding)
      expect(res.body.length).toBeLessThan(2_500)
    }
  })

  it('should answer 304 through compression, for the ETag of any coding of the version', async () => {
    const gz = await wire(BUNDLE, { 'accept-encoding': 'gzip' })
    for (const coding of ['gzip', 'br', 'identity']) {
      const res = await wire(BUNDLE, { 'accept-encoding': coding, 'if-none-match': String(gz.headers.etag) })
      expect(res.status).toBe(304)
      expect(res.body.length).toBe(0)
      expect(res.headers['content-encoding']).toBeUndefined()
    }
  })

  it('should give Node fetch with its default headers readable JSON', async () => {
    const res = await fetch(url(BUNDLE))
    expect(res.status).toBe(200)
    expect(((await res.json()) as { locale: string }).locale).toBe('hi')
  })

  it('should give curl --compressed readable JSON', async () => {
    const { stdout } = await promisify(execFile)('curl', ['-sS', '--compressed', '--max-time', '30', url(BUNDLE)], { maxBuffer: 10_000_000 })
    expect((JSON.parse(stdout) as { locale: string }).locale).toBe('hi')
  })

  it('should ignore an internal coding header a client sends', async () => {
    const res = await wire('/api/stories/catalog?locale=hi', { 'accept-encoding': 'identity', 'x-bk-content-encoding': 'br' })
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(res.body.toString('utf8'))).toHaveProperty('stories')
  })
})

describe('API headers on API responses', () => {
  it.each([
    ['bundle', BUNDLE, 'GET', undefined],
    ['catalog', '/api/stories/catalog?locale=hi', 'GET', undefined],
    ['REST list', '/api/stories?limit=1&depth=0', 'GET', undefined],
    ['REST 404', '/api/stories/00000000-0000-4000-8000-000000000000', 'GET', undefined],
    ['GraphQL', '/api/graphql', 'POST', JSON.stringify({ query: '{ Stories(limit: 1) { docs { slug } } }' })],
    ['listener sign-in', '/api/users/anonymous', 'POST', JSON.stringify({ anonymousId: 'e2e-delivery-headers-device' })],
  ] as const)('should carry no client hints and no admin Vary on the %s response', async (_label, path, method, body) => {
    const res = await wire(path, { 'accept-encoding': 'gzip, deflate, br, zstd', 'content-type': 'application/json' }, method, body)
    expect(res.status).toBeLessThan(500)
    expectApiHeaders(res)
    if (res.status !== 304) JSON.parse(decode(res))
  })

  it('should keep the admin its client hints', async () => {
    const res = await wire('/admin/login', { 'accept-encoding': 'gzip' })
    expect(res.status).toBe(200)
    expect(res.headers['accept-ch']).toMatch(/Sec-CH-Prefers-Color-Scheme/)
    expect(decode(res)).toContain('<html')
  })
})

describe("Chromium's fetch() from a page", () => {
  let browser: Browser | undefined

  beforeAll(async () => {
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('should read the bundle as JSON', async () => {
    const context = await browser!.newContext()
    await context.route((u) => u.hostname !== 'localhost', (route) => route.abort('blockedbyclient'))
    const page = await context.newPage()
    await page.goto(url('/api/stories/catalog'))
    const result = await page.evaluate(async (path) => {
      const res = await fetch(path)
      const body = (await res.json()) as { locale: string; version: string }
      return { status: res.status, locale: body.locale, version: body.version }
    }, BUNDLE)
    expect(result.status).toBe(200)
    expect(result.locale).toBe('hi')
    expect(result.version).toMatch(/^[0-9a-f]+$/)
    await context.close()
  })
})
