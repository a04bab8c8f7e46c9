/**
 * Voiced lines on the production app (the e2e project's shared build and seeded server): an
 * operator's `npm run jobs` voices what the seed queued; a child's app then plays the spoken
 * choices of clever-crow with Node's fetch; the seeded Hindi translator listens to every Hindi line in the
 * admin's audio review screen and approves or rejects them by keyboard (light and dark); an editor
 * casts a character's voice for one language in the story's voice cast table.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseBuffer } from 'music-metadata'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { SEED_STAFF } from '@/seed/accounts'
import { launchChromium, platformFontsOf, signedIn as signInAs } from '../support/e2eBrowser'
import { progress, RESULTS_DIR, ROOT, startJobsWorker } from '../support/e2eServer'

const SLUG = 'clever-crow'
const EDITOR = SEED_STAFF.find((s) => s.role === 'editor')!
const HINDI = SEED_STAFF.find((s) => s.locales.includes('hi' as never))!

let browser: Browser | undefined
let worker: Awaited<ReturnType<typeof startJobsWorker>> | undefined
let storyId = ''
let editorToken = ''
let startedAt = ''

const url = (p = '') => `${inject('appUrl')}${p}`

async function login(account: { email: string; password: string }): Promise<{ token: string; id: string; reviewer?: boolean | null }> {
  const res = await fetch(url('/api/editors/login'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: account.password }) })
  expect(res.status).toBe(200)
  const body = (await res.json()) as { token: string; user: { id: string; reviewer?: boolean | null } }
  return { token: body.token, id: body.user.id, reviewer: body.user.reviewer }
}

type LocaleStatus = { locale: string; done: number; queued: number; failed: number; missing: number; noText: number }

beforeAll(async () => {
  startedAt = new Date().toISOString()
  editorToken = (await login(EDITOR)).token
  const auth = { headers: { authorization: `JWT ${editorToken}` } }
  const found = (await (await fetch(url(`/api/stories?where[slug][equals]=${SLUG}&depth=0`), auth)).json()) as { docs: { id: string }[] }
  storyId = found.docs[0]!.id
  // The seed queued every sample line; the shared server runs no worker (external database).
  worker = await startJobsWorker()
  const t0 = Date.now()
  let last: LocaleStatus[] = []
  while (Date.now() - t0 < 240_000) {
    const res = await fetch(url(`/api/stories/${storyId}/audio-status?locales=en,hi`), auth)
    last = ((await res.json()) as { locales: LocaleStatus[] }).locales
    if (last.length === 2 && last.every((l) => l.queued === 0 && l.missing === 0 && l.done > 0)) break
    await new Promise((r) => setTimeout(r, 2000))
  }
  progress(`clever-crow en+hi voiced by npm run jobs in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(last)}`)
  expect(last.every((l) => l.queued === 0 && l.missing === 0 && l.failed === 0), `${JSON.stringify(last)}\n${worker.log().slice(-3000)}`).toBe(true)
  browser = await launchChromium()
}, 300_000)

/**
 * The shared server is left as this file found it: the audio the worker made (other suites make
 * rows of their own for these lines) and the voice cast entry are removed.
 */
afterAll(async () => {
  await browser?.close()
  await worker?.stop()
  const auth = { authorization: `JWT ${editorToken}`, 'content-type': 'application/json' }
  if (startedAt && editorToken) {
    const res = await fetch(url(`/api/audio-files?where[createdAt][greater_than_equal]=${encodeURIComponent(startedAt)}&limit=0`), { method: 'DELETE', headers: auth })
    expect(res.status).toBe(200)
    const left = (await (await fetch(url(`/api/audio-files?where[createdAt][greater_than_equal]=${encodeURIComponent(startedAt)}&limit=1&depth=0`), { headers: auth })).json()) as { totalDocs: number }
    expect(left.totalDocs).toBe(0)
    const characters = (await (await fetch(url(`/api/characters?where[story][equals]=${storyId}&depth=0&limit=50`), { headers: auth })).json()) as { docs: { id: string; voiceCast?: unknown[] }[] }
    for (const c of characters.docs.filter((c) => c.voiceCast?.length)) {
      expect((await fetch(url(`/api/characters/${c.id}`), { method: 'PATCH', headers: auth, body: JSON.stringify({ voiceCast: [] }) })).status).toBe(200)
    }
  }
}, 120_000)

const signedIn = (account: { email: string; password: string }, colorScheme: 'light' | 'dark', timezoneId?: string) =>
  signInAs(browser!, account, { baseURL: url(), colorScheme, timezoneId })

async function shot(page: Page, name: string) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  await page.evaluate('document.fonts.ready.then(() => undefined)')
  const file = path.join(RESULTS_DIR, name)
  await page.screenshot({ path: file, fullPage: false })
  progress(`screenshot: ${path.relative(ROOT, file)}`)
}

type Bundle = { nodes: { id: string; type: string; text: string; audioUrl: string | null; choices: { key: string; text: string; audioUrl: string | null }[] }[] }

describe('spoken choices on the production server', () => {
  it.each(['en', 'hi'])('should give every option of every choice in %s an audio URL that Node fetch follows to Ogg Opus bytes', async (locale) => {
    // The worker refreshes a story's bundles a moment after its last line (a coalesced job): the
    // last options voiced (Hindi's come last) reach the bundle a few seconds after the status says done.
    let bundle: Bundle = { nodes: [] }
    const options = () => bundle.nodes.filter((n) => n.type === 'choice').flatMap((n) => n.choices)
    await expect
      .poll(
        async () => {
          const res = await fetch(url(`/api/stories/${SLUG}/bundle?locale=${locale}`))
          expect(res.status).toBe(200)
          bundle = (await res.json()) as Bundle
          return options().length >= 2 && options().every((o) => o.audioUrl)
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(true)
    expect(options().length).toBeGreaterThanOrEqual(2)
    for (const option of options()) {
      expect(option.audioUrl, `${locale} option ${option.key} "${option.text}"`).toBeTruthy()
      const audio = await fetch(new URL(option.audioUrl!, url()))
      expect(audio.status).toBe(200)
      const bytes = Buffer.from(await audio.arrayBuffer())
      const meta = await parseBuffer(bytes, { mimeType: 'audio/ogg' }, { duration: true })
      expect(meta.format.container).toBe('Ogg')
      expect(meta.format.codec).toMatch(/opus/i)
      expect(meta.format.duration ?? 0).toBeGreaterThan(0.3)
      // The option's own words, not its node's line: a different file from the node's audio.
      expect(option.audioUrl).not.toBe(bundle.nodes.find((n) => n.choices.includes(option))!.audioUrl)
    }
    progress(`${locale}: ${options().length} spoken options fetched and parsed`)
  })
})

describe('audio review screen', () => {
  it("should let the seeded Hindi translator play, approve and reject Hindi lines by keyboard, and keep the decisions", async () => {
    // As seeded: a translator of Hindi, without the reviewer flag (that one is for approving
    // translations; audio is reviewed by the language's translators).
    const hindi = await login(HINDI)
    expect(hindi.reviewer ?? false).toBe(false)

    const { context, page } = await signedIn(HINDI, 'light')
    try {
      // From the story's audio panel, the way a reviewer finds it.
      await page.goto(`/admin/collections/stories/${storyId}`)
      const link = page.getByRole('link', { name: 'Review hi audio' })
      await link.waitFor({ timeout: 90_000 })
      const href = await link.getAttribute('href')
      expect(href).toBe(`/admin/audio-review/${storyId}/hi`)
      const problems: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text())
      })
      const pageErrors: string[] = []
      page.on('pageerror', (e) => pageErrors.push(e.message))
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`)
      })
      await page.goto(href!)
      await page.getByTestId('review-line').first().waitFor({ timeout: 60_000 })
      // Settled: hydrated, nothing more loading (until then React may still replace what it rendered).
      await page.waitForLoadState('networkidle')
      await page.waitForFunction(() => document.querySelector('[data-testid="audio-review"]')?.isConnected === true)
      const lines = page.getByTestId('review-line')
      const total = await lines.count()
      expect(total).toBeGreaterThan(10)
      expect(await page.locator('[data-testid="review-line"][data-status="pending"]').count()).toBe(total)
      expect(await page.getByTestId('review-text').first().getAttribute('lang')).toBe('hi')
      // What the server rendered is what React hydrated (a mismatch makes React render the view again).
      expect(pageErrors).toEqual([])
      // Asked again while React may still replace the node the DevTools protocol was given.
      await page.getByTestId('review-text').first().scrollIntoViewIfNeeded()
      let fonts: Awaited<ReturnType<typeof platformFontsOf>> = []
      await expect
        .poll(
          async () => {
            fonts = await platformFontsOf(page, '[data-testid="review-text"]').catch(() => [])
            return fonts.some((f) => /Noto Sans Devanagari/i.test(f.familyName) && f.glyphCount > 0)
          },
          { timeout: 20_000 },
        )
        .toBe(true)

      // P plays the selected line (the first waiting one).
      await page.keyboard.press('p')
      await expect.poll(() => page.locator('li[aria-current="true"] audio').evaluate((a: HTMLAudioElement) => a.currentTime > 0), { timeout: 20_000 }).toBe(true)
      // A approves it and moves on to the next line waiting for review.
      await page.keyboard.press('a')
      await expect.poll(() => page.locator('[data-testid="review-line"][data-status="approved"]').count(), { timeout: 20_000 }).toBe(1)
      expect(await lines.nth(1).getAttribute('aria-current')).toBe('true')
      await page.keyboard.press('a')
      await expect.poll(() => page.locator('[data-testid="review-line"][data-status="approved"]').count(), { timeout: 20_000 }).toBe(2)
      // R on the third: a note is required; Enter saves the rejection.
      await page.keyboard.press('r')
      const note = page.getByTestId('reject-note')
      await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true)
      await page.keyboard.press('Enter')
      await expect.poll(() => page.getByTestId('audio-review-message').textContent(), { timeout: 20_000 }).toContain('note')
      await page.keyboard.type('कौआ का उच्चारण गलत है')
      await page.keyboard.press('Enter')
      await expect.poll(() => page.locator('[data-testid="review-line"][data-status="rejected"]').count(), { timeout: 20_000 }).toBe(1)
      await expect.poll(() => lines.nth(2).getByTestId('review-note').textContent()).toContain('कौआ का उच्चारण गलत है')
      // K goes back; J forward.
      await page.keyboard.press('k')
      expect(await lines.nth(2).getAttribute('aria-current')).toBe('true')
      await page.keyboard.press('j')
      expect(await lines.nth(3).getAttribute('aria-current')).toBe('true')
      await shot(page, 'e2e-audio-review-hi.png')
      if (problems.length) progress(`console errors on the review screen: ${problems.slice(0, 3).join(' | ').slice(0, 600)}`)

      // The decisions are stored: a reload shows them, and so does the API.
      await page.reload()
      await page.getByTestId('review-line').first().waitFor({ timeout: 60_000 })
      expect(await page.locator('[data-testid="review-line"][data-status="approved"]').count()).toBe(2)
      expect(await page.locator('[data-testid="review-line"][data-status="rejected"]').count()).toBe(1)
    } finally {
      await context.close()
    }

    // Another language's translator cannot open the Hindi review; the editor sees it dark.
    const tamil = await signedIn(SEED_STAFF.find((s) => s.locales.includes('ta' as never))!, 'light')
    try {
      await tamil.page.goto(`/admin/audio-review/${storyId}/hi`)
      await tamil.page.getByTestId('audio-review-denied').waitFor({ timeout: 60_000 })
    } finally {
      await tamil.context.close()
    }
    // An editor in India (the server's clock is UTC): the screen the server rendered is the one React
    // keeps (no hydration error, no node replaced under the cursor), and times read in the editor's zone.
    const editor = await signedIn(EDITOR, 'dark', 'Asia/Kolkata')
    try {
      const pageErrors: string[] = []
      editor.page.on('pageerror', (e) => pageErrors.push(e.message))
      editor.page.on('console', (m) => void (m.type() === 'error' && pageErrors.push(m.text())))
      await editor.page.goto(`/admin/audio-review/${storyId}/hi`)
      await editor.page.getByTestId('review-line').first().waitFor({ timeout: 60_000 })
      const rejected = editor.page.locator('[data-testid="review-line"][data-status="rejected"]').first()
      await expect
        .poll(() => rejected.locator('time').evaluate((t) => t.textContent === new Date(t.getAttribute('datetime')!).toLocaleString()), { timeout: 20_000 })
        .toBe(true)
      await editor.page.waitForLoadState('networkidle')
      expect(pageErrors).toEqual([])
      await rejected.scrollIntoViewIfNeeded()
      await shot(editor.page, 'e2e-audio-review-hi-dark.png')
    } finally {
      await editor.context.close()
    }
    const files = (await (
      await fetch(url(`/api/audio-files?where[story][equals]=${storyId}&where[languageCode][equals]=hi&where[reviewStatus][equals]=rejected&depth=0`), { headers: { authorization: `JWT ${editorToken}` } })
    ).json()) as { docs: { reviewNote: string; reviewedBy: string }[] }
    expect(files.docs).toHaveLength(1)
    expect(files.docs[0]).toMatchObject({ reviewNote: 'कौआ का उच्चारण गलत है', reviewedBy: hindi.id })
  })
})

describe('regenerating a rejected line', () => {
  it('should let the Hindi translator regenerate one rejected line with another speaker and pace from the review screen, and only that line', async () => {
    const hindi = await login(HINDI)
    type File = { id: string; node: string; choice: string | null; speakerId: string; contentKey: string; reviewStatus: string; updatedAt: string }
    const hindiFiles = async () =>
      ((await (await fetch(url(`/api/audio-files?where[story][equals]=${storyId}&where[languageCode][equals]=hi&depth=0&limit=0`), { headers: { authorization: `JWT ${editorToken}` } })).json()) as { docs: File[] }).docs
    const before = await hindiFiles()
    // A node line the reviewer rejects (the screen above may have rejected one already).
    const target = before.find((f) => f.reviewStatus === 'rejected' && !f.choice) ?? before.find((f) => !f.choice && f.reviewStatus === 'pending')!
    if (target.reviewStatus !== 'rejected') {
      const res = await fetch(url(`/api/audio-files/${target.id}`), { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `JWT ${hindi.token}` }, body: JSON.stringify({ reviewStatus: 'rejected', reviewNote: 'बहुत तेज़' }) })
      expect(res.status).toBe(200)
    }
    const speaker = target.speakerId === 'arvind' ? 'amol' : 'arvind'

    const { context, page } = await signedIn(HINDI, 'light')
    try {
      await page.goto(`/admin/audio-review/${storyId}/hi`)
      const row = page.locator(`[data-testid="review-line"][data-file="${target.id}"]`)
      await row.waitFor({ timeout: 60_000 })
      await page.waitForLoadState('networkidle')
      expect(await row.getAttribute('data-status')).toBe('rejected')
      // Only rejected lines offer it.
      expect(await page.getByTestId('regenerate').count()).toBe(await page.locator('[data-testid="review-line"][data-status="rejected"]').count())
      await row.getByTestId('regenerate-speaker').selectOption(speaker)
      await row.getByTestId('regenerate-pace').fill('0.8')
      await row.evaluate((el) => el.scrollIntoView({ block: 'center' }))
      await shot(page, 'e2e-audio-regenerate-form.png')
      await row.getByRole('button', { name: 'Regenerate' }).click()
      await expect.poll(() => page.getByTestId('audio-review-message').textContent(), { timeout: 20_000 }).toContain('Regenerating line')
      await row.getByTestId('regenerating').waitFor({ timeout: 10_000 })
      await row.scrollIntoViewIfNeeded()
      await shot(page, 'e2e-audio-regenerate-queued.png')

      // The running `npm run jobs` voices it: the same file, new audio in the new voice, pending again.
      let after: File[] = []
      await expect
        .poll(
          async () => {
            after = await hindiFiles()
            const f = after.find((x) => x.id === target.id)
            return f && f.speakerId === speaker && f.reviewStatus === 'pending' && f.contentKey !== target.contentKey
          },
          { timeout: 90_000, interval: 1000 },
        )
        .toBe(true)
      // No other Hindi line was voiced again.
      const others = (list: File[]) => list.filter((f) => f.id !== target.id).map((f) => `${f.id}:${f.contentKey}`).sort()
      expect(others(after)).toEqual(others(before))

      await page.reload()
      await row.waitFor({ timeout: 60_000 })
      expect(await row.getAttribute('data-status')).toBe('pending')
      expect(await row.getAttribute('data-speaker')).toBe(speaker)
      await expect.poll(() => row.getByTestId('review-voice').textContent()).toContain(`voice ${speaker} · take 1 · pace 0.8`)
      await row.scrollIntoViewIfNeeded()
      await shot(page, 'e2e-audio-regenerated.png')

      // At the cap (the shared server sets AUDIO_TRANSLATOR_MAX_TAKES=1): rejected again, the line
      // offers the translator no Regenerate but says why; an editor still gets the form.
      const res = await fetch(url(`/api/audio-files/${target.id}`), { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `JWT ${hindi.token}` }, body: JSON.stringify({ reviewStatus: 'rejected', reviewNote: 'फिर से तेज़' }) })
      expect(res.status).toBe(200)
      await page.reload()
      await row.waitFor({ timeout: 60_000 })
      expect(await row.getAttribute('data-status')).toBe('rejected')
      await row.getByTestId('take-cap').waitFor({ timeout: 10_000 })
      expect(await row.getByTestId('take-cap').textContent()).toContain('voiced again 1 time, the most a translator may ask for (1: AUDIO_TRANSLATOR_MAX_TAKES=1). An editor can regenerate it.')
      expect(await row.getByTestId('regenerate').count()).toBe(0)
      await row.scrollIntoViewIfNeeded()
      await shot(page, 'e2e-audio-take-cap.png')
      // What the screen says is what the endpoint does.
      const again = await fetch(url(`/api/audio-files/${target.id}/regenerate`), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `JWT ${hindi.token}` }, body: '{}' })
      expect(again.status).toBe(429)
      const editor = await signedIn(EDITOR, 'dark')
      try {
        await editor.page.goto(`/admin/audio-review/${storyId}/hi`)
        const editorRow = editor.page.locator(`[data-testid="review-line"][data-file="${target.id}"]`)
        await editorRow.waitFor({ timeout: 60_000 })
        await editorRow.getByTestId('regenerate').waitFor({ timeout: 10_000 })
        expect(await editorRow.getByTestId('take-cap').count()).toBe(0)
      } finally {
        await editor.context.close()
      }
    } finally {
      await context.close()
    }
  })
})

describe('review counts and where review is reached', () => {
  it("should count each language's review states in the story's audio panel, and lead from the Studio and the translation workspace to that language's review", async () => {
    const hindi = await login(HINDI)
    type Review = { pending: number; approved: number; rejected: number }
    const counts = async () =>
      ((await (await fetch(url(`/api/stories/${storyId}/audio-status?locales=hi`), { headers: { authorization: `JWT ${editorToken}` } })).json()) as { locales: { done: number; review: Review }[] }).locales[0]!
    // One decision of each kind at least, so every count is told apart from the others.
    const files = ((await (await fetch(url(`/api/audio-files?where[story][equals]=${storyId}&where[languageCode][equals]=hi&depth=0&limit=0`), { headers: { authorization: `JWT ${editorToken}` } })).json()) as { docs: { id: string; reviewStatus: string }[] }).docs
    const pending = files.filter((f) => f.reviewStatus === 'pending')
    const decide = (id: string, body: Record<string, string>) => fetch(url(`/api/audio-files/${id}`), { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `JWT ${hindi.token}` }, body: JSON.stringify(body) })
    expect((await decide(pending[0]!.id, { reviewStatus: 'approved' })).status).toBe(200)
    expect((await decide(pending[1]!.id, { reviewStatus: 'rejected', reviewNote: 'धीमा करें' })).status).toBe(200)
    const hi = await counts()
    expect(hi.review.pending + hi.review.approved + hi.review.rejected).toBe(hi.done)
    expect(hi.review.approved).toBeGreaterThanOrEqual(1)
    expect(hi.review.rejected).toBeGreaterThanOrEqual(1)
    expect(hi.review.pending).toBeGreaterThanOrEqual(1)
    const label = `${hi.review.pending} to review · ${hi.review.approved} approved · ${hi.review.rejected} rejected`

    const editor = await signedIn(EDITOR, 'light')
    try {
      await editor.page.goto(`/admin/collections/stories/${storyId}`)
      const approved = editor.page.getByTestId('review-approved-hi')
      await approved.waitFor({ timeout: 90_000 })
      expect(await approved.textContent()).toBe(String(hi.review.approved))
      expect(await editor.page.getByTestId('review-rejected-hi').textContent()).toBe(String(hi.review.rejected))
      expect(await editor.page.getByTestId('review-pending-hi').textContent()).toBe(String(hi.review.pending))
      await approved.evaluate((el) => el.scrollIntoView({ block: 'center' }))
      await shot(editor.page, 'e2e-audio-panel-review-counts.png')
    } finally {
      await editor.context.close()
    }

    const { context, page } = await signedIn(HINDI, 'light')
    try {
      // The Studio, in Hindi: the summary links to the Hindi review with its counts.
      await page.goto(`/admin/collections/stories/${storyId}/studio?locale=hi`)
      const fromStudio = page.getByTestId('studio-audio-review-link')
      await fromStudio.waitFor({ timeout: 90_000 })
      expect(await fromStudio.getAttribute('href')).toBe(`/admin/audio-review/${storyId}/hi`)
      expect(await fromStudio.textContent()).toContain(label)
      await shot(page, 'e2e-studio-audio-review-link.png')
      await fromStudio.click()
      await page.waitForURL(`**/admin/audio-review/${storyId}/hi`, { timeout: 60_000 })
      await page.getByTestId('review-line').first().waitFor({ timeout: 60_000 })
      await expect.poll(() => page.getByTestId('audio-review-counts').textContent()).toContain(`${hi.review.approved} approved`)

      // The translation workspace, in Hindi: the same.
      await page.goto(`/admin/translate/${storyId}/hi`)
      const fromWorkspace = page.getByTestId('workspace-audio-review-link')
      await fromWorkspace.waitFor({ timeout: 60_000 })
      expect(await fromWorkspace.textContent()).toContain(label)
      await fromWorkspace.click()
      await page.waitForURL(`**/admin/audio-review/${storyId}/hi`, { timeout: 60_000 })
      await page.getByTestId('review-line').first().waitFor({ timeout: 60_000 })
      expect(await page.locator('[data-testid="review-line"][data-status="rejected"]').count()).toBe(hi.review.rejected)
    } finally {
      await context.close()
    }
  })
})

describe('voice cast table', () => {
  it("should let an editor give a character its own voice in one language from the story's table", async () => {
    const { context, page } = await signedIn(EDITOR, 'light')
    try {
      await page.goto(`/admin/collections/stories/${storyId}`)
      const table = page.getByTestId('voice-cast')
      await table.getByTestId('cast-row').first().waitFor({ timeout: 90_000 })
      const rows = await table.getByTestId('cast-row').count()
      expect(rows).toBeGreaterThanOrEqual(2)
      // Bengali: clever-crow has no Bengali text, so no line of the shared server changes voice.
      const cellInput = table.locator('input[aria-label$=" bn"]').first()
      const label = (await cellInput.getAttribute('aria-label'))!
      expect(await cellInput.getAttribute('placeholder')).toBeTruthy()
      // A speaker the voices do not have: the 400 names the valid ones, nothing is saved.
      await cellInput.fill('nobody')
      await cellInput.press('Enter')
      await expect.poll(() => table.getByTestId('voice-cast-message').textContent(), { timeout: 20_000 }).toContain('Valid speakers')
      await cellInput.fill('arvind')
      await cellInput.press('Enter')
      await expect.poll(() => table.getByTestId('voice-cast-message').textContent(), { timeout: 20_000 }).toContain('Saved the voice cast of')
      await table.scrollIntoViewIfNeeded()
      await shot(page, 'e2e-voice-cast.png')
      const name = label.replace(/ bn$/, '')
      const found = (await (
        await fetch(url(`/api/characters?where[story][equals]=${storyId}&depth=0&limit=50`), { headers: { authorization: `JWT ${editorToken}` } })
      ).json()) as { docs: { name: string; slug: string; voiceCast: { locale: string; speaker: string }[] }[] }
      const character = found.docs.find((c) => c.name === name || c.slug === name)!
      expect(character.voiceCast).toMatchObject([{ locale: 'bn', speaker: 'arvind' }])
    } finally {
      await context.close()
    }
  })

  it('should keep a cast per model: a v3-only voice for Bengali on bulbul:v3, refused on bulbul:v2', async () => {
    const { context, page } = await signedIn(EDITOR, 'dark')
    // The panel is told the model by the server: it asks no audio status to learn it.
    const statusAsked: string[] = []
    page.on('request', (r) => {
      if (/\/audio-status\?/.test(r.url())) statusAsked.push(r.url())
    })
    try {
      await page.goto(`/admin/collections/stories/${storyId}`)
      const table = page.getByTestId('voice-cast')
      await table.getByTestId('cast-row').first().waitFor({ timeout: 90_000 })
      // The shared server voices with the local voices: the picker says so.
      await expect.poll(() => table.getByTestId('voice-cast-voicing').textContent(), { timeout: 20_000 }).toContain('local voices')
      const models = table.getByTestId('voice-cast-model')
      await models.selectOption({ label: 'Sarvam bulbul:v2' })
      const v2Cell = table.locator('input[aria-label$=" bn bulbul:v2"]').first()
      const label = (await v2Cell.getAttribute('aria-label'))!
      // The every-model cast of the test above shows through, greyed.
      expect(await v2Cell.getAttribute('placeholder')).toBe('arvind')
      await v2Cell.fill('shubh')
      await v2Cell.press('Enter')
      await expect.poll(() => table.getByTestId('voice-cast-message').textContent(), { timeout: 20_000 }).toContain('for Sarvam bulbul:v2. Valid speakers')
      await v2Cell.fill('')
      // Keyboard: focus the picker and choose bulbul:v3.
      await models.focus()
      await models.selectOption('bulbul:v3')
      const v3Cell = table.locator(`input[aria-label="${label.replace(/bulbul:v2$/, 'bulbul:v3')}"]`)
      await v3Cell.fill('shubh')
      await v3Cell.press('Enter')
      // The server voices with the local voices: a bulbul:v3 entry changes no line's voice now.
      await expect.poll(() => table.getByTestId('voice-cast-message').textContent(), { timeout: 20_000 }).toContain('no line changes voice yet')
      await table.scrollIntoViewIfNeeded()
      await shot(page, 'e2e-voice-cast-model.png')
      const name = label.replace(/ bn bulbul:v2$/, '')
      const found = (await (
        await fetch(url(`/api/characters?where[story][equals]=${storyId}&depth=0&limit=50`), { headers: { authorization: `JWT ${editorToken}` } })
      ).json()) as { docs: { name: string; slug: string; voiceCast: { locale: string; model?: string | null; speaker: string }[] }[] }
      const character = found.docs.find((c) => c.name === name || c.slug === name)!
      expect(character.voiceCast.map((e) => [e.locale, e.model ?? null, e.speaker])).toEqual([
        ['bn', null, 'arvind'],
        ['bn', 'bulbul:v3', 'shubh'],
      ])
      // Back on "Every model", the cell still shows its own entry.
      await models.selectOption('')
      expect(await table.locator(`input[aria-label="${name} bn"]`).inputValue()).toBe('arvind')
      expect(statusAsked).toEqual([])
    } finally {
      await context.close()
    }
  })
})
