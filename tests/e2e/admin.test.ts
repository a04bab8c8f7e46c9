/**
 * The production app end to end: `npm run build`, `npm start` (seeded), real Chromium against the
 * Payload admin, and REST/GraphQL over HTTP through Next. Hindi must render as Devanagari glyphs,
 * not tofu boxes, which needs the fonts-noto-core package on the machine.
 *
 * The build and the server are the e2e project's shared ones (tests/setup/e2eApp.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { SEED_ADMIN } from '@/seed/accounts'
import { fontconfigWithout, glyphReport, launchChromium, platformFontsOf } from '../support/e2eBrowser'
import { progress, RESULTS_DIR, ROOT } from '../support/e2eServer'

const SLUG = 'clever-crow'
const seedStory = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/seed/stories', `${SLUG}.json`), 'utf8')) as {
  title: Record<string, string>
}
const TITLE_HI = seedStory.title.hi!
const TITLE_EN = seedStory.title.en!

let browser: Browser | undefined

beforeAll(async () => {
  browser = await launchChromium()
  progress(`chromium ${browser.version()} launched`)
})

afterAll(async () => {
  await browser?.close()
})

const server = () => ({ url: inject('appUrl') })

async function newContext(): Promise<BrowserContext> {
  if (!browser) throw new Error('chromium did not start (see beforeAll)')
  const context = await browser.newContext({ baseURL: server().url, locale: 'en-IN', viewport: { width: 1280, height: 900 } })
  // Only the app under test: outside requests (the admin's Gravatar avatar) fail at once instead of
  // waiting on DNS on an offline machine and holding up 'networkidle'.
  await context.route((url) => url.hostname !== 'localhost', (route) => route.abort('blockedbyclient'))
  return context
}

async function getJson<T>(pathAndQuery: string): Promise<T> {
  const res = await fetch(`${server().url}${pathAndQuery}`, { signal: AbortSignal.timeout(30_000) })
  expect(res.status, `GET ${pathAndQuery}`).toBe(200)
  return (await res.json()) as T
}

async function graphql<T>(query: string): Promise<T> {
  const res = await fetch(`${server().url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(30_000),
  })
  expect(res.status).toBe(200)
  const body = (await res.json()) as { data?: T; errors?: unknown[] }
  expect(body.errors).toBeUndefined()
  return body.data!
}

type StoryList = { docs: { id: string; slug: string; title: string }[] }

describe('admin in a real browser', () => {
  it('should log into /admin with the seeded admin and land on the dashboard', async () => {
    const context = await newContext()
    try {
      const page = await context.newPage()
      await page.goto('/admin')
      await page.waitForURL(/\/admin\/login/)
      await page.locator('#field-email').fill(SEED_ADMIN.email)
      await page.locator('#field-password').fill(SEED_ADMIN.password)
      await page.locator('form button[type="submit"]').click()
      await page.waitForURL((url) => url.pathname === '/admin', { timeout: 30_000 })
      await page.locator('.dashboard').waitFor({ state: 'visible', timeout: 30_000 })
      // The dashboard lists the collections the admin may edit.
      await page.locator('.dashboard').getByText('Stories', { exact: true }).first().waitFor({ timeout: 10_000 })
      expect(await context.cookies()).toContainEqual(expect.objectContaining({ name: 'payload-token' }))
    } finally {
      await context.close()
    }
  })

  it('should show the clever-crow story in Hindi, drawn in Devanagari glyphs rather than tofu boxes', async () => {
    const { docs } = await getJson<StoryList>(`/api/stories?where[slug][equals]=${SLUG}&depth=0`)
    expect(docs).toHaveLength(1)
    const context = await newContext()
    try {
      // Sign in through REST: the context shares the cookie the login sets.
      const login = await context.request.post('/api/editors/login', { data: SEED_ADMIN })
      expect(login.status()).toBe(200)
      const page = await context.newPage()
      await page.goto(`/admin/collections/stories/${docs[0]!.id}?locale=hi`)
      const title = page.locator('#field-title')
      await title.waitFor({ state: 'visible', timeout: 30_000 })
      await expect.poll(() => title.inputValue(), { timeout: 15_000 }).toBe(TITLE_HI)
      await expect.poll(() => page.locator('h1.render-title').textContent(), { timeout: 15_000 }).toBe(TITLE_HI)
      // Fonts and images (the cover thumbnail) settled, so the screenshot shows the finished page.
      await page.waitForLoadState('networkidle', { timeout: 30_000 })
      await page.evaluate('document.fonts.ready.then(() => undefined)')

      fs.mkdirSync(RESULTS_DIR, { recursive: true })
      const shot = path.join(RESULTS_DIR, 'e2e-admin-story-hi.png')
      await page.screenshot({ path: shot })
      progress(`screenshot: ${path.relative(ROOT, shot)}`)

      // The fonts Chromium really drew the Hindi title with: Noto Sans Devanagari (fonts-noto-core).
      for (const selector of ['h1.render-title', '#field-title']) {
        const fonts = await platformFontsOf(page, selector)
        const deva = fonts.find((f) => /Noto Sans Devanagari/i.test(f.familyName))
        expect(deva?.glyphCount ?? 0, `${selector} drawn with ${JSON.stringify(fonts)}`).toBeGreaterThan(0)
      }
      // And every letter drawn in the input's own font is a distinct glyph, none is the tofu box.
      const report = await glyphReport(page, '#field-title', TITLE_HI)
      expect(report, JSON.stringify(report)).toMatchObject({ distinct: report.chars, sameAsTofu: [], blank: [] })
    } finally {
      await context.close()
    }
  })

  it('should hydrate every custom admin screen as the server rendered it, for an editor in another time zone', async () => {
    // A server render React cannot hydrate (a div inside a p, a time formatted in the server's zone)
    // makes React throw it away and render the screen again: error #418 in production, and every
    // node under the user's cursor replaced. The editor sits in India, the server in UTC.
    if (!browser) throw new Error('chromium did not start (see beforeAll)')
    const context = await browser.newContext({ baseURL: server().url, locale: 'en-IN', timezoneId: 'Asia/Kolkata', viewport: { width: 1280, height: 900 } })
    await context.route((url) => url.hostname !== 'localhost', (route) => route.abort('blockedbyclient'))
    try {
      expect((await context.request.post('/api/editors/login', { data: SEED_ADMIN })).status()).toBe(200)
      const { docs } = await getJson<StoryList>(`/api/stories?where[slug][equals]=${SLUG}&depth=0`)
      const id = docs[0]!.id
      const screens = [
        '/admin',
        '/admin/collections/stories',
        `/admin/collections/stories/${id}`,
        `/admin/collections/stories/${id}/studio?locale=en`,
        `/admin/translate/${id}/hi`,
        `/admin/audio-review/${id}/hi`,
      ]
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      const found: string[] = []
      for (const screen of screens) {
        errors.length = 0
        await page.goto(screen)
        await page.waitForLoadState('networkidle')
        if (errors.length) found.push(`${screen}: ${errors.join(' | ').slice(0, 300)}`)
      }
      progress(`hydration checked on ${screens.length} screens: ${found.length ? found.join('; ') : 'no page errors'}`)
      expect(found).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('should tell tofu from Devanagari when the Devanagari fonts are hidden from Chromium', async () => {
    // The negative control for the check above: the same page on a machine without the font.
    const fontsConf = fontconfigWithout('Devanagari')
    const bare = await launchChromium({ env: { ...process.env, FONTCONFIG_FILE: fontsConf } as Record<string, string> })
    try {
      const page = await bare.newPage()
      await page.setContent(`<input id="t" value="${TITLE_HI}" style="font: 16px system-ui, sans-serif">`)
      const fonts = await platformFontsOf(page, '#t')
      expect(fonts.some((f) => /Devanagari/i.test(f.familyName) && f.glyphCount > 0), JSON.stringify(fonts)).toBe(false)
      const report = await glyphReport(page, '#t', TITLE_HI)
      expect(report.distinct < report.chars || report.sameAsTofu.length > 0, JSON.stringify(report)).toBe(true)
    } finally {
      await bare.close()
      fs.rmSync(path.dirname(fontsConf), { recursive: true, force: true })
    }
  })
})

describe('APIs through the production server', () => {
  it('should answer REST in Hindi for ?locale=hi', async () => {
    const { docs } = await getJson<StoryList>('/api/stories?locale=hi&depth=0&limit=100')
    expect(docs.find((d) => d.slug === SLUG)?.title).toBe(TITLE_HI)
  })

  it('should answer REST in English by default', async () => {
    const { docs } = await getJson<StoryList>('/api/stories?depth=0&limit=100')
    expect(docs.find((d) => d.slug === SLUG)?.title).toBe(TITLE_EN)
  })

  it('should answer GraphQL in Hindi for locale: hi', async () => {
    const data = await graphql<{ Stories: StoryList }>('{ Stories(locale: hi, limit: 100) { docs { title slug } } }')
    expect(data.Stories.docs.find((d) => d.slug === SLUG)?.title).toBe(TITLE_HI)
  })

  it('should fall back from Hinglish to Hindi over GraphQL for a story without Hinglish', async () => {
    expect(seedStory.title['hi-mixed']).toBeUndefined()
    const data = await graphql<{ Stories: StoryList }>(
      `{ Stories(locale: hi_mixed, where: { slug: { equals: "${SLUG}" } }) { docs { title slug } } }`,
    )
    expect(data.Stories.docs).toEqual([{ title: TITLE_HI, slug: SLUG }])
  })
})
