/**
 * Debian's Chromium driven by playwright-core (no Playwright browser download is possible here), and
 * checks that text in a given script really renders with glyphs, not as tofu boxes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type LaunchOptions, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Flags that keep headless Chromium quiet, offline and working as root (see shared/notes/stack.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
]

/** Launches headless Chromium with a fresh temporary profile (playwright creates and removes it). */
export async function launchChromium(opts: Pick<LaunchOptions, 'env'> = {}): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: apt-get update && apt-get install -y chromium fonts-noto-core (or set CHROMIUM_PATH)`)
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000, ...opts })
}

export type SignInOptions = {
  /** Where the app is (the browser context's baseURL). */
  baseURL: string
  colorScheme?: 'light' | 'dark'
  viewport?: { width: number; height: number }
  /** The browser's time zone (IANA id; default the machine's). */
  timezoneId?: string
}

/**
 * A browser context signed in as a staff account the way the admin's login form does it (Payload's
 * login sets the auth cookie), with requests to any host but localhost blocked (no CDN, no
 * telemetry), and a fresh page in it.
 */
export async function signedIn(browser: Browser, account: { email: string; password: string }, opts: SignInOptions): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: opts.baseURL,
    locale: 'en-IN',
    viewport: opts.viewport ?? { width: 1400, height: 1000 },
    colorScheme: opts.colorScheme ?? 'light',
    timezoneId: opts.timezoneId,
  })
  await context.route((u) => u.hostname !== 'localhost', (route) => route.abort('blockedbyclient'))
  const res = await context.request.post('/api/editors/login', { data: { email: account.email, password: account.password } })
  if (res.status() !== 200) throw new Error(`Signing in as ${account.email} answered ${res.status()}: ${await res.text()}`)
  return { context, page: await context.newPage() }
}

/**
 * A fontconfig file that hides every font whose file name contains `pattern` (e.g. "Devanagari"),
 * to show what the page looks like on a machine without that font package. Returns its path.
 */
export function fontconfigWithout(pattern: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-fontconfig-'))
  const file = path.join(dir, 'fonts.conf')
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <cachedir>${dir}/cache</cachedir>
  <selectfont><rejectfont><glob>*${pattern}*</glob></rejectfont></selectfont>
</fontconfig>
`,
  )
  return file
}

export type PlatformFont = { familyName: string; glyphCount: number; isCustomFont: boolean }

type DomNode = { nodeId: number; nodeType: number; children?: DomNode[]; shadowRoots?: DomNode[] }

function findNode(node: DomNode, nodeId: number): DomNode | undefined {
  if (node.nodeId === nodeId) return node
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const hit = findNode(child, nodeId)
    if (hit) return hit
  }
  return undefined
}

function elementsIn(node: DomNode): DomNode[] {
  const out: DomNode[] = node.nodeType === 1 ? [node] : []
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) out.push(...elementsIn(child))
  return out
}

/**
 * The fonts Chromium actually used to draw the text of the first element matching `selector`
 * (including text inside its user-agent shadow tree, as for an <input>), with glyph counts,
 * merged by family. Asks the DevTools protocol (CSS.getPlatformFontsForNode).
 */
export async function platformFontsOf(page: Page, selector: string): Promise<PlatformFont[]> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode }
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
    const node = nodeId ? findNode(root, nodeId) : undefined
    if (!node) throw new Error(`no element matches ${selector}`)
    const merged = new Map<string, PlatformFont>()
    for (const el of elementsIn(node)) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: el.nodeId })
      for (const f of fonts) {
        const prev = merged.get(f.familyName)
        merged.set(f.familyName, { familyName: f.familyName, isCustomFont: f.isCustomFont, glyphCount: (prev?.glyphCount ?? 0) + f.glyphCount })
      }
    }
    return [...merged.values()]
  } finally {
    await cdp.detach()
  }
}

export type GlyphReport = {
  /** CSS font the characters were drawn with (the element's own computed font). */
  font: string
  /** Distinct bitmaps among `chars` (tofu boxes all look alike, real glyphs do not). */
  distinct: number
  chars: number
  /** Characters drawn exactly like a character no font has (the .notdef box). */
  sameAsTofu: string[]
  /** Characters that drew nothing at all. */
  blank: string[]
}

/**
 * In-page source of glyphReport. Kept as plain JavaScript text: a function literal passed to
 * page.evaluate would be serialised after the test transformer ran, and some (tsx, esbuild's
 * keepNames) inject helpers such as `__name` that do not exist in the page.
 */
const GLYPH_REPORT_JS = `({ selector, text }) => {
  const el = document.querySelector(selector)
  if (!el) throw new Error('no element matches ' + selector)
  const font = '48px ' + getComputedStyle(el).fontFamily
  const canvas = document.createElement('canvas')
  canvas.width = 96
  canvas.height = 96
  const ctx = canvas.getContext('2d', { willReadFrequently: true })
  function draw(ch) {
    ctx.clearRect(0, 0, canvas.width, canvas.height)
    ctx.font = font
    ctx.fillStyle = '#000'
    ctx.textBaseline = 'middle'
    ctx.fillText(ch, 16, 48)
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
    let hash = 2166136261
    let ink = 0
    for (let i = 3; i < data.length; i += 4) {
      ink += data[i]
      hash = Math.imul(hash ^ data[i], 16777619) >>> 0
    }
    return { hash, ink }
  }
  const tofu = draw('\u{10FFFD}') // plane-16 private use: no system font maps it
  const chars = [...new Set([...text].filter((c) => c.trim() !== ''))]
  const drawn = chars.map((c) => Object.assign({ c }, draw(c)))
  return {
    font,
    distinct: new Set(drawn.map((d) => d.hash)).size,
    chars: chars.length,
    sameAsTofu: drawn.filter((d) => d.hash === tofu.hash).map((d) => d.c),
    blank: drawn.filter((d) => d.ink === 0).map((d) => d.c),
  }
}`

/**
 * Draws each character of `text` on a canvas in the computed font of the element matching
 * `selector` and compares the bitmaps with each other and with a code point no font covers.
 */
export async function glyphReport(page: Page, selector: string, text: string): Promise<GlyphReport> {
  return (await page.evaluate(`(${GLYPH_REPORT_JS})(${JSON.stringify({ selector, text })})`)) as GlyphReport
}
