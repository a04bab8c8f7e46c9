/**
 * `npm run bench:studio`: the Story Studio in real Chromium against a production build.
 *   - time to interactive of the Studio for a 40-node and a 200-node / 400-choice story
 *     (navigation start until every card of the first view is drawn and the page is idle), warm
 *     (the map's layout remembered in the browser) and cold (elk lays it out), with when the graph
 *     data arrived and when the layout was done, and the size of the one graph request it makes;
 *   - frame times while the editor pans the 200-node map (requestAnimationFrame intervals), and
 *     how many cards React re-rendered (DOM mutations inside cards) during the pan;
 *   - latency of saving one node's text on the 200-node story through REST, as the Studio does it
 *     (PATCH with the editor's token; includes recompiling the story's bundles in the transaction).
 * Prints one JSON line per figure. Env: BENCH_SKIP_BUILD=1 reuses `.next`; BENCH_SAVES (default 40).
 */
import fs from 'node:fs'
import path from 'node:path'

import { freePort } from '../scripts/lib/ports'
import { runTypeScript, runWithServices } from '../scripts/lib/runTypeScript'
import { percentile } from './stats'
import { startThrowawayServices } from '../scripts/lib/throwawayServices'
import { SEED_STAFF } from '@/seed/accounts'

import { launchChromium } from '../tests/support/e2eBrowser'
import { buildApp, startApp, type RunningApp } from '../tests/support/e2eServer'

const SAVES = Number(process.env.BENCH_SAVES || 40)
const log = (msg: string) => console.error(`[bench:studio] ${msg}`)
const EDITOR = SEED_STAFF.find((s) => s.role === 'editor')!

async function storyId(base: string, slug: string): Promise<string> {
  const res = await fetch(`${base}/api/stories?where[slug][equals]=${slug}&depth=0&limit=1`)
  const body = (await res.json()) as { docs: { id: string }[] }
  if (!body.docs[0]) throw new Error(`no story ${slug}`)
  return body.docs[0].id
}

async function main(): Promise<number> {
  let app: RunningApp | undefined
  try {
    log('seeding the sample stories, a 40-node and a 200-node / 400-choice story…')
    const code = await runTypeScript('bench/seedStudio.ts')
    if (code !== 0) throw new Error(`seeding failed (${code})`)
    if (!(process.env.BENCH_SKIP_BUILD === '1' && fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID')))) await buildApp()
    app = await startApp({ port: await freePort() })
    const base = app.url
    const login = await fetch(`${base}/api/editors/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EDITOR.email, password: EDITOR.password }) })
    const { token } = (await login.json()) as { token: string }
    const big = await storyId(base, 'bench-studio-200')

    const browser = await launchChromium()
    try {
      const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } })
      await context.request.post('/api/editors/login', { data: { email: EDITOR.email, password: EDITOR.password } })
      const page = await context.newPage()
      // Warm the server and the browser cache once (a returning editor), then measure.
      await page.goto(`/admin/collections/stories/${big}/studio`)
      await page.locator('[data-testid=studio-node]').first().waitFor({ timeout: 120_000 })

      for (const [slug, nodes] of [
        ['bench-studio-40', 40],
        ['bench-studio-200', 200],
      ] as const) {
        const id = await storyId(base, slug)
        // Warm: a returning editor (the layout of this map is remembered in the browser). Cold: the
        // browser's storage cleared first, so elk lays the map out during the open.
        for (const mode of ['warm', 'cold-layout'] as const) {
          const runs: number[] = []
          const dataAt: number[] = []
          const layoutAt: number[] = []
          let graphBytes = 0
          let graphRequests = 0
          for (let i = 0; i < 5; i++) {
            graphRequests = 0
            const onResponse = async (res: import('playwright-core').Response) => {
              if (res.url().includes(`/api/stories/${id}/studio`)) {
                graphRequests++
                graphBytes = (await res.body()).length
              }
            }
            if (mode === 'cold-layout') await page.evaluate('window.localStorage.clear()')
            page.on('response', onResponse)
            await page.goto('about:blank')
            const t0 = Date.now()
            await page.goto(`/admin/collections/stories/${id}/studio`)
            await page.locator('[data-testid=studio-node]').first().waitFor({ timeout: 120_000 })
            // Interactive: the cards are drawn and the main thread has a free frame.
            await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))')
            runs.push(Date.now() - t0)
            const marks = (await page.evaluate(`['bk-studio:data', 'bk-studio:layout'].map((n) => Math.round(performance.getEntriesByName(n)[0]?.startTime ?? -1))`)) as number[]
            dataAt.push(marks[0]!)
            layoutAt.push(marks[1]!)
            // A cold run that skipped the layout (or showed no data) measured something else.
            if (marks[0]! < 0) throw new Error(`${mode} run ${i}: the Studio never marked its data ready`)
            if (mode === 'cold-layout' && marks[1]! < 0) throw new Error(`cold-layout run ${i}: no layout ran (the cleared storage was not cold)`)
            page.off('response', onResponse)
          }
          const median = (xs: number[]) => percentile(xs, 50)
          console.log(
            JSON.stringify({
              bench: 'studio-tti',
              nodes,
              mode,
              runs_ms: [...runs].sort((a, b) => a - b),
              median_ms: median(runs),
              // From navigation start: the graph data in hand, the layout done (-1: no layout ran).
              data_ready_median_ms: median(dataAt),
              layout_done_median_ms: median(layoutAt),
              graph_requests: graphRequests,
              graph_bytes: graphBytes,
            }),
          )
        }
      }

      // Pan the 200-node map for ~2 s with the mouse and record every frame interval.
      await page.goto(`/admin/collections/stories/${big}/studio`)
      await page.locator('[data-testid=studio-node]').first().waitFor({ timeout: 120_000 })
      await page.getByRole('button', { name: 'Fit', exact: true }).click()
      await page.waitForTimeout(500)
      await page.evaluate(`(() => {
        window.__frames = []; window.__cardMutations = 0; window.__panning = true
        let last = performance.now()
        const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__panning) requestAnimationFrame(tick) }
        requestAnimationFrame(tick)
        new MutationObserver((m) => { window.__cardMutations += m.filter((x) => x.target.closest && x.target.closest('.studio-card')).length })
          .observe(document.querySelector('.react-flow__nodes'), { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class', 'data-text-state'] })
      })()`)
      const pane = (await page.locator('.react-flow__pane').boundingBox())!
      const y = pane.y + pane.height / 2
      await page.mouse.move(pane.x + pane.width - 40, y)
      await page.mouse.down()
      for (let step = 0; step < 120; step++) {
        await page.mouse.move(pane.x + pane.width - 40 - step * 5, y + Math.sin(step / 10) * 40)
      }
      await page.mouse.up()
      const result = (await page.evaluate('(() => { window.__panning = false; return { frames: window.__frames.slice(1), mutations: window.__cardMutations, cards: document.querySelectorAll(".studio-card").length } })()')) as { frames: number[]; mutations: number; cards: number }
      const frames = [...result.frames].sort((a, b) => a - b)
      console.log(
        JSON.stringify({
          bench: 'studio-pan-200',
          frames: frames.length,
          frame_p50_ms: Math.round(percentile(frames, 50) * 10) / 10,
          frame_p95_ms: Math.round(percentile(frames, 95) * 10) / 10,
          frame_max_ms: Math.round(frames[frames.length - 1]! * 10) / 10,
          frames_over_50ms: frames.filter((f) => f > 50).length,
          cards_in_dom: result.cards,
          card_dom_mutations_during_pan: result.mutations,
        }),
      )
      await context.close()
    } finally {
      await browser.close()
    }

    // Save latency: one node's Hindi text, as the Studio saves it.
    const nodes = (await (await fetch(`${base}/api/story-nodes?where[story][equals]=${big}&depth=0&limit=5&sort=displayOrder&select[updatedAt]=true`, { headers: { authorization: `JWT ${token}` } })).json()) as { docs: { id: string; updatedAt: string }[] }
    const node = nodes.docs[2]!
    let updatedAt = node.updatedAt
    const times: number[] = []
    for (let i = 0; i < SAVES; i++) {
      const t0 = performance.now()
      const res = await fetch(`${base}/api/story-nodes/${node.id}?locale=hi&depth=0`, {
        method: 'PATCH',
        headers: { authorization: `JWT ${token}`, 'content-type': 'application/json', 'x-expected-updated-at': updatedAt },
        body: JSON.stringify({ textContent: `कौआ पानी ढूँढता है ${i}` }),
      })
      const body = (await res.json()) as { doc?: { updatedAt: string } }
      times.push(performance.now() - t0)
      if (!res.ok || !body.doc) throw new Error(`save ${i} answered ${res.status}`)
      updatedAt = body.doc.updatedAt
    }
    const warm = times.slice(3).sort((a, b) => a - b)
    console.log(JSON.stringify({ bench: 'studio-save-200', saves: warm.length, p50_ms: Math.round(percentile(warm, 50)), p99_ms: Math.round(percentile(warm, 99)), max_ms: Math.round(warm[warm.length - 1]!) }))
  } finally {
    await app?.stop()
  }
  return 0
}

await runWithServices(await startThrowawayServices('bench-studio'), main)
