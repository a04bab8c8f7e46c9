/**
 * The Story Studio and the public player in real Chromium against the shared production server
 * (tests/setup/e2eApp.ts): an editor builds a story only through the Studio, a Hindi translator
 * works on it, positions persist, and /play records a listener's progress.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { SEED_STAFF } from '@/seed/accounts'
import { launchChromium } from '../support/e2eBrowser'
import { progress, RESULTS_DIR, ROOT } from '../support/e2eServer'

const url = () => inject('appUrl')
const EDITOR = SEED_STAFF.find((s) => s.role === 'editor')!
const HINDI = SEED_STAFF.find((s) => (s.locales as readonly string[]).includes('hi'))!

let browser: Browser | undefined

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

async function signedIn(account: { email: string; password: string }, colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserContext> {
  if (!browser) throw new Error('chromium did not start')
  const context = await browser.newContext({ baseURL: url(), viewport: { width: 1280, height: 800 }, colorScheme })
  // Nothing but the app: the admin must work with no internet.
  await context.route((u) => u.hostname !== 'localhost', (route) => route.abort('blockedbyclient'))
  if (account.email) {
    const login = await context.request.post('/api/editors/login', { data: { email: account.email, password: account.password } })
    expect(login.status()).toBe(200)
  }
  return context
}

/** REST as a staff account (its own token), through Node's fetch with default headers. */
async function api<T = Record<string, unknown>>(token: string, method: string, pathAndQuery: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${url()}/api/${pathAndQuery}`, {
    method,
    headers: { authorization: `JWT ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  })
  return { status: res.status, json: (await res.json()) as T }
}

async function tokenOf(account: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${url()}/api/editors/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) })
  const body = (await res.json()) as { token: string }
  expect(res.status).toBe(200)
  return body.token
}

async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  const file = path.join(RESULTS_DIR, `e2e-studio-${name}.png`)
  await page.screenshot({ path: file })
  progress(`screenshot: ${path.relative(ROOT, file)}`)
  return file
}

const card = (page: Page, order: number): Locator => page.locator(`[data-testid=studio-node][data-order="${order}"]`)

/** Waits until the Studio has finished the write it is doing and reloaded its data. */
async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid=studio][data-busy=false]').waitFor({ timeout: 30_000 })
}

async function openStudio(page: Page, storyId: string, locale = 'en'): Promise<void> {
  await page.goto(`/admin/collections/stories/${storyId}/studio?locale=${locale}`)
  await page.locator('[data-testid=studio]').waitFor({ timeout: 60_000 })
}

/** Drags from one card's outgoing handle onto another card (React Flow's connect gesture). */
async function dragConnect(page: Page, from: Locator, to: Locator): Promise<void> {
  const source = await from.locator('.react-flow__handle.source').boundingBox()
  const target = await to.locator('.react-flow__handle.target').boundingBox()
  if (!source || !target) throw new Error('card not on screen')
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2)
  await page.mouse.down()
  await page.mouse.move(target.x + 30, target.y + target.height / 2, { steps: 12 })
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 4 })
  await page.mouse.up()
}

async function addNode(page: Page, fill: { type?: string; text: string; speaker?: string; end?: boolean }): Promise<void> {
  const count = async () => Number(await page.locator('[data-testid=studio]').getAttribute('data-node-count'))
  const before = await count()
  await page.getByRole('button', { name: '+ Node' }).click()
  await settled(page)
  await expect.poll(count).toBe(before + 1)
  // The new card is brought into view and selected.
  await expect.poll(() => card(page, before + 1).getAttribute('class')).toContain('studio-card--selected')
  const panel = page.locator('[data-testid=studio-panel]')
  await panel.waitFor()
  if (fill.type) await panel.locator('[data-testid=panel-type]').selectOption(fill.type)
  if (fill.speaker) await panel.locator('[data-testid=panel-speaker]').selectOption({ label: fill.speaker })
  if (fill.end) await panel.locator('[data-testid=panel-end]').check()
  await panel.locator('[data-testid=panel-text]').fill(fill.text)
  await panel.getByRole('button', { name: 'Save', exact: true }).click()
  await settled(page)
}

type NodeDoc = { id: string; displayOrder: number; textContent: string; metadata: Record<string, unknown> | null }
type ChoiceDoc = { id: string; choiceKey: string; isDefault: boolean; nextNode: string | null; node: string }

async function nodesOf(token: string, storyId: string, locale = 'en'): Promise<NodeDoc[]> {
  const { json } = await api<{ docs: NodeDoc[] }>(token, 'GET', `story-nodes?where[story][equals]=${storyId}&depth=0&limit=100&sort=displayOrder&locale=${locale}&fallback-locale=none`)
  return json.docs
}

async function clickUntil(page: Page, done: Locator, choose: string[]): Promise<void> {
  const queue = [...choose]
  for (let step = 0; step < 30; step++) {
    if (await done.isVisible()) return
    const choices = page.locator('[data-testid=player-choice]')
    if ((await choices.count()) > 0) {
      const key = queue.shift()
      if (!key) throw new Error('the player reached a choice the test did not plan for')
      await page.locator(`[data-testid=player-choice][data-key="${key}"]`).click()
    } else {
      await page.locator('[data-testid=player-next]').click()
    }
    await page.waitForTimeout(50)
  }
  throw new Error('the player did not reach an end in 30 steps')
}

describe('Story Studio on the sample story', () => {
  it('should draw clever-crow laid out, with its status per locale and a clean validation panel', async () => {
    const { json } = await api<{ docs: { id: string }[] }>(await tokenOf(EDITOR), 'GET', 'stories?where[slug][equals]=clever-crow&depth=0')
    const crow = json.docs[0]!.id
    const context = await signedIn(EDITOR)
    try {
      const page = await context.newPage()
      await openStudio(page, crow)
      await expect.poll(() => page.locator('[data-testid=studio]').getAttribute('data-node-count')).toBe('12')
      await expect.poll(() => page.locator('[data-testid=studio-issues] h4').textContent()).toContain('No errors')
      // Laid out left to right: the start card is left of the choice node, which is left of the ends.
      await page.getByRole('button', { name: 'Fit', exact: true }).click()
      await page.waitForTimeout(400)
      const x = async (order: number) => (await card(page, order).boundingBox())!.x
      expect(await x(1)).toBeLessThan(await x(6))
      expect(await x(6)).toBeLessThan(await x(9))
      // Edges: labelled choices (default starred) and dashed implicit continues.
      expect(await page.locator('.studio-edge--choice').count()).toBeGreaterThanOrEqual(2)
      expect(await page.locator('.studio-edge--continue').count()).toBeGreaterThan(0)
      await expect.poll(async () => (await page.locator('.react-flow__edge-text').allTextContents()).some((t) => /^★ A · /.test(t))).toBe(true)
      // English: all own text.
      expect(await page.locator('[data-testid=studio-node][data-text-state=own]').count()).toBe(12)
      await card(page, 6).click()
      await page.locator('[data-testid=studio-panel]').waitFor()
      await expect.poll(() => page.locator('[data-testid=panel-choice]').count()).toBe(2)
      for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click()
      await page.waitForTimeout(400)
      await shot(page, 'readme')

      // Tamil: nothing of its own, every card falls back to English.
      await openStudio(page, crow, 'ta')
      await page.getByRole('button', { name: 'Fit', exact: true }).click()
      await expect.poll(() => page.locator('[data-testid=studio-node][data-text-state=fallback]').count()).toBe(12)
      await expect.poll(() => page.locator('[data-testid=studio-completeness]').textContent()).toContain('0% own text')
    } finally {
      await context.close()
    }
  })
})

describe('Story Studio', () => {
  const slug = `studio-${crypto.randomBytes(3).toString('hex')}`
  let storyId = ''
  let editorToken = ''

  beforeAll(async () => {
    editorToken = await tokenOf(EDITOR)
    // The story record and its cast are made in the Edit view / REST; every node and choice below
    // is made in the Studio.
    const story = await api<{ doc: { id: string } }>(editorToken, 'POST', 'stories?locale=en', {
      slug,
      title: 'The Thirsty Crow (studio test)',
      ageRange: '4-6',
      region: 'pan-indian',
      isActive: false,
    })
    expect(story.status).toBe(201)
    storyId = story.json.doc.id
    const crow = await api(editorToken, 'POST', 'characters?locale=en', { story: storyId, slug: 'crow', name: 'Crow', voiceProfile: 'playful', bulbulSpeaker: 'arvind' })
    expect(crow.status).toBe(201)
  })

  it('should let an editor build, validate, activate and play a branching story only through the Studio', async () => {
    const context = await signedIn(EDITOR)
    try {
      const page = await context.newPage()
      await openStudio(page, storyId)
      // Empty story: the validation panel says what is missing.
      await expect.poll(() => page.locator('[data-testid=studio-issue][data-code=start-missing]').count()).toBe(1)

      await addNode(page, { text: 'A crow flew over the fields on a hot day.' })
      await addNode(page, { type: 'dialogue', speaker: 'Crow', text: 'I am so thirsty!' })
      await addNode(page, { type: 'choice', text: 'The crow finds a pot with a little water. What should it do?' })
      // Incomplete: the choice node has no options and leads nowhere.
      await expect.poll(() => page.locator('[data-testid=studio-issue][data-code=choice-too-few]').count()).toBe(1)
      await addNode(page, { text: 'The crow drops pebbles into the pot, one by one.' })
      await addNode(page, { type: 'end', end: true, text: 'The water rises and the crow drinks. The end.' })
      await addNode(page, { type: 'end', end: true, text: 'The crow flies to the river and drinks there. The end.' })
      await expect.poll(() => page.locator('[data-testid=studio-issue][data-code=node-unreachable]').count()).toBeGreaterThan(0)
      await shot(page, 'incomplete')

      // Connect the choice node to its two options by dragging handle to card.
      await page.getByRole('button', { name: 'Fit', exact: true }).click()
      await page.waitForTimeout(400)
      await dragConnect(page, card(page, 3), card(page, 4))
      await settled(page)
      await dragConnect(page, card(page, 3), card(page, 6))
      await settled(page)

      const nodes = await nodesOf(editorToken, storyId)
      expect(nodes.map((n) => n.displayOrder)).toEqual([1, 2, 3, 4, 5, 6])
      const byOrder = (order: number) => nodes.find((n) => n.displayOrder === order)!.id
      const { json: choices } = await api<{ docs: ChoiceDoc[] }>(editorToken, 'GET', `story-choices?where[node][equals]=${byOrder(3)}&depth=0&sort=choiceKey`)
      expect(choices.docs.map((c) => ({ key: c.choiceKey, next: c.nextNode, isDefault: c.isDefault }))).toEqual([
        { key: 'A', next: byOrder(4), isDefault: true },
        { key: 'B', next: byOrder(6), isDefault: false },
      ])

      // Valid now: the panel says so without a reload.
      await expect.poll(() => page.locator('[data-testid=studio-issue]').count()).toBe(0)
      await expect.poll(() => page.locator('[data-testid=studio-issues] h4').textContent()).toContain('No errors')

      // Activate it in the story's Edit tab.
      await page.goto(`/admin/collections/stories/${storyId}`)
      await page.locator('#field-isActive').check()
      await page.locator('#action-save').click()
      await expect.poll(async () => (await api<{ isActive: boolean }>(editorToken, 'GET', `stories/${storyId}?depth=0`)).json.isActive, { timeout: 30_000 }).toBe(true)

      // Play it to both ends in English.
      await openStudio(page, storyId)
      await page.getByRole('button', { name: '▶ Play' }).click()
      const player = page.locator('[data-testid=story-player]')
      await player.waitFor()
      await clickUntil(page, page.locator('[data-testid=player-end]'), ['A'])
      await expect.poll(() => page.locator('[data-testid=player-text]').textContent()).toContain('The water rises')
      // The path taken is highlighted on the map.
      await expect.poll(() => card(page, 4).getAttribute('class')).toContain('studio-card--path')
      await shot(page, 'played')
      await page.getByRole('button', { name: 'Play again' }).click()
      await clickUntil(page, page.locator('[data-testid=player-end]'), ['B'])
      await expect.poll(() => page.locator('[data-testid=player-text]').textContent()).toContain('flies to the river')
      await expect.poll(() => card(page, 4).getAttribute('class')).not.toContain('studio-card--path')
    } finally {
      await context.close()
    }
  })

  it('should show Hindi as fallback, let the Hindi translator write Hindi text only, and refuse Tamil', async () => {
    const editor = await signedIn(EDITOR)
    try {
      const page = await editor.newPage()
      await openStudio(page, storyId, 'hi')
      await page.getByRole('button', { name: 'Fit', exact: true }).click()
      await expect.poll(() => page.locator('[data-testid=studio-node]').count()).toBe(6)
      await expect.poll(() => page.locator('[data-testid=studio-node][data-text-state=fallback]').count()).toBe(6)
    } finally {
      await editor.close()
    }

    const before = await nodesOf(editorToken, storyId)
    const context = await signedIn(HINDI, 'dark')
    try {
      const page = await context.newPage()
      await openStudio(page, storyId, 'hi')
      await page.locator('[data-testid=studio-readonly-note]').waitFor()
      await page.getByRole('button', { name: 'Fit', exact: true }).click()
      await page.waitForTimeout(400)
      // Structure controls are absent for a translator.
      expect(await page.getByRole('button', { name: '+ Node' }).count()).toBe(0)
      // Dragging a card does not move it on the map (the gesture pans the view; nothing is saved).
      const flowPosition = () => page.locator('.react-flow__node:has([data-order="2"])').getAttribute('style')
      const placed = await flowPosition()
      const box = (await card(page, 2).boundingBox())!
      await page.mouse.move(box.x + 100, box.y + 50)
      await page.mouse.down()
      await page.mouse.move(box.x + 100, box.y + 250, { steps: 8 })
      await page.mouse.up()
      expect(await flowPosition()).toBe(placed)
      await page.getByRole('button', { name: 'Fit', exact: true }).click()
      await page.waitForTimeout(400)

      for (const [order, text] of [
        [1, 'एक गरम दिन एक कौआ खेतों के ऊपर उड़ रहा था।'],
        [2, 'मुझे बहुत प्यास लगी है!'],
      ] as const) {
        await card(page, order).click()
        const panel = page.locator('[data-testid=studio-panel]')
        expect(await panel.getByRole('button', { name: 'Delete node' }).count()).toBe(0)
        expect(await panel.locator('[data-testid=panel-type]').isDisabled()).toBe(true)
        await panel.locator('[data-testid=panel-text]').fill(text)
        await panel.getByRole('button', { name: 'Save', exact: true }).click()
        await settled(page)
        await expect.poll(() => card(page, order).getAttribute('data-text-state')).toBe('own')
      }
      await expect.poll(() => page.locator('[data-testid=studio-node][data-text-state=own]').count()).toBe(2)
      await expect.poll(() => page.locator('[data-testid=studio-node][data-text-state=fallback]').count()).toBe(4)
      await shot(page, 'translator-hi-dark')

      // Tamil is not hers: the save is refused by Payload and shown; nothing changes.
      await openStudio(page, storyId, 'ta')
      await page.getByRole('button', { name: 'Fit', exact: true }).click()
      await page.waitForTimeout(400)
      await card(page, 3).click()
      await page.locator('[data-testid=panel-text]').fill('காகம் என்ன செய்யும்?')
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      await settled(page)
      await expect.poll(() => page.locator('[data-testid=studio-message]').textContent()).toContain('Not allowed')
      await expect.poll(() => card(page, 3).getAttribute('data-text-state')).toBe('fallback')
    } finally {
      await context.close()
    }
    const hindi = await nodesOf(editorToken, storyId, 'hi')
    expect(hindi.filter((n) => n.textContent).map((n) => n.displayOrder)).toEqual([1, 2])
    const tamil = await nodesOf(editorToken, storyId, 'ta')
    expect(tamil.filter((n) => n.textContent)).toEqual([])
    // Structure and positions untouched by the translator.
    expect((await nodesOf(editorToken, storyId)).map((n) => [n.id, n.metadata])).toEqual(before.map((n) => [n.id, n.metadata]))
  })

  it('should keep a card where the editor dragged it after a reload', async () => {
    const context = await signedIn(EDITOR)
    try {
      const page = await context.newPage()
      await openStudio(page, storyId)
      await page.getByRole('button', { name: 'Fit', exact: true }).click()
      await page.waitForTimeout(400)
      await card(page, 5).waitFor()
      const box = (await card(page, 5).boundingBox())!
      await page.mouse.move(box.x + 120, box.y + 40)
      await page.mouse.down()
      await page.mouse.move(box.x + 120, box.y + 190, { steps: 10 })
      await page.mouse.up()
      await settled(page)
      const node = (await nodesOf(editorToken, storyId)).find((n) => n.displayOrder === 5)!
      const saved = (node.metadata?.studio as { position?: { x: number; y: number } } | undefined)?.position
      expect(saved).toBeDefined()
      const transform = async () => (await page.locator(`.react-flow__node[data-id="${node.id}"]`).getAttribute('style')) ?? ''
      const movedTo = await transform()
      expect(movedTo).toContain(`translate(${saved!.x}px, ${saved!.y}px)`)

      await page.reload()
      await page.getByRole('button', { name: 'Fit', exact: true }).click()
      await card(page, 5).waitFor()
      await expect.poll(transform).toContain(`translate(${saved!.x}px, ${saved!.y}px)`)
    } finally {
      await context.close()
    }
  })
})

describe('public player', () => {
  it('should play /play/clever-crow in Hindi to an end and record completion 100 for the listener', async () => {
    const context = await signedIn({ email: '', password: '' })
    try {
      const page = await context.newPage()
      await page.goto('/play/clever-crow?locale=hi')
      await page.locator('[data-testid=story-player]').waitFor({ timeout: 60_000 })
      expect(await page.locator('main').getAttribute('lang')).toBe('hi')
      await clickUntil(page, page.locator('[data-testid=player-end]'), ['A'])
      await expect.poll(() => page.locator('[data-testid=public-progress]').textContent(), { timeout: 30_000 }).toContain('100%')
      await shot(page, 'public-play-hi')

      // The same device signs in again (as an app would) and reads its progress.
      const anonymousId = await page.evaluate(() => window.localStorage.getItem('bhasha-kahani.anonymousId'))
      const signIn = await fetch(`${url()}/api/users/anonymous`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ anonymousId }) })
      expect(signIn.status).toBe(200)
      const { token } = (await signIn.json()) as { token: string }
      const res = await fetch(`${url()}/api/progress`, { headers: { authorization: `Bearer ${token}` } })
      expect(res.status).toBe(200)
      const { docs } = (await res.json()) as { docs: { storySlug: string; completionPercentage: number; isCompleted: boolean }[] }
      expect(docs.find((d) => d.storySlug === 'clever-crow')).toMatchObject({ completionPercentage: 100, isCompleted: true })
    } finally {
      await context.close()
    }
  })
})


describe('admin without internet', () => {
  it('should render the metadata JSON editor with Monaco served by our own server', async () => {
    const { json } = await api<{ docs: { id: string }[] }>(await tokenOf(EDITOR), 'GET', 'story-nodes?limit=1&depth=0&sort=displayOrder')
    const context = await signedIn(EDITOR)
    try {
      const page = await context.newPage()
      const consoleLines: string[] = []
      const outside: string[] = []
      const vendor: string[] = []
      page.on('console', (m) => consoleLines.push(m.text()))
      page.on('request', (r) => {
        const u = new URL(r.url())
        if (u.hostname !== 'localhost') outside.push(r.url())
        if (u.pathname.startsWith('/vendor/monaco/')) vendor.push(u.pathname)
      })
      await page.goto(`/admin/collections/story-nodes/${json.docs[0]!.id}`)
      // Monaco draws its editor (lines, cursor) inside the metadata field.
      await page.locator('#field-metadata .monaco-editor .view-lines').waitFor({ timeout: 60_000 })
      expect(await page.locator('#field-metadata .monaco-editor .view-lines').textContent()).toContain('{')
      expect(vendor.some((p) => p.endsWith('/vs/loader.js'))).toBe(true)
      expect(outside).toEqual([])
      expect(consoleLines.filter((l) => /Monaco initialization/i.test(l))).toEqual([])
      await shot(page, 'offline-json-field')
    } finally {
      await context.close()
    }
  })
})
