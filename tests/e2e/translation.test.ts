/**
 * The translation workspace in the production app (the e2e project's shared build and seeded
 * server, tests/setup/e2eApp.ts) in Debian's Chromium. The Tamil translator translates all of
 * clever-crow by keyboard only; the Tamil bundle is 404 until an editor approves and publishes it.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { freePort } from '../../scripts/lib/ports'
import { SEED_STAFF } from '@/seed/accounts'
import { launchChromium, platformFontsOf, signedIn as signInAs } from '../support/e2eBrowser'
import { progress, RESULTS_DIR, ROOT, startApp } from '../support/e2eServer'
import { startFakeSarvam } from '../support/fakeSarvam'

const SLUG = 'clever-crow'
const TAMIL = SEED_STAFF.find((s) => s.locales.includes('ta' as never))!
const HINDI = SEED_STAFF.find((s) => s.locales.includes('hi' as never))!
const EDITOR = SEED_STAFF.find((s) => s.role === 'editor')!

let browser: Browser | undefined

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

const url = () => inject('appUrl')

const signedIn = (account: { email: string; password: string }, colorScheme: 'light' | 'dark' = 'light', baseURL = url()) =>
  signInAs(browser!, account, { baseURL, colorScheme })

/**
 * The workspace is open and React has hydrated it. Its controls are disabled until then (a click on
 * a server-rendered button before hydration did nothing: two CI runs lost "Publish ta" and the
 * Missing filter that way on a busy machine).
 */
async function workspaceReady(page: Page) {
  await page.getByTestId('unit-row').first().waitFor({ timeout: 60_000 })
  await page.locator('[data-testid="workspace"][data-hydrated="true"]').waitFor({ timeout: 60_000 })
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  await page.evaluate('document.fonts.ready.then(() => undefined)')
  const file = path.join(RESULTS_DIR, name)
  await page.screenshot({ path: file, fullPage: false })
  progress(`screenshot: ${path.relative(ROOT, file)}`)
}

const bundleStatus = async (locale: string) => (await fetch(`${url()}/api/stories/${SLUG}/bundle?locale=${locale}`)).status

describe('translation workspace', () => {
  it('should let the Tamil translator translate clever-crow by keyboard, and serve Tamil only once an editor publishes it', async () => {
    const before = await fetch(`${url()}/api/stories/${SLUG}/bundle?locale=ta`)
    expect(before.status).toBe(404)
    expect(((await before.json()) as { availableLocales: string[] }).availableLocales).toEqual(['en', 'hi'])

    const { context, page } = await signedIn(TAMIL)
    try {
      // The translator lands on the admin home: the translation dashboard with their language only.
      await page.goto('/admin')
      const dashboard = page.getByTestId('translation-dashboard')
      await dashboard.waitFor({ timeout: 60_000 })
      expect(await dashboard.locator('thead th').allTextContents()).toEqual(['Story', 'ta'])
      await shot(page, 'e2e-translation-dashboard.png')
      const found = await context.request.get(`/api/stories?where[slug][equals]=${SLUG}&depth=0`)
      const storyId = ((await found.json()) as { docs: { id: string }[] }).docs[0]!.id
      // Clever Crow's row links its Tamil cell to that story's Tamil workspace: the translator clicks it.
      const row = dashboard.locator('tr', { hasText: 'The Clever Crow' })
      expect(await row.count()).toBe(1)
      const link = row.locator(`a[href$="/translate/${storyId}/ta"]`)
      expect(await link.count()).toBe(1)

      const t0 = Date.now()
      await link.click()
      await page.waitForURL(`**/admin/translate/${storyId}/ta`)
      await workspaceReady(page)
      progress(`workspace of ${await page.getByTestId('unit-row').count()} units open in ${Date.now() - t0} ms`)

      const textareas = page.locator('[data-testid="unit-row"] textarea')
      expect(await textareas.first().getAttribute('lang')).toBe('ta')
      const todo = await page.locator('[data-testid="unit-row"][data-status="missing"]').count()
      expect(todo).toBeGreaterThan(10)

      // Keyboard only: type, Ctrl+Enter saves and moves to the next row that needs work.
      await textareas.first().focus()
      for (let i = 0; i < todo; i++) {
        await page.keyboard.type(`தமிழ் வரி ${i + 1}`)
        await page.keyboard.press('Control+Enter')
        await expect.poll(() => page.locator('[data-testid="unit-row"][data-status="translated"]').count(), { timeout: 20_000 }).toBe(i + 1)
      }
      await expect.poll(() => page.locator('[data-testid="unit-row"][data-status="missing"]').count()).toBe(0)
      // Rows off screen are not rendered (content-visibility): measure one on screen.
      await textareas.first().scrollIntoViewIfNeeded()
      const fonts = await platformFontsOf(page, '[data-testid="unit-row"] textarea')
      expect(fonts.some((f) => /Noto Sans Tamil/i.test(f.familyName) && f.glyphCount > 0), JSON.stringify(fonts)).toBe(true)
      await page.getByRole('button', { name: 'Needs work' }).click()
      await page.getByTestId('nothing-left').waitFor()
      await page.getByRole('button', { name: 'All' }).click()
      await shot(page, 'e2e-translation-workspace-ta.png')

      // Translators cannot publish: no button, and the API refuses.
      expect(await page.getByRole('button', { name: 'Publish ta' }).count()).toBe(0)
      expect(await bundleStatus('ta')).toBe(404)
    } finally {
      await context.close()
    }

    const editor = await signedIn(EDITOR, 'dark')
    try {
      const { page } = editor
      const found = await editor.context.request.get(`/api/stories?where[slug][equals]=${SLUG}&depth=0`)
      const storyId = ((await found.json()) as { docs: { id: string }[] }).docs[0]!.id
      await page.goto(`/admin/translate/${storyId}/ta`)
      await workspaceReady(page)
      await page.getByRole('button', { name: `Publish ta` }).click()
      // Approval is required by default: publishing is refused, naming the units.
      await expect.poll(() => page.getByTestId('workspace-message').textContent(), { timeout: 20_000 }).toContain('not approved')
      expect(await bundleStatus('ta')).toBe(404)
      await page.getByRole('button', { name: 'Approve all' }).click()
      await expect.poll(() => page.getByTestId('workspace-message').textContent(), { timeout: 20_000 }).toMatch(/Approved \d+ text/)
      // Saving an approved row unchanged keeps it approved, on screen as on the server.
      const firstRow = page.getByTestId('unit-row').first()
      await firstRow.locator('textarea').focus()
      await page.keyboard.press('Control+Enter')
      await expect.poll(() => page.getByTestId('workspace-message').textContent(), { timeout: 20_000 }).toMatch(/^Saved: /)
      expect(await firstRow.getAttribute('data-status')).toBe('approved')
      const unitId = await firstRow.getAttribute('data-unit')
      const after = (await page.evaluate(async (u) => {
        const res = await fetch(u, { credentials: 'include' })
        return { status: res.status, body: await res.json() }
      }, `/api/stories/${storyId}/translation-status?locale=ta`)) as { status: number; body: { units: { id: string; status: string }[] } }
      expect(after.status, JSON.stringify(after.body).slice(0, 300)).toBe(200)
      expect(after.body.units.find((u) => u.id === unitId)?.status).toBe('approved')
      await page.getByRole('button', { name: 'Publish ta' }).click()
      await expect.poll(() => page.getByTestId('workspace-message').textContent(), { timeout: 20_000 }).toBe('ta is live')
      await shot(page, 'e2e-translation-workspace-ta-dark.png')
    } finally {
      await editor.context.close()
    }
    const live = await fetch(`${url()}/api/stories/${SLUG}/bundle?locale=ta`)
    expect(live.status).toBe(200)
    const bundle = (await live.json()) as { complete: boolean; nodes: { fallback: boolean; text: string }[] }
    expect(bundle.complete).toBe(true)
    expect(bundle.nodes.every((n) => !n.fallback && n.text.startsWith('தமிழ்'))).toBe(true)
    const catalog = (await (await fetch(`${url()}/api/stories/catalog?locale=ta`)).json()) as { stories: { slug: string; liveLocales: string[] }[] }
    expect(catalog.stories.find((s) => s.slug === SLUG)?.liveLocales).toEqual(['en', 'hi', 'ta'])
  })
})

type NodeDoc = { id: string; textContent: string; displayOrder: number }

/** The editor's REST view of clever-crow: its id and its nodes in one locale (no fallback). */
async function crow(token: string, locale: string): Promise<{ storyId: string; nodes: NodeDoc[] }> {
  const auth = { authorization: `JWT ${token}` }
  const stories = (await (await fetch(`${url()}/api/stories?where[slug][equals]=${SLUG}&depth=0`, { headers: auth })).json()) as { docs: { id: string }[] }
  const storyId = stories.docs[0]!.id
  const res = await fetch(`${url()}/api/story-nodes?where[story][equals]=${storyId}&sort=displayOrder&limit=50&depth=0&locale=${locale}&fallback-locale=none`, { headers: auth })
  return { storyId, nodes: ((await res.json()) as { docs: NodeDoc[] }).docs }
}

async function tokenOf(account: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${url()}/api/editors/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: account.password }) })
  return ((await res.json()) as { token: string }).token
}

async function patchText(token: string, nodeId: string, locale: string, text: string) {
  const res = await fetch(`${url()}/api/story-nodes/${nodeId}?locale=${locale}&depth=0`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ textContent: text }),
  })
  expect(res.status).toBe(200)
}

describe('translation workspace: source, stale lines, filters, history', () => {
  it('should show the English beside the Hindi field, and after an editor changes that English line a word diff the Hindi translator finds with the Stale filter, updates by keyboard and sees in the history', async () => {
    const editorToken = await tokenOf(EDITOR)
    const { storyId, nodes } = await crow(editorToken, 'en')
    const line = nodes.find((n) => n.textContent.startsWith('Oh no! My beak'))!
    const hindiBefore = (await crow(editorToken, 'hi')).nodes.find((n) => n.id === line.id)!.textContent
    const changed = 'Oh no! My short beak cannot reach the cool water. What can I do now?'
    try {
      // An editor changes the English line (through the API, as any editor's client would: an
      // editor with the node open in the admin would hold Payload's edit lock on it).
      await patchText(editorToken, line.id, 'en', changed)

      for (const scheme of ['light', 'dark'] as const) {
        const { context, page } = await signedIn(HINDI, scheme)
        try {
          // The ordinary edit view in Hindi: the English source above the field.
          await page.goto(`/admin/collections/story-nodes/${line.id}?locale=hi`)
          const beside = page.getByTestId('source-beside-textContent')
          await beside.waitFor({ timeout: 60_000 })
          expect(await beside.locator('[lang="en"]').textContent()).toBe(changed)
          expect(await beside.textContent()).toContain('English (source)')
          if (scheme === 'light') await shot(page, 'e2e-translation-source-beside-hi.png')

          await page.goto(`/admin/translate/${storyId}/hi`)
          await workspaceReady(page)
          const unitId = `node/${line.id}/text_content`
          const row = page.locator(`[data-testid="unit-row"][data-status="stale"]`)
          if (scheme === 'light') {
            // Exactly this line is stale; the Stale filter shows it alone, with the word diff.
            await page.getByRole('button', { name: 'Stale', exact: true }).click()
            await expect.poll(() => page.getByTestId('unit-row').count()).toBe(1)
            expect(await row.getAttribute('data-unit')).toBe(unitId)
            const diff = row.getByTestId('source-diff')
            expect(await diff.getByTestId('source-diff-before').locator('del').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('shall')]))
            expect((await diff.getByTestId('source-diff-after').locator('ins').allTextContents()).join(' ')).toMatch(/short.*cool.*can/)
            expect(await diff.getByTestId('source-diff-after').getAttribute('lang')).toBe('en')
            expect(await row.getByTestId('unit-source').textContent()).toBe(changed)
            const textarea = row.locator('textarea')
            expect(await textarea.getAttribute('lang')).toBe('hi')
            expect(await textarea.inputValue()).toBe(hindiBefore)
            const fonts = await platformFontsOf(page, `[data-unit="${unitId}"] textarea`)
            expect(fonts.some((f) => /Noto Sans Devanagari/i.test(f.familyName) && f.glyphCount > 0), JSON.stringify(fonts)).toBe(true)
            await shot(page, 'e2e-translation-stale-diff-hi.png')

            // Missing: Hindi is complete. Needs review: rows translated but not approved.
            await page.getByRole('button', { name: 'Missing', exact: true }).click()
            await page.getByTestId('nothing-left').waitFor()
            await page.getByRole('button', { name: 'Stale', exact: true }).click()

            // Update by keyboard: the row is no longer stale, and the Stale filter is empty.
            await textarea.focus()
            await page.keyboard.press('Control+A')
            await page.keyboard.type('अरे नहीं! मेरी छोटी चोंच ठंडे पानी तक नहीं पहुँचती। अब मैं क्या करूँ?')
            await page.keyboard.press('Control+Enter')
            // Saved: no longer stale, so the Stale filter is empty; under All it is translated.
            await page.getByTestId('nothing-left').waitFor({ timeout: 20_000 })
            await page.getByRole('button', { name: 'All', exact: true }).click()
            expect(await page.locator(`[data-unit="${unitId}"]`).getAttribute('data-status')).toBe('translated')
            await page.getByRole('button', { name: 'Needs review', exact: true }).click()
            await expect.poll(() => page.locator(`[data-unit="${unitId}"]`).count()).toBe(1)
            expect(await page.locator('[data-testid="unit-row"]').evaluateAll((rows) => rows.every((r) => ['translated', 'machine'].includes(r.getAttribute('data-status')!)))).toBe(true)
            await page.getByRole('button', { name: 'All', exact: true }).click()

            // Showing another locale as the source loads its texts, tagged with its language.
            await page.getByTestId('source-select').selectOption('hi-mixed')
            await expect.poll(() => page.locator(`[data-unit="${unitId}"] [data-testid="unit-source"]`).getAttribute('lang')).toBe('hi-Latn')
            await page.getByTestId('source-select').selectOption('en')
            await expect.poll(() => page.locator(`[data-unit="${unitId}"] [data-testid="unit-source"]`).textContent()).toBe(changed)
          }

          // The row's history: who changed it and when, newest first.
          const target = page.locator(`[data-unit="${unitId}"]`)
          await target.getByRole('button', { name: 'History' }).click()
          const events = target.getByTestId('history-event')
          await events.first().waitFor({ timeout: 20_000 })
          expect(await events.first().textContent()).toContain('Ravi (Hindi translator)')
          expect(await events.first().textContent()).toContain('saved')
          expect(await events.first().locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/)
          await target.scrollIntoViewIfNeeded()
          await shot(page, `e2e-translation-history-hi-${scheme}.png`)
        } finally {
          await context.close()
        }
      }
    } finally {
      await patchText(editorToken, line.id, 'en', nodes.find((n) => n.id === line.id)!.textContent)
      await patchText(editorToken, line.id, 'hi', hindiBefore)
    }
  })

  it('should link the Studio to the workspace of the locale the Studio shows', async () => {
    const { storyId } = await crow(await tokenOf(EDITOR), 'en')
    const { context, page } = await signedIn(EDITOR)
    try {
      await page.goto(`/admin/collections/stories/${storyId}/studio?locale=hi`)
      const link = page.getByTestId('studio-translate-link')
      await link.waitFor({ timeout: 60_000 })
      expect(await link.textContent()).toContain('Hindi')
      await link.click()
      await page.waitForURL(`**/admin/translate/${storyId}/hi`, { timeout: 60_000 })
      await workspaceReady(page)
      expect(await page.locator('[data-testid="unit-row"] textarea').first().getAttribute('lang')).toBe('hi')
    } finally {
      await context.close()
    }
  })
})

describe('translation workspace: before it hydrates', () => {
  it('should show the rows with their buttons disabled until React has attached their handlers, then enable them', async () => {
    const { storyId } = await crow(await tokenOf(EDITOR), 'en')
    const { context, page } = await signedIn(EDITOR)
    // A slow phone or a busy machine: the page's scripts arrive 4 s after its HTML.
    await page.route('**/_next/static/chunks/**', async (route) => {
      await new Promise((r) => setTimeout(r, 4000))
      await route.continue()
    })
    try {
      await page.goto(`/admin/translate/${storyId}/bn`, { waitUntil: 'commit' })
      await page.getByTestId('unit-row').first().waitFor({ timeout: 60_000 })
      // Server-rendered, not hydrated: a click here would do nothing, so nothing invites one.
      const hydrated = page.locator('[data-testid="workspace"][data-hydrated="true"]')
      expect(await hydrated.count()).toBe(0)
      const publish = page.getByRole('button', { name: 'Publish bn' })
      expect(await publish.isDisabled()).toBe(true)
      expect(await page.getByRole('button', { name: 'Missing', exact: true }).isDisabled()).toBe(true)
      await hydrated.waitFor({ timeout: 60_000 })
      expect(await publish.isEnabled()).toBe(true)
      expect(await page.getByRole('button', { name: 'Missing', exact: true }).isEnabled()).toBe(true)
    } finally {
      await context.close()
    }
  })
})

describe('translation workspace: importing a file', () => {
  it('should import a CSV from the file field and say what it did, and say why a file it cannot take failed', async () => {
    const { context, page } = await signedIn(HINDI)
    const dir = fs.mkdtempSync(path.join(RESULTS_DIR, 'import-'))
    try {
      const { storyId } = await crow(await tokenOf(EDITOR), 'en')
      // The workspace's own CSV export, unchanged, plus a row for a unit the story does not have.
      await page.goto(`/admin/translate/${storyId}/hi`)
      await workspaceReady(page)
      // The workspace's own CSV export (its link), unchanged, plus a row for a unit the story does not have.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()])
      const exported = fs.readFileSync((await download.path())!, 'utf8')
      expect(exported.split('\n')[0]).toContain('id,kind,speaker,source,target,status')
      const good = path.join(dir, 'clever-crow.hi.csv')
      fs.writeFileSync(good, exported.trimEnd() + '\r\nnode/not-a-unit/text_content,node,,x,y,translated\r\n')
      const bad = path.join(dir, 'notes.csv')
      fs.writeFileSync(bad, 'name,text\r\nx,y\r\n')
      const message = page.getByTestId('workspace-message')
      await page.getByTestId('import-file').setInputFiles(good)
      await expect.poll(() => message.textContent(), { timeout: 20_000 }).toMatch(/^Imported 0 text\(s\); \d+ unchanged/)
      expect(await message.textContent()).toContain('Unknown ids: node/not-a-unit/text_content')
      await page.getByTestId('import-file').setInputFiles(bad)
      await expect.poll(() => message.textContent(), { timeout: 20_000 }).toMatch(/^Import failed: The CSV has no "id" column/)
      expect(await page.getByTestId('import-file').isEnabled()).toBe(true)
      // The network loses the request, then a proxy answers with its own error page: the message
      // says so and the field is usable again (the workspace's requests all go through one helper).
      await page.route('**/translation-import**', (route) => route.abort('connectionreset'))
      await page.getByTestId('import-file').setInputFiles(good)
      await expect.poll(() => message.textContent(), { timeout: 20_000 }).toMatch(/^Import failed: The server could not be reached/)
      expect(await page.getByTestId('import-file').isEnabled()).toBe(true)
      await page.unroute('**/translation-import**')
      await page.route('**/translation-import**', (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<html>Bad gateway</html>' }))
      await page.getByTestId('import-file').setInputFiles(good)
      await expect.poll(() => message.textContent(), { timeout: 20_000 }).toBe("Import failed: The server's answer could not be read (502 Bad Gateway)")
      expect(await page.getByTestId('import-file').isEnabled()).toBe(true)
    } finally {
      await context.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('translation workspace: machine drafts (Sarvam stand-in)', () => {
  it('should draft one row and then every missing row from the buttons, marked machine, and refuse to publish them unchecked', async () => {
    const sarvam = await startFakeSarvam()
    // A second production server on the same database, with machine translation set up.
    const app = await startApp({
      port: await freePort(),
      // MACHINE_DRAFT_BATCH=5: the toolbar button has to ask batch after batch until none is left.
      env: { SARVAM_API_KEY: 'e2e-key', SARVAM_BASE_URL: sarvam.url, SARVAM_RPM: '6000', TTS_PROVIDER: 'local', AUDIO_WORKER: 'off', AUTO_VOICE: 'off', SEED_ON_EMPTY: 'false', MACHINE_DRAFT_BATCH: '5' },
    })
    const { context, page } = await signedIn(EDITOR, 'light', app.url)
    let draftRequests = 0
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/machine-draft')) draftRequests++
    })
    // What the draft requests answered and what the workspace said, for a failure's message (a CI
    // run once saw the row count stay put with nothing in the server's log).
    const answers: string[] = []
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && r.url().endsWith('/machine-draft')) answers.push(String(r.status()))
    })
    const explain = async (error: unknown): Promise<never> => {
      const said = await page.getByTestId('workspace-message').textContent({ timeout: 1000 }).catch(() => '(no message)')
      throw new Error(`${(error as Error).message}\nworkspace message: ${said}\nmachine-draft requests: ${draftRequests}, answers: ${answers.join(', ') || 'none'}`)
    }
    try {
      const { storyId } = await crow(await tokenOf(EDITOR), 'en')
      await page.goto(`/admin/translate/${storyId}/bn`)
      await workspaceReady(page)
      // The Missing filter: rows that need a text and have none.
      await page.getByRole('button', { name: 'Missing', exact: true }).click()
      const missing = () => page.getByTestId('unit-row').count()
      const before = await missing()
      expect(before).toBeGreaterThan(5)

      // One row: its own button. It leaves the Missing filter, marked as a machine draft.
      const first = page.getByTestId('unit-row').first()
      const firstId = (await first.getAttribute('data-unit'))!
      await first.getByRole('button', { name: 'Machine draft' }).click()
      await expect.poll(missing, { timeout: 30_000 }).toBe(before - 1).catch(explain)
      await page.getByRole('button', { name: 'All', exact: true }).click()
      const drafted = page.locator(`[data-unit="${firstId}"]`)
      expect(await drafted.getAttribute('data-status')).toBe('machine')
      expect(await drafted.locator('textarea').inputValue()).toMatch(/^\[bn-IN modern-colloquial\] /)
      expect(await drafted.textContent()).toContain('machine draft')
      await page.getByRole('button', { name: 'Missing', exact: true }).click()

      // Every missing row: the toolbar button, in batches of 5 the workspace asks for one after another.
      draftRequests = 0
      await page.getByRole('button', { name: 'Draft missing with machine translation' }).click()
      await page.getByTestId('nothing-left').waitFor({ timeout: 60_000 })
      await expect.poll(() => page.getByTestId('workspace-message').textContent(), { timeout: 20_000 }).toContain(`Machine drafts for ${before - 1} line(s):`)
      expect(draftRequests).toBe(Math.ceil((before - 1) / 5))
      await page.getByRole('button', { name: 'All', exact: true }).click()
      expect(await page.getByRole('button', { name: 'Draft missing with machine translation' }).count()).toBe(0)
      expect(await page.getByTestId('counts').textContent()).toContain(`${before} machine drafts`)
      expect(sarvam.requests.filter((r) => r.path === '/translate').length).toBe(before)
      expect(await drafted.locator('textarea').getAttribute('lang')).toBe('bn')
      await shot(page, 'e2e-translation-machine-bn.png')

      // Machine drafts never count as done: publishing names them.
      await page.getByRole('button', { name: 'Publish bn' }).click()
      await expect.poll(() => page.getByTestId('workspace-message').textContent(), { timeout: 20_000 }).toContain('machine drafts not yet checked')
      expect(await bundleStatus('bn')).toBe(404)
    } finally {
      await context.close()
      await app.stop()
      await sarvam.close()
    }
  })
})
