import type { Payload } from 'payload'

import { primaryPool } from '@/db/postgres'

export type DayCount = { day: string; started: number; completed: number }
export type ChoiceCount = { storySlug: string; nodeId: string; nodeText: string | null; choice: string; count: number }
export type ListenerDashboard = { days: number; perDay: DayCount[]; choices: ChoiceCount[]; listeners: number; activeListeners7d: number }

/**
 * Aggregates for the admin dashboard, computed in SQL:
 * - stories started and completed per day (UTC), from the apps' story_start / story_complete
 *   analytics events of the last `days` days (the created_at index and monthly partitions keep
 *   this to the recent partitions);
 * - for each choice node, how often each option was taken, from user_progress.choices_made: the
 *   server-checked choices of every listener's current play, one count per play and choice.
 */
export async function listenerDashboard(payload: Payload, days = 30): Promise<ListenerDashboard> {
  const pool = primaryPool(payload)
  const [perDay, choices, listeners] = await Promise.all([
    pool.query<{ day: string; started: string; completed: string }>(
      `SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
              count(*) FILTER (WHERE event_type = 'story_start') AS started,
              count(*) FILTER (WHERE event_type = 'story_complete') AS completed
         FROM analytics_events
        WHERE created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - make_interval(days => $1::int - 1)
          AND event_type IN ('story_start', 'story_complete')
        GROUP BY 1 ORDER BY 1`,
      [days],
    ),
    pool.query<{ slug: string; node_id: string; node_text: string | null; choice: string; count: string }>(
      `SELECT s.slug, c.node_id, nl.text_content AS node_text, c.choice, count(*) AS count
         FROM user_progress p
         JOIN stories s ON s.id = p.story_id
         CROSS JOIN LATERAL jsonb_to_recordset(p.choices_made) AS c(node_id text, choice text)
         LEFT JOIN story_nodes n ON n.id::text = c.node_id
         LEFT JOIN story_nodes_locales nl ON nl._parent_id = n.id AND nl._locale = 'en'
        WHERE jsonb_typeof(p.choices_made) = 'array'
        GROUP BY s.slug, c.node_id, n.display_order, nl.text_content, c.choice
        ORDER BY s.slug, n.display_order NULLS LAST, c.node_id, c.choice
        LIMIT 2000`,
    ),
    pool.query<{ total: string; active: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE last_active >= now() - interval '7 days') AS active FROM users`,
    ),
  ])
  return {
    days,
    perDay: perDay.rows.map((r) => ({ day: r.day, started: Number(r.started), completed: Number(r.completed) })),
    choices: choices.rows.map((r) => ({ storySlug: r.slug, nodeId: r.node_id, nodeText: r.node_text, choice: r.choice, count: Number(r.count) })),
    listeners: Number(listeners.rows[0]?.total ?? 0),
    activeListeners7d: Number(listeners.rows[0]?.active ?? 0),
  }
}
