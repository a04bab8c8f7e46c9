import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { idOf } from '@/db/idOf'
import { primaryPool } from '@/db/postgres'
import { withTransaction } from '@/db/transaction'
import { loadLexicon } from '@/audio/lexicon'
import { providerIdentity } from '@/audio/providers/audioProvider'
import { GENERATE_AUDIO } from '@/audio/jobs/generateAudioTask'
import type { TtsProvider } from '@/audio/providers/types'
import { estimateCost } from '@/domain/audio/cost'
import { castModelOf, castSpeakers, nodeSpeaker } from '@/domain/audio/speakers'
import { planAudio, type JobRef, type LocaleSummary, type Plan, type PlanInput } from '@/domain/audio/variants'
import { LOCALE_CODES, type LocaleCode } from '@/locales'
import { SLUGS } from '@/slugs'
import { settings } from '@/settings'

type Ref = string | { id: string } | null | undefined

export type StoryAudio = {
  story: { id: string; slug: string }
  provider: { name: string; model: string }
  plan: Plan
}

export type StoryAudioStatus = {
  story: { id: string; slug: string }
  provider: { name: string; model: string }
  locales: (LocaleSummary & { estimatedCostInr: number })[]
  totals: { nodes: number; done: number; queued: number; failed: number; missing: number; noText: number; charsToVoice: number; estimatedCostInr: number }
}

export class StoryNotFound extends Error {}

/** Bulbul price used for estimates: AUDIO_RUPEES_PER_10K_CHARS, default ₹30 per 10,000 characters. */
export function rupeesPer10k(): number {
  return settings().audio.rupeesPer10kChars
}

/**
 * Loads what a story's audio plan needs in a fixed number of queries (story, characters, nodes in
 * every locale, audio rows, audio jobs, reusable content keys) and plans it.
 */
export async function loadStoryAudio(payload: Payload, storyId: string, opts: { provider: TtsProvider; locales?: readonly LocaleCode[] }): Promise<StoryAudio> {
  const story = await payload.findByID({ collection: SLUGS.stories, id: storyId, depth: 0, joins: false, overrideAccess: true, disableErrors: true, select: { slug: true } })
  if (!story) throw new StoryNotFound(`No story with id ${storyId}`)
  const byStory = { story: { equals: storyId } }
  const common = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const
  const [characters, nodes, choices, rows, jobs] = await Promise.all([
    payload.find({ collection: SLUGS.characters, where: byStory, ...common, select: { bulbulSpeaker: true, voiceCast: true } }),
    payload.find({
      collection: SLUGS.storyNodes,
      where: byStory,
      ...common,
      joins: false,
      locale: 'all',
      select: { textContent: true, character: true, displayOrder: true, nodeType: true, isEnd: true },
      sort: 'displayOrder',
    }),
    payload.find({ collection: SLUGS.storyChoices, where: byStory, ...common, locale: 'all', select: { node: true, choiceKey: true, textContent: true }, sort: 'choiceKey' }),
    payload.find({ collection: SLUGS.audioFiles, where: byStory, ...common, select: { node: true, choice: true, languageCode: true, speakerId: true, contentKey: true, lineVoice: true, reviewStatus: true } }),
    audioJobsOf(payload, storyId),
  ])
  const narrator = settings().audio.narratorSpeaker
  // A node's voice: its character's (per locale when the voice cast says so), else the narrator's.
  const characterOf = new Map(characters.docs.map((c) => [c.id, c]))
  const castModel = castModelOf(opts.provider)
  const voiceOf = new Map(
    nodes.docs.map((n) => {
      const character = characterOf.get(idOf(n.character as Ref) ?? '')
      return [n.id, { speaker: nodeSpeaker(character?.bulbulSpeaker, narrator), speakers: castSpeakers(character, LOCALE_CODES, narrator, castModel) }]
    }),
  )
  // Spoken choices: the options a player shows (those of choice nodes, not an end's or a line's
  // folded "continue"), in reading order, each in its choice node's voice.
  const order = new Map(nodes.docs.map((n, i) => [n.id, i]))
  const shown = new Set(nodes.docs.filter((n) => n.nodeType === 'choice' && !n.isEnd).map((n) => n.id))
  const options = choices.docs
    .filter((c) => shown.has(idOf(c.node as Ref) ?? ''))
    .sort((a, b) => order.get(idOf(a.node as Ref)!)! - order.get(idOf(b.node as Ref)!)! || a.choiceKey.localeCompare(b.choiceKey))
  const input: PlanInput = {
    nodes: nodes.docs.map((n) => ({
      id: n.id,
      ...voiceOf.get(n.id)!,
      texts: (n.textContent ?? {}) as unknown as Partial<Record<string, string | null>>,
    })),
    choices: options.map((c) => ({
      id: c.id,
      node: idOf(c.node as Ref)!,
      ...voiceOf.get(idOf(c.node as Ref)!)!,
      texts: (c.textContent ?? {}) as unknown as Partial<Record<string, string | null>>,
    })),
    locales: opts.locales ?? LOCALE_CODES,
    identity: providerIdentity(opts.provider),
    rows: rows.docs.map((r) => ({ node: idOf(r.node as Ref) ?? '', choice: idOf(r.choice as Ref), languageCode: r.languageCode, speakerId: r.speakerId, contentKey: r.contentKey, lineVoice: r.lineVoice, reviewStatus: r.reviewStatus })),
    jobs,
    lexicon: await loadLexicon({ payload }),
  }
  const first = planAudio(input)
  const wanted = [...new Set(first.items.filter((i) => i.needsSynthesis).map((i) => i.contentKey))]
  const { rows: known } = wanted.length
    ? await primaryPool(payload).query<{ key: string }>('SELECT DISTINCT content_key AS key FROM audio_files WHERE content_key = ANY($1::text[])', [wanted])
    : { rows: [] }
  const plan = known.length ? planAudio({ ...input, knownKeys: new Set(known.map((k) => k.key)) }) : first
  return { story: { id: story.id, slug: story.slug }, provider: { name: opts.provider.name, model: opts.provider.model }, plan }
}

async function audioJobsOf(payload: Payload, storyId: string): Promise<JobRef[]> {
  const { rows } = await primaryPool(payload).query<{ node: string; choice: string | null; locale: string; completed: boolean; has_error: boolean | null; processing: boolean | null; error: { message?: string } | null; created_at: Date }>(
    `SELECT input->>'node' AS node, input->>'choice' AS choice, input->>'locale' AS locale, completed_at IS NOT NULL AS completed, has_error, processing, error, created_at
       FROM payload_jobs WHERE task_slug = $1 AND input->>'story' = $2`,
    [GENERATE_AUDIO, storyId],
  )
  return rows.map((r) => ({
    node: r.node,
    choice: r.choice,
    locale: r.locale,
    state: r.has_error ? 'failed' : r.completed ? 'done' : r.processing ? 'running' : 'queued',
    error: r.error?.message ?? null,
    createdAt: new Date(r.created_at).toISOString(),
  }))
}

export function statusOf(audio: StoryAudio): StoryAudioStatus {
  const rate = rupeesPer10k()
  const locales = audio.plan.locales.map((l) => ({ ...l, estimatedCostInr: estimateCost(l.charsToVoice, { rupeesPer10k: rate }) }))
  const sum = (k: 'done' | 'queued' | 'failed' | 'missing' | 'noText' | 'charsToVoice') => locales.reduce((n, l) => n + l[k], 0)
  const charsToVoice = sum('charsToVoice')
  return {
    story: audio.story,
    provider: audio.provider,
    locales,
    totals: {
      nodes: locales[0]?.nodes ?? 0,
      done: sum('done'),
      queued: sum('queued'),
      failed: sum('failed'),
      missing: sum('missing'),
      noText: sum('noText'),
      charsToVoice,
      estimatedCostInr: estimateCost(charsToVoice, { rupeesPer10k: rate }),
    },
  }
}

export type EnqueueResult = {
  jobIds: string[]
  /** Variants queued now (missing, outdated or failed before). */
  enqueued: number
  upToDate: number
  alreadyQueued: number
  noText: number
  status: StoryAudioStatus
}

/**
 * Queues one generateAudio job per (node, locale) of the story that is not up to date and not
 * already queued; a failed one is queued again. Jobs are inserted in one transaction and claimed
 * in plan order (locale by locale, the default locale first; nodes in reading order).
 */
export async function enqueueStoryAudio(payload: Payload, storyId: string, opts: { provider: TtsProvider; locales?: readonly LocaleCode[] }): Promise<EnqueueResult> {
  const audio = await loadStoryAudio(payload, storyId, opts)
  const todo = audio.plan.items.filter((i) => i.state === 'missing' || i.state === 'failed')
  const jobIds = await queueInOrder(payload, todo.map((item) => ({ node: item.node, ...(item.choice ? { choice: item.choice } : {}), locale: item.locale, story: storyId })))
  const after = jobIds.length ? await loadStoryAudio(payload, storyId, opts) : audio
  const count = (s: string) => audio.plan.items.filter((i) => i.state === s).length
  return {
    jobIds,
    enqueued: jobIds.length,
    upToDate: count('done'),
    alreadyQueued: count('queued'),
    noText: audio.plan.locales.reduce((n, l) => n + l.noText, 0),
    status: statusOf(after),
  }
}

/**
 * Queues the lines several stories still need so that the workers voice them locale by locale and,
 * within a locale, story by story in the order given: every story's default-locale lines (what a
 * listener opens first) before any translation, the first story's before the second's. Returns the
 * job ids in that order.
 */
export async function enqueueStoriesAudio(payload: Payload, storyIds: readonly string[], opts: { provider: TtsProvider; locales?: readonly LocaleCode[] }): Promise<string[]> {
  const locales = opts.locales ?? LOCALE_CODES
  const plans = await Promise.all(storyIds.map((id) => loadStoryAudio(payload, id, { ...opts, locales })))
  const inputs: GenerateInput[] = []
  for (const locale of locales) {
    for (const { story, plan } of plans) {
      for (const item of plan.items) {
        if (item.locale === locale && (item.state === 'missing' || item.state === 'failed')) inputs.push({ node: item.node, ...(item.choice ? { choice: item.choice } : {}), locale, story: story.id })
      }
    }
  }
  return queueInOrder(payload, inputs)
}

type GenerateInput = { node: string; choice?: string; locale: string; story: string }

/**
 * Queues generateAudio jobs in one transaction so that workers claim them in the order given.
 * Workers claim the oldest job first (`created_at`, see worker.ts); Payload stamps each job with
 * the millisecond it was queued, so jobs queued within one millisecond would go in random (id)
 * order: their `created_at` is set to one millisecond apart, in order, in the same transaction.
 */
export async function queueInOrder(payload: Payload, inputs: readonly GenerateInput[]): Promise<string[]> {
  if (!inputs.length) return []
  return withTransaction(payload, async (req, db) => {
    const ids: string[] = []
    for (const input of inputs) {
      const job = await payload.jobs.queue({ task: GENERATE_AUDIO, input, req })
      ids.push(String(job.id))
    }
    await db.execute(sql`
      UPDATE payload_jobs AS j
         SET created_at = o.first + (o.n - 1) * interval '1 millisecond'
        FROM (SELECT u.id, u.n, min(p.created_at) OVER () AS first
                FROM unnest(${`{${ids.join(',')}}`}::uuid[]) WITH ORDINALITY AS u(id, n)
                JOIN payload_jobs p ON p.id = u.id) AS o
       WHERE j.id = o.id`)
    return ids
  })
}
