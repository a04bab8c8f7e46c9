import { codeMixRatio } from '@/domain/audio/codeMix'
import { contentKey, type VoiceSettingsValue } from '@/domain/audio/contentKey'
import { splitSentences } from '@/domain/audio/cues'
import { compileLexicon, type AppliedEntry, type CompiledLexicon, type LexiconEntry } from '@/domain/audio/lexicon'
import { isLocale, type LocaleCode } from '@/locales'

/**
 * Voice variants: what one generated audio file is *of*, and which ones a story still needs.
 *
 * A voice variant is (node, locale, speaker). Its code-mix ratio is measured from the text (see
 * codeMix.ts), so it follows from the text rather than naming a separate variant; its content key
 * is the hash of everything that decides how it sounds (see contentKey.ts). One audio row exists
 * per variant; a row whose content key is the variant's current key is up to date.
 */

/** Speaker of a node without a character (the narrator). */
export const DEFAULT_NARRATOR_SPEAKER = 'meera'

/** The provider a key is computed for: its name, model and voice settings. */
export type ProviderIdentity = {
  provider: string
  model: string
  settings?: Readonly<Record<string, VoiceSettingsValue | undefined>>
}

/**
 * A line's own voice in one locale, chosen when a rejected line is regenerated alone (the review
 * screen's "Regenerate"): another speaker (null: the character's cast, as usual) and/or pace (null:
 * normal), and which take this is. It is kept on the line's audio row and followed from then on,
 * also when the line's text changes and it is voiced again. The take is part of the content key, so
 * a regeneration never returns the audio it replaces, even with the same speaker and pace.
 */
export type LineVoice = { speaker: string | null; pace: number | null; take: number }

/** Pace every provider and model accepts (Sarvam bulbul:v3 0.5-2; bulbul:v2 and espeak 0.3-3). */
export const PACE_RANGE = [0.5, 2] as const

/** The line voice a stored row carries, or null for a row voiced as the cast says. */
export function lineVoiceOfRow(row: { lineVoice?: { speaker?: string | null; pace?: number | null; take?: number | null } | null }): LineVoice | null {
  const v = row.lineVoice
  if (!v || typeof v.take !== 'number') return null
  return { speaker: v.speaker?.trim().toLowerCase() || null, pace: typeof v.pace === 'number' ? v.pace : null, take: v.take }
}

export type VariantSource = {
  node: string
  /** Set for a spoken choice: the option's id (`node` is its choice node). */
  choice?: string | null
  locale: string
  /** The node's own text in `locale` (no fallback), or null/'' when it has none. */
  text: string | null | undefined
  speaker: string
  /** The line's own voice in this locale (see LineVoice), overriding `speaker` and adding a pace. */
  voice?: LineVoice | null
}

export type Variant = {
  node: string
  /** The choice whose option this voices, or null for the node's own line. */
  choice: string | null
  locale: LocaleCode
  speaker: string
  /** The line as written. */
  text: string
  /** What is sent for synthesis: the text with the pronunciation lexicon applied. */
  spokenText: string
  /** Lexicon entries that changed the line (part of the content key). */
  applied: AppliedEntry[]
  /** The line's sentences as written (read-along cue text) and as spoken (lexicon applied). */
  sentences: { text: string; spoken: string }[]
  /** Characters a per-character provider bills (code points of the trimmed text). */
  chars: number
  codeMixRatio: number
  contentKey: string
  /** The line's own voice, when it has one (see LineVoice). */
  voice: LineVoice | null
  /** Pace to ask the provider for (1 = normal), from the line's voice. */
  pace: number | null
}

/**
 * The variant to voice for a node's text in a locale, or null when the node has no text of its
 * own there (an untranslated node is reported, never voiced in another language's words).
 * Whitespace-only text is returned as is: synthesis rejects it with a clear EMPTY_TEXT error.
 */
export function variantFor(source: VariantSource, identity: ProviderIdentity, lexicon?: CompiledLexicon): Variant | null {
  const { text, locale } = source
  if (typeof text !== 'string' || text === '') return null
  if (!isLocale(locale)) throw new RangeError(`Unknown locale "${locale}"`)
  const ratio = codeMixRatio(locale, text)
  const voice = source.voice ?? null
  const speaker = (voice?.speaker || source.speaker).trim().toLowerCase()
  const spoken = lexicon?.size ? lexicon.apply(text) : { text, applied: [] }
  return {
    node: source.node,
    choice: source.choice ?? null,
    locale,
    speaker,
    text,
    spokenText: spoken.text,
    applied: spoken.applied,
    sentences: splitSentences(text).map((t) => ({ text: t, spoken: lexicon?.size ? lexicon.apply(t).text : t })),
    chars: [...text.trim()].length,
    codeMixRatio: ratio,
    voice,
    pace: voice?.pace ?? null,
    contentKey: contentKey({
      text,
      locale,
      speaker,
      model: identity.model,
      provider: identity.provider,
      settings: voice ? { ...identity.settings, pace: voice.pace ?? undefined, take: voice.take } : (identity.settings ?? {}),
      codeMixRatio: ratio,
      lexicon: spoken.applied,
    }),
  }
}

/** The lock / identity name of a variant (one row per name): a node's line, or a choice's option. */
export function variantName(v: { node: string; choice?: string | null; locale: string; speaker: string }): string {
  return `${lineId(v)}|${v.locale}|${v.speaker}`
}

/** What a line is voiced for: the choice for a spoken option, else the node. */
export function lineId(v: { node: string; choice?: string | null }): string {
  return v.choice ? `choice:${v.choice}` : v.node
}

type StoredLineVoice = { speaker?: string | null; pace?: number | null; take?: number | null } | null
export type AudioRowRef = {
  node: string
  choice?: string | null
  languageCode: string
  speakerId: string
  contentKey: string | null | undefined
  lineVoice?: StoredLineVoice
  /** Its review state (pending when absent). */
  reviewStatus?: string | null
}

/** Review states of a locale's current audio (lines done), as the review screen counts them. */
export type ReviewCounts = { pending: number; approved: number; rejected: number }

/** Per line and locale (`lineId|locale`), the line voice its rows carry (the latest take). */
export function lineVoices(rows: readonly { node: string; choice?: string | null; languageCode: string; lineVoice?: StoredLineVoice }[]): Map<string, LineVoice> {
  const out = new Map<string, LineVoice>()
  for (const row of rows) {
    const voice = lineVoiceOfRow(row)
    if (!voice) continue
    const key = `${lineId(row)}|${row.languageCode}`
    const prev = out.get(key)
    if (!prev || voice.take > prev.take) out.set(key, voice)
  }
  return out
}

export type JobState = 'queued' | 'running' | 'done' | 'failed'

export type JobRef = { node: string; choice?: string | null; locale: string; state: JobState; error?: string | null; createdAt: string }

export type VariantState = 'done' | 'queued' | 'failed' | 'missing'

export type PlanItem = Variant & {
  state: VariantState
  /** A row exists for this variant but was made from other text/settings. */
  outdated: boolean
  /** Synthesis is needed: not done and no row anywhere has this content key. */
  needsSynthesis: boolean
  error?: string
}

export type LocaleSummary = {
  locale: LocaleCode
  /** Nodes of the story. */
  nodes: number
  /** Lines (nodes and spoken options) without their own text in this locale (not voiced). */
  noText: number
  done: number
  queued: number
  failed: number
  missing: number
  /** Of missing + queued + failed: nodes whose existing audio no longer matches their text. */
  outdated: number
  /** Characters still to be voiced (distinct content, not reusable from existing audio). */
  charsToVoice: number
  /** Of the lines done: how many wait for review, were approved, were rejected. */
  review: ReviewCounts
  /** First few failure messages. */
  errors: { node: string; message: string }[]
}

/**
 * A node's line, or (with `node`) a choice's option spoken in the voice of its choice node.
 * `speakers` overrides `speaker` per locale (the character's voice cast).
 */
export type LineSource = { id: string; speaker: string; speakers?: Partial<Record<string, string>>; texts: Partial<Record<string, string | null | undefined>> }
export type ChoiceSource = LineSource & { node: string }

export type PlanInput = {
  nodes: LineSource[]
  /** The options of choice nodes, voiced too (spoken choices); their summaries count with the nodes'. */
  choices?: ChoiceSource[]
  locales: readonly LocaleCode[]
  identity: ProviderIdentity
  /** Audio rows of the story's nodes. */
  rows: readonly AudioRowRef[]
  /** generateAudio jobs of the story, any order. */
  jobs: readonly JobRef[]
  /** Content keys for which audio exists anywhere (reusable without synthesis). */
  knownKeys?: ReadonlySet<string>
  /** The pronunciation lexicon (every locale's entries; each locale uses its own and the shared ones). */
  lexicon?: readonly LexiconEntry[]
}

export type Plan = { items: PlanItem[]; locales: LocaleSummary[] }

const MAX_ERRORS = 5

/**
 * Where every (node, locale) of a story stands: done (its row matches the current content key),
 * queued/running (a job is pending), failed (its latest job failed), or missing. Pure: the caller
 * loads nodes, rows and jobs.
 */
export function planAudio(input: PlanInput): Plan {
  const rowsByVariant = new Map<string, AudioRowRef[]>()
  for (const row of input.rows) {
    const name = variantName({ node: row.node, choice: row.choice, locale: row.languageCode, speaker: row.speakerId })
    rowsByVariant.set(name, [...(rowsByVariant.get(name) ?? []), row])
  }
  const latestJob = new Map<string, JobRef>()
  for (const job of [...input.jobs].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const key = `${lineId(job)}|${job.locale}`
    const prev = latestJob.get(key)
    // A pending job outranks a finished one created earlier or later (it will run next).
    if (!prev || isPending(job) || !isPending(prev)) latestJob.set(key, job)
  }
  const known = new Set(input.knownKeys ?? [])
  for (const row of input.rows) if (row.contentKey) known.add(row.contentKey)
  const voices = lineVoices(input.rows)

  const items: PlanItem[] = []
  const summaries: LocaleSummary[] = []
  for (const locale of input.locales) {
    const summary: LocaleSummary = {
      locale,
      nodes: input.nodes.length,
      noText: 0,
      done: 0,
      queued: 0,
      failed: 0,
      missing: 0,
      outdated: 0,
      charsToVoice: 0,
      review: { pending: 0, approved: 0, rejected: 0 },
      errors: [],
    }
    const voicedKeys = new Set<string>()
    const lexicon = compileLexicon(input.lexicon ?? [], locale)
    for (const line of linesOf(input)) {
      const voice = voices.get(`${lineId(line)}|${locale}`)
      const variant = variantFor({ node: line.node, choice: line.choice, locale, text: line.texts[locale], speaker: speakerIn(line, locale), voice }, input.identity, lexicon)
      if (!variant) {
        summary.noText++
        continue
      }
      const rows = rowsByVariant.get(variantName(variant)) ?? []
      const current = rows.find((r) => r.contentKey === variant.contentKey)
      const isDone = !!current
      if (current) {
        const status = current.reviewStatus === 'approved' || current.reviewStatus === 'rejected' ? current.reviewStatus : 'pending'
        summary.review[status]++
      }
      const job = latestJob.get(`${lineId(variant)}|${locale}`)
      const state: VariantState = isDone ? 'done' : job && isPending(job) ? 'queued' : job?.state === 'failed' ? 'failed' : 'missing'
      const outdated = !isDone && rows.length > 0
      const needsSynthesis = !isDone && !known.has(variant.contentKey)
      const item: PlanItem = { ...variant, state, outdated, needsSynthesis, ...(state === 'failed' ? { error: job?.error ?? 'failed' } : {}) }
      items.push(item)
      summary[state]++
      if (outdated) summary.outdated++
      if (needsSynthesis && !voicedKeys.has(variant.contentKey)) {
        voicedKeys.add(variant.contentKey)
        summary.charsToVoice += variant.chars
      }
      if (state === 'failed' && summary.errors.length < MAX_ERRORS) summary.errors.push({ node: line.node, message: item.error! })
    }
    summaries.push(summary)
  }
  return { items, locales: summaries }
}

/** Every line to voice: the nodes' own, then the choices' options. */
function linesOf(input: { nodes: readonly LineSource[]; choices?: readonly ChoiceSource[] }): { node: string; choice: string | null; speaker: string; speakers?: LineSource['speakers']; texts: LineSource['texts'] }[] {
  return [
    ...input.nodes.map((n) => ({ node: n.id, choice: null, speaker: n.speaker, speakers: n.speakers, texts: n.texts })),
    ...(input.choices ?? []).map((c) => ({ node: c.node, choice: c.id, speaker: c.speaker, speakers: c.speakers, texts: c.texts })),
  ]
}

/** The speaker of a line in a locale: its cast's for that locale, else its default. */
function speakerIn(line: { speaker: string; speakers?: LineSource['speakers'] }, locale: string): string {
  return line.speakers?.[locale] ?? line.speaker
}

function isPending(job: JobRef): boolean {
  return job.state === 'queued' || job.state === 'running'
}

/** Locales named on a command line or in a request ("hi,ta" or ["hi", "ta"]), checked. */
export function parseLocales(value: string | readonly string[] | undefined | null, all: readonly LocaleCode[]): LocaleCode[] {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return [...all]
  const list = (typeof value === 'string' ? value.split(',') : value).map((s) => s.trim()).filter(Boolean)
  const unknown = list.filter((l) => !isLocale(l) || !all.includes(l as LocaleCode))
  if (unknown.length) throw new RangeError(`Unknown locale${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; valid: ${all.join(', ')}`)
  return [...new Set(list)] as LocaleCode[]
}

export type AudioRow = { node: string; choice?: string | null; languageCode: string; speakerId: string; contentKey?: string | null; lineVoice?: StoredLineVoice }

/**
 * The audio a bundle may carry (keyed by node id, and by choice id for spoken choices): for each line and locale, the row whose content key is the one
 * the node's current text, speaker, provider and lexicon give. A row made from other text, another
 * voice or an older lexicon entry is left out, so a child never hears words that are not on the
 * screen (the line shows as needing audio until it is regenerated).
 */
export function currentAudio<R extends AudioRow>(input: {
  nodes: readonly LineSource[]
  /** Spoken choices: their audio is keyed by choice id in the result. */
  choices?: readonly ChoiceSource[]
  rows: readonly R[]
  identity: ProviderIdentity
  lexicon?: readonly LexiconEntry[]
}): Map<string, Partial<Record<LocaleCode, R>>> {
  const byVariant = new Map<string, R>()
  for (const row of input.rows) if (row.contentKey) byVariant.set(`${lineId(row)}|${row.languageCode}|${row.contentKey}`, row)
  const out = new Map<string, Partial<Record<LocaleCode, R>>>()
  const locales = [...new Set(input.rows.map((r) => r.languageCode))].filter(isLocale)
  const voices = lineVoices(input.rows)
  for (const locale of locales) {
    const lexicon = compileLexicon(input.lexicon ?? [], locale)
    for (const line of linesOf(input)) {
      const voice = voices.get(`${lineId(line)}|${locale}`)
      const variant = variantFor({ node: line.node, choice: line.choice, locale, text: line.texts[locale], speaker: speakerIn(line, locale), voice }, input.identity, lexicon)
      const row = variant && byVariant.get(`${lineId(variant)}|${locale}|${variant.contentKey}`)
      if (!row) continue
      const id = line.choice ?? line.node
      out.set(id, { ...out.get(id), [locale]: row })
    }
  }
  return out
}

/**
 * One line per variant still to voice, for `npm run audio -- --dry-run`: locale, node, state (and
 * whether existing audio is outdated), the start of the text and the lexicon entries it applies,
 * so an editor sees exactly which lines a text or pronunciation change touches.
 */
export function describeLinesToVoice(items: readonly PlanItem[], maxText = 60): string[] {
  return items
    .filter((i) => i.state !== 'done')
    .map((i) => {
      const text = [...i.text.replace(/\s+/g, ' ').trim()]
      const shown = text.length > maxText ? `${text.slice(0, maxText - 1).join('')}…` : text.join('')
      const lexicon = i.applied.length ? `  lexicon: ${i.applied.map((a) => `${a.term} → ${a.spoken}`).join(', ')}` : ''
      return `${i.locale}\t${i.choice ? `${i.node} choice ${i.choice}` : i.node}\t${i.state}${i.outdated ? ' (outdated)' : ''}\t"${shown}"${lexicon}`
    })
}
