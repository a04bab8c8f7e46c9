/**
 * `npx tsx bench/translation.ts` (also run by `npm run bench`): the translation workspace figures.
 *   - workspace data: GET /api/stories/:id/translation-status?locale=ta of a 200-node story (the
 *     one request the workspace view's data is), p50 of 10;
 *   - save: PATCH of one node's Tamil text as the workspace does, p50 of 30 (different nodes);
 *   - dashboard: 500 stories x 12 locales, translationDashboard()'s one query, p50 of 10;
 *   - workspace in the browser: with a production build present (.next/BUILD_ID), `npm start` on
 *     the same database and Chromium opening /admin/translate/<story>/te until every row is
 *     shown, p50 of 5 (BENCH_BROWSER=0 skips it), with its navigation timing (first byte, HTML
 *     done, DOMContentLoaded, load) and HTML size, and, as the floor, the admin's account view
 *     (same template, no workspace) opened the same way.
 * Real Postgres and s3rver (throwaway), real HTTP in front of Payload's REST handlers. The parent
 * starts the services and runs the measuring in a child (asChildWithServices(), as
 * bench/audio.ts does), which is restarted if its imports stall.
 */
import { performance } from 'node:perf_hooks'

import { asChildWithServices, reportImported } from '../scripts/lib/runTypeScript'

await asChildWithServices('translation', 'bench/translation.ts')

const { getPayload } = await import('payload')
const config = (await import('@payload-config')).default
const { migrate } = await import('@/db/migrate')
const { seedStories } = await import('@/seed/seed')
const { startTestServer } = await import('../tests/support/httpServer')
const { createStaff, rest } = await import('../tests/support/api')
const { translationDashboard } = await import('@/translation/dashboard')
const { primaryPool } = await import('@/db/postgres')
const { generateStory } = await import('./storyGenerator')
reportImported()

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const ms = (x: number) => Math.round(x * 10) / 10

type Page = import('playwright-core').Page

/** Navigation timing of the page just opened (ms from navigation start) and the document's size. */
async function navigationTiming(page: Page) {
  return page.evaluate(() => {
    const n = (performance as unknown as { getEntriesByType: (t: string) => PerformanceNavigationTiming[] }).getEntriesByType('navigation')[0]!
    return { ttfb: n.responseStart, html: n.responseEnd, domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd, htmlBytes: n.decodedBodySize }
  })
}

async function main() {
  const payload = await getPayload({ config })
  await migrate(payload)
  const t0 = performance.now()
  await seedStories(payload, [generateStory(900, 200)])
  console.error(`[bench] 200-node story seeded in ${Math.round(performance.now() - t0)} ms`)
  const story = (await payload.find({ collection: 'stories', where: { slug: { equals: 'bench-story-900' } }, depth: 0 })).docs[0]!
  const server = await startTestServer()
  const editor = await createStaff(payload, server.url, 'editor')

  const loads: number[] = []
  let units = 0
  for (let i = 0; i < 10; i++) {
    const t = performance.now()
    const res = await rest(server.url, 'GET', `stories/${story.id}/translation-status?locale=te`, { token: editor.token })
    loads.push(performance.now() - t)
    if (res.status !== 200) throw new Error(`translation-status ${res.status}`)
    units = res.body.units.length
  }

  const nodes = await payload.find({ collection: 'story-nodes', where: { story: { equals: story.id } }, limit: 30, depth: 0, sort: 'displayOrder' })
  const saves: number[] = []
  for (const [i, node] of nodes.docs.entries()) {
    const t = performance.now()
    const res = await rest(server.url, 'PATCH', `story-nodes/${node.id}?depth=0`, { token: editor.token, locale: 'te', body: { textContent: `తెలుగు వాక్యం ${i}` } })
    saves.push(performance.now() - t)
    if (res.status !== 200) throw new Error(`save ${res.status}`)
  }

  // 500 stories x 12 locales of dashboard rows, written directly (the query reads only these tables).
  const pool = primaryPool(payload)
  await pool.query(`
    WITH s AS (
      INSERT INTO stories (slug, age_range, region, is_active, source_locale)
      SELECT 'dash-' || g, '4-6', 'pan-indian', true, 'en' FROM generate_series(1, 500) g RETURNING id, slug
    ), sl AS (
      INSERT INTO stories_locales (title, _locale, _parent_id) SELECT 'Story ' || slug, 'en', id FROM s RETURNING _parent_id
    )
    INSERT INTO story_translations (story_id, language_code, title, content_json, story_slug, is_published, publication_state,
                                    progress_units, progress_missing, progress_translated, progress_approved, progress_stale, progress_nodes, progress_audio_nodes)
    SELECT s.id, l, 'x', '{}'::jsonb, s.slug, true, 'draft', 90, 10, 80, 40, 3, 40, 20
      FROM s CROSS JOIN unnest(ARRAY['en','hi','bn','ta','te','kn','ml','mr','gu','pa','od','hi-mixed']) l`)
  const dash: number[] = []
  let cells = 0
  for (let i = 0; i < 10; i++) {
    const t = performance.now()
    const d = await translationDashboard(payload, null)
    dash.push(performance.now() - t)
    cells = d.stories.reduce((n, s) => n + Object.keys(s.locales).length, 0)
  }
  // The 500 x 12 rows written above (and the bench story's own): a dashboard that dropped rows is no result.
  if (cells < 500 * 12) throw new Error(`the dashboard counted ${cells} cells, fewer than the 6,000 written`)
  const dashHttp: number[] = []
  for (let i = 0; i < 5; i++) {
    const t = performance.now()
    const res = await rest(server.url, 'GET', 'translation-dashboard', { token: editor.token })
    dashHttp.push(performance.now() - t)
    if (res.status !== 200) throw new Error(`dashboard ${res.status}`)
  }
  let browserOpen: number | null = null
  let breakdown: Record<string, number> | null = null
  let adminFloor: number | null = null
  const fs = await import('node:fs')
  if (process.env.BENCH_BROWSER !== '0' && fs.existsSync('.next/BUILD_ID')) {
    const { startApp } = await import('../tests/support/e2eServer')
    const { launchChromium } = await import('../tests/support/e2eBrowser')
    const { freePort } = await import('../scripts/lib/ports')
    const app = await startApp({ port: await freePort(), env: { SEED_ON_EMPTY: 'false' } })
    const browser = await launchChromium()
    try {
      const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1400, height: 1000 } })
      await context.route((u) => u.hostname !== 'localhost', (route) => route.abort('blockedbyclient'))
      const login = await context.request.post('/api/editors/login', { data: { email: editor.email, password: editor.password } })
      if (login.status() !== 200) throw new Error(`login ${login.status()}`)
      const page = await context.newPage()
      const opens: number[] = []
      const timings: { ttfb: number; html: number; domContentLoaded: number; load: number; htmlBytes: number }[] = []
      for (let i = 0; i < 6; i++) {
        const t = performance.now()
        await page.goto(`/admin/translate/${story.id}/te`)
        await page.waitForFunction((n) => document.querySelectorAll('[data-testid="unit-row"]').length === n, units, { timeout: 60_000 })
        if (i > 0) {
          opens.push(performance.now() - t) // the first open warms the server
          timings.push(await navigationTiming(page))
        }
      }
      browserOpen = ms(p50(opens))
      breakdown = {
        ttfb_p50_ms: ms(p50(timings.map((x) => x.ttfb))),
        html_done_p50_ms: ms(p50(timings.map((x) => x.html))),
        dom_content_loaded_p50_ms: ms(p50(timings.map((x) => x.domContentLoaded))),
        load_event_p50_ms: ms(p50(timings.map((x) => x.load))),
        html_bytes: timings[0]!.htmlBytes,
      }
      // The floor: an admin page with the same template and no workspace (the account view).
      const floor: number[] = []
      for (let i = 0; i < 6; i++) {
        const t = performance.now()
        await page.goto('/admin/account')
        await page.locator('#field-email').waitFor({ timeout: 60_000 })
        if (i > 0) floor.push(performance.now() - t)
      }
      adminFloor = ms(p50(floor))
    } finally {
      await browser.close()
      await app.stop()
    }
  }
  const result = {
    scenario: 'translation',
    workspace_units: units,
    workspace_load_p50_ms: ms(p50(loads)),
    save_p50_ms: ms(p50(saves)),
    save_max_ms: ms(Math.max(...saves)),
    dashboard_cells: cells,
    dashboard_query_p50_ms: ms(p50(dash)),
    dashboard_http_p50_ms: ms(p50(dashHttp)),
    workspace_browser_open_p50_ms: browserOpen,
    workspace_browser: breakdown,
    admin_account_open_p50_ms: adminFloor,
  }
  console.log(JSON.stringify(result))
  await server.close()
  await payload.destroy?.()
}

await main()
process.exit(0)
