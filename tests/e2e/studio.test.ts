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
import { launchChromium, platformFontsOf } from '../support/e2eBrowser'
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
      const nodeId = await card(page, 5).evaluate((el) => el.closest('.react-flow__node')!.getAttribute('data-id')!)
      const transform = async () => (await page.locator(`.react-flow__node[data-id="${nodeId}"]`).getAttribute('style')) ?? ''
      const drawnAt = async () => {
        const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(await transform())
        return { x: Number(m![1]), y: Number(m![2]) }
      }
      const from = await drawnAt()
      const zoom = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a)
      // Grab the card by its middle (at this zoom it is narrow: a fixed offset can miss it).
      const box = (await card(page, 5).boundingBox())!
      const grab = { x: box.x + box.width / 2, y: box.y + Math.min(12, box.height / 2) }
      await page.mouse.move(grab.x, grab.y)
      await page.mouse.down()
      await page.mouse.move(grab.x, grab.y + 150, { steps: 10 })
      await page.mouse.up()
      await settled(page)
      const node = (await nodesOf(editorToken, storyId)).find((n) => n.displayOrder === 5)!
      expect(node.id).toBe(nodeId)
      const saved = (node.metadata?.studio as { position?: { x: number; y: number } } | undefined)?.position
      expect(saved).toBeDefined()
      // The mouse went 150 screen pixels down in 10 steps: the saved position is that much lower (in
      // screen pixels; the first step can go to the drag threshold) than where the card was drawn
      // before, and it did not move sideways.
      const movedDown = (saved!.y - from.y) * zoom
      expect(movedDown, JSON.stringify({ from, saved, zoom })).toBeGreaterThanOrEqual(120)
      expect(movedDown, JSON.stringify({ from, saved, zoom })).toBeLessThanOrEqual(160)
      expect(Math.abs(saved!.x - from.x), JSON.stringify({ from, saved, zoom })).toBeLessThan(25)
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

/**
 * A five-node story made through REST for one test: 1 start narration, 2 a choice (A → 3 default,
 * B → 5), 3 narration continuing to 4, 4 and 5 ends. Node 1 also has Hindi text.
 */
async function smallStory(token: string): Promise<{ id: string; nodes: string[]; choices: { A: string; B: string } }> {
  const story = await api<{ doc: { id: string } }>(token, 'POST', 'stories?locale=en', {
    slug: `studio-small-${crypto.randomBytes(3).toString('hex')}`,
    title: 'Ravi and the two paths',
    ageRange: '4-6',
    region: 'pan-indian',
    isActive: false,
  })
  expect(story.status).toBe(201)
  const id = story.json.doc.id
  const texts: [string, string, Record<string, unknown>][] = [
    ['narration', 'Ravi walks to the old well.', { isStart: true }],
    ['choice', 'Two paths lead away from the well. Which one?', {}],
    ['narration', 'He takes the left path, under the trees.', {}],
    ['end', 'He finds a mango tree full of fruit. The end.', { isEnd: true }],
    ['end', 'He finds a cool river and swims. The end.', { isEnd: true }],
  ]
  const nodes: string[] = []
  for (const [i, [nodeType, textContent, extra]] of texts.entries()) {
    const res = await api<{ doc: { id: string } }>(token, 'POST', 'story-nodes?locale=en&depth=0', { story: id, nodeType, displayOrder: i + 1, textContent, ...extra })
    expect(res.status).toBe(201)
    nodes.push(res.json.doc.id)
  }
  expect((await api(token, 'PATCH', `story-nodes/${nodes[0]}?locale=hi&depth=0`, { textContent: 'रवि पुराने कुएँ की ओर चलता है।' })).status).toBe(200)
  const choice = async (choiceKey: string, nextNode: string, isDefault: boolean, textContent: string) => {
    const res = await api<{ doc: { id: string } }>(token, 'POST', 'story-choices?locale=en&depth=0', { node: nodes[1], choiceKey, nextNode, isDefault, textContent })
    expect(res.status).toBe(201)
    return res.json.doc.id
  }
  const A = await choice('A', nodes[2]!, true, 'The left path')
  const B = await choice('B', nodes[4]!, false, 'The right path')
  return { id, nodes, choices: { A, B } }
}

async function nodeDoc(token: string, id: string, locale = 'en'): Promise<{ status: number; json: NodeDoc & { editedBy?: string } }> {
  return api<NodeDoc & { editedBy?: string }>(token, 'GET', `story-nodes/${id}?depth=0&locale=${locale}&fallback-locale=none`)
}

/** The flow position React Flow drew a card at (its `translate(x, y)`). */
async function flowPosition(page: Page, nodeId: string): Promise<{ x: number; y: number }> {
  const style = (await page.locator(`.react-flow__node[data-id="${nodeId}"]`).getAttribute('style')) ?? ''
  const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(style)
  if (!m) throw new Error(`no position in ${style}`)
  return { x: Number(m[1]), y: Number(m[2]) }
}

const savedPosition = (doc: NodeDoc) => (doc.metadata?.studio as { position?: { x: number; y: number } } | undefined)?.position

describe('Studio editing by mouse and keyboard', () => {
  let token = ''
  beforeAll(async () => {
    token = await tokenOf(EDITOR)
  })

  type Small = Awaited<ReturnType<typeof smallStory>>

  /** A fresh small story, opened in the Studio and fitted, in its own browser context for `use`. */
  async function inStudio(opts: { colorScheme?: 'light' | 'dark'; locale?: string }, use: (page: Page, story: Small) => Promise<void>): Promise<void> {
    const story = await smallStory(token)
    const context = await signedIn(EDITOR, opts.colorScheme)
    try {
      const page = await context.newPage()
      await openStudio(page, story.id, opts.locale)
      await page.getByRole('button', { name: 'Fit', exact: true }).click()
      await page.waitForTimeout(400)
      await use(page, story)
    } finally {
      await context.close()
    }
  }

  it('should undo and redo a text edit with Ctrl+Z and Ctrl+Shift+Z, and the buttons follow the history', () =>
    inStudio({}, async (page, story) => {
      await expect.poll(() => page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true)
      await card(page, 3).click()
      const panel = page.locator('[data-testid=studio-panel]')
      await panel.locator('[data-testid=panel-text]').fill('He takes the left path, past the banyan tree.')
      await panel.getByRole('button', { name: 'Save', exact: true }).click()
      await settled(page)
      expect((await nodeDoc(token, story.nodes[2]!)).json.textContent).toBe('He takes the left path, past the banyan tree.')
      await expect.poll(() => card(page, 3).locator('.studio-card__text').textContent()).toContain('banyan')

      // Ctrl+Z on the map (not in a text field) undoes the save through Payload.
      await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } })
      await page.keyboard.press('Control+z')
      await settled(page)
      await expect.poll(async () => (await nodeDoc(token, story.nodes[2]!)).json.textContent).toBe('He takes the left path, under the trees.')
      await expect.poll(() => page.locator('[data-testid=studio-message]').textContent()).toContain('Undone: edit node 3')
      await expect.poll(() => card(page, 3).locator('.studio-card__text').textContent()).toContain('under the trees')
      expect(await page.getByRole('button', { name: 'Redo', exact: true }).isDisabled()).toBe(false)

      await page.keyboard.press('Control+Shift+z')
      await settled(page)
      await expect.poll(async () => (await nodeDoc(token, story.nodes[2]!)).json.textContent).toBe('He takes the left path, past the banyan tree.')
      await expect.poll(() => page.locator('[data-testid=studio-message]').textContent()).toContain('Redone: edit node 3')
      expect(await page.getByRole('button', { name: 'Redo', exact: true }).isDisabled()).toBe(true)

      // The Undo button does the same as the key.
      await page.getByRole('button', { name: 'Undo', exact: true }).click()
      await settled(page)
      await expect.poll(async () => (await nodeDoc(token, story.nodes[2]!)).json.textContent).toBe('He takes the left path, under the trees.')
    }))

  it('should create a node where the editor double-clicks on the empty map, and undo removes it', () =>
    inStudio({}, async (page, story) => {
      const pane = (await page.locator('.react-flow__pane').boundingBox())!
      const at = { x: Math.round(pane.x + pane.width / 2 - 60), y: Math.round(pane.y + pane.height - 150) }
      // The spot is empty map, not a card or an edge.
      expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.className, [at.x, at.y])).toContain('react-flow__pane')

      await page.mouse.dblclick(at.x, at.y)
      await settled(page)

      await expect.poll(() => page.locator('[data-testid=studio]').getAttribute('data-node-count')).toBe('6')
      const created = (await nodesOf(token, story.id)).find((n) => n.displayOrder === 6)!
      expect(created.textContent).toBe('New line')
      expect(savedPosition(created)).toBeDefined()
      // The new card's corner is where the editor double-clicked, and its panel is open.
      const box = (await card(page, 6).boundingBox())!
      expect(Math.abs(box.x - at.x)).toBeLessThan(4)
      expect(Math.abs(box.y - at.y)).toBeLessThan(4)
      await expect.poll(() => page.locator('[data-testid=studio-panel] h4').textContent()).toBe('Node 6')

      await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } })
      await page.keyboard.press('Control+z')
      await settled(page)
      await expect.poll(() => page.locator('[data-testid=studio]').getAttribute('data-node-count')).toBe('5')
      expect((await nodeDoc(token, created.id)).status).toBe(404)
    }))

  it('should retarget a choice when the editor drags the end of its edge onto another card', () =>
    inStudio({}, async (page, story) => {
      const end = page.locator(`.react-flow__edge[data-id="c:${story.choices.B}"] .react-flow__edgeupdater-target`)
      const from = (await end.boundingBox())!
      // The edge's end sits under card 5's handle: grab it just left of the handle.
      const handle = (await card(page, 5).locator('.react-flow__handle.target').boundingBox())!
      const grab = { x: (from.x + handle.x) / 2, y: from.y + from.height / 2 }
      expect(grab.x).toBeLessThan(handle.x)
      expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.getAttribute('class'), [grab.x, grab.y])).toContain('react-flow__edgeupdater-target')
      const to = (await card(page, 4).locator('.react-flow__handle.target').boundingBox())!
      await page.mouse.move(grab.x, grab.y)
      await page.mouse.down()
      await page.mouse.move(to.x - 30, to.y + to.height / 2, { steps: 12 })
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 4 })
      await page.mouse.up()
      await settled(page)

      const { json } = await api<ChoiceDoc>(token, 'GET', `story-choices/${story.choices.B}?depth=0`)
      expect({ key: json.choiceKey, next: json.nextNode }).toEqual({ key: 'B', next: story.nodes[3] })
      // The map draws the edge to its new target.
      await expect.poll(() => page.locator(`.react-flow__edge[data-id="c:${story.choices.B}"]`).getAttribute('aria-label')).toBe(`Edge from ${story.nodes[1]} to ${story.nodes[3]}`)
    }))

  it('should delete a node only after the confirmation that lists what goes with it, in dark mode', () =>
    inStudio({ colorScheme: 'dark' }, async (page, story) => {
      await card(page, 2).click()
      const panel = page.locator('[data-testid=studio-panel]')
      await panel.getByRole('button', { name: 'Delete node' }).click()
      const summary = page.locator('[data-testid=studio-delete-summary]')
      await summary.waitFor()
      expect(await summary.textContent()).toContain('2 choices of this node')
      expect(await summary.textContent()).toContain('0 audio files')
      await page.evaluate('document.fonts.ready.then(() => undefined)')
      await shot(page, 'delete-confirm-dark')

      // Cancel: nothing is deleted.
      await page.locator('#confirm-cancel').click()
      await summary.waitFor({ state: 'hidden' })
      expect((await nodeDoc(token, story.nodes[1]!)).status).toBe(200)

      await panel.getByRole('button', { name: 'Delete node' }).click()
      await page.locator('#confirm-action').click()
      await settled(page)
      await expect.poll(() => page.locator('[data-testid=studio]').getAttribute('data-node-count')).toBe('4')
      expect((await nodeDoc(token, story.nodes[1]!)).status).toBe(404)
      const { json } = await api<{ totalDocs: number }>(token, 'GET', `story-choices?where[node][equals]=${story.nodes[1]}&depth=0`)
      expect(json.totalDocs).toBe(0)
      // The validation panel now says the story is broken (the start continues to a narration whose
      // choice source is gone), without a reload.
      await expect.poll(() => page.locator('[data-testid=studio-issue]').count()).toBeGreaterThan(0)

      // Undo brings the node back with both its choices.
      await page.keyboard.press('Control+z')
      await settled(page)
      await expect.poll(() => page.locator('[data-testid=studio]').getAttribute('data-node-count')).toBe('5')
      const restored = (await nodesOf(token, story.id)).find((n) => n.displayOrder === 2)!
      const again = await api<{ docs: ChoiceDoc[] }>(token, 'GET', `story-choices?where[node][equals]=${restored.id}&depth=0&sort=choiceKey`)
      expect(again.json.docs.map((c) => [c.choiceKey, c.nextNode, c.isDefault])).toEqual([
        ['A', story.nodes[2], true],
        ['B', story.nodes[4], false],
      ])
    }))

  it('should auto-play the story in the play-test panel, taking the default option after the timeout', () =>
    inStudio({}, async (page, story) => {
      await page.getByRole('button', { name: '▶ Play' }).click()
      const player = page.locator('[data-testid=story-player]')
      await player.waitFor()
      await expect.poll(() => page.locator('[data-testid=player-text]').textContent()).toContain('Ravi walks')
      await player.getByLabel('Auto-play').check()
      // Nobody clicks: the lines move on after their reading time, the choice counts down and takes A.
      await expect.poll(() => page.locator('.bk-player__countdown').count(), { timeout: 15_000 }).toBe(1)
      await shot(page, 'autoplay-countdown')
      await page.locator('[data-testid=player-end]').waitFor({ timeout: 45_000 })
      expect(await page.locator('[data-testid=player-text]').textContent()).toContain('mango tree')
      // The path taken is lit on the map: 1, 2, 3, 4 and not 5.
      for (const order of [1, 2, 3, 4]) await expect.poll(() => card(page, order).getAttribute('class')).toContain('studio-card--path')
      expect(await card(page, 5).getAttribute('class')).not.toContain('studio-card--path')
    }))

  it('should refuse a save over a concurrent edit with a message naming who changed the node', () =>
    inStudio({}, async (page, story) => {
      await card(page, 1).click()
      const panel = page.locator('[data-testid=studio-panel]')
      await panel.locator('[data-testid=panel-text]').fill('Ravi runs to the old well.')

      // Meanwhile the Tamil translator saves the same node in Tamil.
      const tamil = SEED_STAFF.find((s) => (s.locales as readonly string[]).includes('ta'))!
      const other = await api<{ doc: { editedBy: string } }>(await tokenOf(tamil), 'PATCH', `story-nodes/${story.nodes[0]}?locale=ta&depth=0`, { textContent: 'ரவி பழைய கிணற்றுக்கு நடக்கிறான்.' })
      expect(other.status).toBe(200)
      expect(other.json.doc.editedBy).toBe(tamil.name)

      await panel.getByRole('button', { name: 'Save', exact: true }).click()
      await settled(page)
      const message = page.locator('[data-testid=studio-message]')
      await expect.poll(() => message.textContent()).toContain(`changed by ${tamil.name}`)
      expect(await message.getAttribute('role')).toBe('alert')
      expect(await message.textContent()).toContain('Nothing was saved')
      await shot(page, 'conflict-409')
      expect((await nodeDoc(token, story.nodes[0]!)).json.textContent).toBe('Ravi walks to the old well.')
    }))

  it('should be usable by keyboard: Tab to a card, Enter opens it, arrows move it, Escape closes, Ctrl+Z undoes (Hindi, dark)', () =>
    inStudio({ colorScheme: 'dark', locale: 'hi' }, async (page, story) => {
      await page.getByRole('button', { name: 'Fit', exact: true }).focus()
      const focusedCard = () => page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.querySelector('[data-testid=studio-node]')?.getAttribute('data-order') ?? null)
      for (let i = 0; i < 20 && (await focusedCard()) === null; i++) await page.keyboard.press('Tab')
      expect(await focusedCard()).toBe('1')

      await page.keyboard.press('Enter')
      await expect.poll(() => page.locator('[data-testid=studio-panel] h4').textContent()).toBe('Node 1')
      // The Hindi card and the panel show Hindi in Devanagari, marked lang=hi and drawn with Noto.
      const text = card(page, 1).locator('.studio-card__text')
      expect(await text.getAttribute('lang')).toBe('hi')
      expect(await text.textContent()).toContain('रवि')
      expect(await page.locator('[data-testid=panel-text]').getAttribute('lang')).toBe('hi')
      await page.evaluate('document.fonts.ready.then(() => undefined)')
      const fonts = await platformFontsOf(page, `.react-flow__node[data-id="${story.nodes[0]}"] .studio-card__text`)
      expect(fonts.find((f) => /Noto Sans Devanagari/i.test(f.familyName))?.glyphCount ?? 0, JSON.stringify(fonts)).toBeGreaterThan(0)
      await shot(page, 'keyboard-hi-dark')

      // Tab goes on to the next card; Enter opens it.
      await page.keyboard.press('Tab')
      expect(await focusedCard()).toBe('2')
      await page.keyboard.press('Enter')
      await expect.poll(() => page.locator('[data-testid=studio-panel] h4').textContent()).toBe('Node 2')

      // Shift+→ three times moves the card 60 px; the move is saved once, as one step.
      const before = await flowPosition(page, story.nodes[1]!)
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight')
      await expect.poll(async () => savedPosition((await nodeDoc(token, story.nodes[1]!)).json), { timeout: 15_000 }).toEqual({ x: Math.round(before.x) + 60, y: Math.round(before.y) })
      await settled(page)

      await page.keyboard.press('Escape')
      await page.locator('[data-testid=studio-panel]').waitFor({ state: 'hidden' })

      await page.keyboard.press('Control+z')
      await settled(page)
      await expect.poll(async () => savedPosition((await nodeDoc(token, story.nodes[1]!)).json)).toEqual({ x: Math.round(before.x), y: Math.round(before.y) })
      // Drawn back where it was (in whole pixels, as positions are saved).
      await expect
        .poll(async () => {
          const p = await flowPosition(page, story.nodes[1]!)
          return { x: Math.round(p.x), y: Math.round(p.y) }
        })
        .toEqual({ x: Math.round(before.x), y: Math.round(before.y) })
    }))
})
