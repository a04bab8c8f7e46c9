import type { Payload } from 'payload'
import type { z } from 'zod'

import { staffUser } from '@/access/roles'
import { answeringEndpoint, error, json } from '@/http/response'
import type { dashboardCellSchema } from '@/domain/translation/apiSchemas'
import { LOCALE_CODES } from '@/locales'
import { primaryPool } from '@/db/postgres'

export type DashboardCell = z.infer<typeof dashboardCellSchema>

export type DashboardStory = { id: string; slug: string; title: string; sourceLocale: string; active: boolean; locales: Record<string, DashboardCell> }

export type Dashboard = { locales: string[]; stories: DashboardStory[] }

/**
 * Stories x locales with their translation progress, in one query over story_translations (whose
 * progress columns are kept with the bundle). `locales` null = every locale.
 */
export async function translationDashboard(payload: Payload, locales: string[] | null): Promise<Dashboard> {
  const { rows } = await primaryPool(payload).query<{
    id: string
    slug: string
    title: string | null
    source_locale: string
    active: boolean
    locale: string
    state: string | null
    units: string
    missing: string
    machine: string
    stale: string
    translated: string
    approved: string
    nodes: string
    audio_nodes: string
  }>(
    `SELECT s.id, s.slug, sl.title, s.source_locale::text AS source_locale, s.is_active AS active, st.language_code AS locale,
            st.publication_state::text AS state, st.progress_units AS units, st.progress_missing AS missing,
            st.progress_machine AS machine, st.progress_stale AS stale, st.progress_translated AS translated,
            st.progress_approved AS approved, st.progress_nodes AS nodes, st.progress_audio_nodes AS audio_nodes
       FROM story_translations st
       JOIN stories s ON s.id = st.story_id
       LEFT JOIN stories_locales sl ON sl._parent_id = s.id AND sl._locale::text = s.source_locale::text
      WHERE ($1::text[] IS NULL OR st.language_code = ANY($1::text[]))
      ORDER BY s.created_at DESC, s.id`,
    [locales],
  )
  const stories = new Map<string, DashboardStory>()
  for (const r of rows) {
    let story = stories.get(r.id)
    if (!story) {
      story = { id: r.id, slug: r.slug, title: r.title ?? r.slug, sourceLocale: r.source_locale ?? 'en', active: r.active, locales: {} }
      stories.set(r.id, story)
    }
    story.locales[r.locale] = {
      state: r.locale === story.sourceLocale ? 'source' : ((r.state ?? 'draft') as DashboardCell['state']),
      units: Number(r.units ?? 0),
      missing: Number(r.missing ?? 0),
      machine: Number(r.machine ?? 0),
      stale: Number(r.stale ?? 0),
      translated: Number(r.translated ?? 0),
      approved: Number(r.approved ?? 0),
      nodes: Number(r.nodes ?? 0),
      audioNodes: Number(r.audio_nodes ?? 0),
    }
  }
  return { locales: locales ?? LOCALE_CODES, stories: [...stories.values()] }
}

/** `GET /api/translation-dashboard`: editors see every locale, a translator their own. */
export const translationDashboardEndpoint = answeringEndpoint({
  path: '/translation-dashboard',
  method: 'get',
  handler: async (req) => {
    const user = staffUser(req)
    if (!user) return error(req.user ? 403 : 401, 'Staff only.')
    const locales = user.role === 'translator' ? LOCALE_CODES.filter((l) => (user.assignedLocales ?? []).includes(l)) : null
    return json(200, await translationDashboard(req.payload, locales))
  },
})
