'use client'

import { Button, Pill } from '@payloadcms/ui'
import { diffWords } from 'diff'
import React, { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'

import { statusAfterSave } from '@/domain/translation/status'
import { bcp47Tag } from '@/domain/translation/tags'
import { LOCALES, type LocaleCode } from '@/locales'
import type { StatusBody, StatusUnit } from '@/translation/service'

import { fontFor } from './scripts'
import './workspace.css'

type Filter = 'all' | 'work' | 'missing' | 'stale' | 'review'

const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'work', label: 'Needs work' },
  { value: 'missing', label: 'Missing' },
  { value: 'stale', label: 'Stale' },
  { value: 'review', label: 'Needs review' },
]

const needsWork = (u: StatusUnit) => u.required && (u.status === 'missing' || u.status === 'machine' || u.stale)
const matches = (u: StatusUnit, f: Filter) =>
  f === 'all' ||
  (f === 'work' && needsWork(u)) ||
  (f === 'missing' && u.required && u.status === 'missing') ||
  (f === 'stale' && u.stale) ||
  (f === 'review' && u.required && (u.status === 'translated' || u.status === 'machine'))

function statusPill(u: StatusUnit): { label: string; style: React.ComponentProps<typeof Pill>['pillStyle'] } {
  if (u.stale) return { label: 'stale', style: 'warning' }
  if (u.status === 'missing') return { label: u.required ? 'missing' : 'not needed', style: u.required ? 'error' : 'light-gray' }
  if (u.status === 'machine') return { label: 'machine draft', style: 'warning' }
  if (u.status === 'approved') return { label: 'approved', style: 'success' }
  return { label: u.status, style: 'light' }
}

/** Old and new source side by side, word by word: removed words struck through, added words underlined. */
function WordDiff({ before, after, lang }: { before: string; after: string; lang: string }) {
  const parts = diffWords(before, after)
  return (
    <div data-testid="source-diff" className="tw-diff">
      <div lang={lang} data-testid="source-diff-before">
        <div className="tw-diff__label">Translated from</div>
        {parts.map((part, i) =>
          part.added ? null : part.removed ? (
            <del key={i}>{part.value}</del>
          ) : (
            <span key={i}>{part.value}</span>
          ),
        )}
      </div>
      <div lang={lang} data-testid="source-diff-after">
        <div className="tw-diff__label">Source now</div>
        {parts.map((part, i) =>
          part.removed ? null : part.added ? (
            <ins key={i}>{part.value}</ins>
          ) : (
            <span key={i}>{part.value}</span>
          ),
        )}
      </div>
    </div>
  )
}

type HistoryEvent = { unitId: string | null; action: string; from: string | null; to: string | null; by: { id: string; name: string | null } | null; at: string }

/** A unit's changes of state (who, when), loaded when opened. */
function RowHistory({ url }: { url: string }) {
  const [events, setEvents] = useState<HistoryEvent[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    fetch(url, { credentials: 'include' })
      .then(async (res) => {
        const body = await res.json().catch(() => ({}))
        if (!res.ok) throw new Error(body?.errors?.[0]?.message ?? `${res.status}`)
        if (live) setEvents(body.events as HistoryEvent[])
      })
      .catch((err: Error) => live && setError(err.message))
    return () => {
      live = false
    }
  }, [url])
  if (error) return <p className="tw-history tw-history--quiet" style={{ color: 'var(--theme-error-500)' }}>Could not load the history: {error}</p>
  if (!events) return <p className="tw-history tw-history--quiet">Loading history…</p>
  if (!events.length) return <p data-testid="unit-history" className="tw-history tw-history--quiet">No changes recorded yet.</p>
  return (
    <ol data-testid="unit-history" className="tw-history">
      {events.map((e, i) => (
        <li key={i} data-testid="history-event">
          <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> · {e.by ? (e.by.name ?? 'a staff member') : 'system'} · {e.action}: {e.from ?? '—'} → {e.to ?? '—'}
        </li>
      ))}
    </ol>
  )
}

type RowProps = {
  unit: StatusUnit
  draft: string
  shown: string
  previousSource: string | null
  sourceLang: string | undefined
  sourceFont: string
  targetFont: string
  lang: string
  locale: LocaleCode
  isSource: boolean
  canReview: boolean
  machineTranslation: boolean
  rowBusy: boolean
  anyBusy: boolean
  historyUrl: string
  actions: RowActions
}

type RowActions = {
  change: (id: string, text: string) => void
  save: (id: string) => void
  machine: (id: string) => void
  approve: (id: string) => void
  register: (id: string, el: HTMLTextAreaElement | null) => void
}

/** One unit: context, source, the target editor and its actions. Re-renders only when its own props change. */
const Row = memo(function Row({ unit: u, draft, shown, previousSource, sourceLang, sourceFont, targetFont, lang, locale, isSource, canReview, machineTranslation, rowBusy, anyBusy, historyUrl, actions }: RowProps) {
  const [history, setHistory] = useState(false)
  const pill = statusPill(u)
  const long = shown.length > 0 && draft.length / shown.length > 1.3
  return (
    <li data-testid="unit-row" data-unit={u.id} data-status={u.stale ? 'stale' : u.status} className="tw-row">
      <div className="tw-row__head">
        <strong>
          {u.kindLabel}
          {u.choiceKey ? ` ${u.choiceKey}` : ''}
        </strong>
        {u.speaker && <span>· {u.speaker}</span>}
        <Pill size="small" pillStyle={pill.style}>
          {pill.label}
        </Pill>
      </div>
      {previousSource !== null && (
        <div className="tw-row__after" lang={sourceLang}>
          After: “{previousSource.length > 90 ? `${previousSource.slice(0, 90)}…` : previousSource}”
        </div>
      )}
      <div className="tw-row__cols">
        <div>
          <div lang={sourceLang} className="tw-row__source" style={{ fontFamily: sourceFont }} data-testid="unit-source">
            {shown || <em className="tw-row__empty">(no text)</em>}
          </div>
          {u.stale && u.previousSource !== null && <WordDiff before={u.previousSource} after={u.source} lang={sourceLang ?? 'en'} />}
          {u.audioUrl && <audio controls preload="none" src={u.audioUrl} className="tw-row__audio" data-testid="unit-audio" />}
        </div>
        <div>
          <textarea
            ref={(el) => actions.register(u.id, el)}
            aria-label={`${u.kindLabel} in ${locale}`}
            lang={lang}
            dir="ltr"
            rows={Math.min(6, Math.max(2, Math.ceil((shown.length || 40) / 60)))}
            value={draft}
            disabled={isSource}
            onChange={(e) => actions.change(u.id, e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault()
                actions.save(u.id)
              }
            }}
            className="tw-row__target"
            style={{ fontFamily: targetFont }}
          />
          <div className="tw-row__actions">
            <span data-testid="length" className={long ? 'tw-row__length tw-row__length--long' : 'tw-row__length'}>
              {draft.length}/{shown.length} characters{long ? ' · long line, long audio' : ''}
            </span>
            <Button buttonStyle="secondary" size="xsmall" margin={false} disabled={rowBusy || isSource} onClick={() => actions.save(u.id)}>
              Save
            </Button>
            {machineTranslation && u.required && (u.status === 'missing' || u.status === 'machine') && !isSource && (
              <Button buttonStyle="secondary" size="xsmall" margin={false} disabled={anyBusy} onClick={() => actions.machine(u.id)}>
                Machine draft
              </Button>
            )}
            {canReview && u.status !== 'missing' && u.status !== 'approved' && !isSource && (
              <Button buttonStyle="secondary" size="xsmall" margin={false} disabled={anyBusy} onClick={() => actions.approve(u.id)}>
                Approve
              </Button>
            )}
            <Button buttonStyle="tab" size="xsmall" margin={false} onClick={() => setHistory(!history)} aria-expanded={history}>
              {history ? 'Hide history' : 'History'}
            </Button>
          </div>
          {history && <RowHistory url={historyUrl} />}
        </div>
      </div>
    </li>
  )
})

type Props = {
  initial: StatusBody
  apiRoute: string
  canReview: boolean
  canPublish: boolean
}

/**
 * Every unit of the story in reading order beside its source. Ctrl+Enter (⌘+Enter) saves the row
 * (one PATCH of its document in this locale, through Payload's access rules) and moves to the
 * next row that needs work. Another locale chosen as the source is loaded when chosen.
 */
export function Workspace({ initial, apiRoute, canReview, canPublish }: Props) {
  const locale = initial.locale
  const lang = initial.tag
  const storyUrl = `${apiRoute}/stories/${initial.story.id}`
  const [units, setUnits] = useState(initial.units)
  const [drafts, setDrafts] = useState<Record<string, string>>(() => Object.fromEntries(initial.units.map((u) => [u.id, u.target])))
  const [filter, setFilter] = useState<Filter>('all')
  const [source, setSource] = useState<LocaleCode | null>(initial.sourceLocale)
  const [otherSource, setOtherSource] = useState<{ locale: LocaleCode; texts: Record<string, string> } | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  // The server renders the rows and buttons before React attaches their handlers: a click then
  // would do nothing (on a busy phone, or a busy CI machine, that can last seconds). Until this
  // component has hydrated its controls are disabled, and the root says when it is ready.
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  const blocked = !!busy || !hydrated
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null)
  const [publication, setPublication] = useState(initial.publicationState)
  const refs = useRef(new Map<string, HTMLTextAreaElement>())
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units])
  const visible = useMemo(() => units.filter((u) => matches(u, filter)), [units, filter])
  const counts = useMemo(
    () => ({
      missing: units.filter((u) => u.required && u.status === 'missing').length,
      machine: units.filter((u) => u.required && u.status === 'machine').length,
      stale: units.filter((u) => u.stale).length,
      approved: units.filter((u) => u.required && u.status === 'approved').length,
      required: units.filter((u) => u.required).length,
    }),
    [units],
  )

  // The latest state for the row actions, which stay the same functions so rows need not re-render.
  const state = useRef({ units, drafts, filter })
  state.current = { units, drafts, filter }

  const focusNext = useCallback((afterId: string, list: StatusUnit[]) => {
    const { filter } = state.current
    const at = list.findIndex((u) => u.id === afterId)
    const order = [...list.slice(at + 1), ...list.slice(0, at + 1)]
    const next = order.find((u) => u.id !== afterId && needsWork(u) && matches(u, filter))
    if (next) {
      const el = refs.current.get(next.id)
      el?.focus()
      el?.scrollIntoView({ block: 'center' })
    }
  }, [])

  const post = useCallback(
    // Never throws: a request the network lost answers like a refused one, with its reason, so the
    // buttons come back and the message says what happened. `body` is sent as JSON, or as it is
    // with another `contentType` (an imported file).
    async (path: string, body: unknown, contentType = 'application/json'): Promise<{ ok: boolean; body: any }> => {
      try {
        const res = await fetch(`${storyUrl}/${path}`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': contentType },
          body: contentType === 'application/json' ? JSON.stringify(body) : (body as string),
        })
        const answer: unknown = await res.json().catch(() => null)
        // An answer that is not JSON (a proxy's error page) is a failure whatever its status.
        if (answer === null) return { ok: false, body: { errors: [{ message: `The server's answer could not be read (${res.status} ${res.statusText})` }] } }
        return { ok: res.ok, body: answer }
      } catch (err) {
        return { ok: false, body: { errors: [{ message: `The server could not be reached: ${(err as Error).message}` }] } }
      }
    },
    [storyUrl],
  )

  const save = useCallback(
    async (id: string) => {
      const u = state.current.units.find((x) => x.id === id)
      if (!u) return
      const text = state.current.drafts[id] ?? ''
      setBusy(id)
      try {
        const res = await fetch(`${apiRoute}/${u.collection}/${u.docId}?locale=${encodeURIComponent(locale)}&depth=0`, {
          method: 'PATCH',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ [u.field]: text }),
        })
        if (!res.ok) {
          const body = await res.json().catch(() => ({}))
          throw new Error(body?.errors?.[0]?.message ?? `${res.status} ${res.statusText}`)
        }
        const blank = text.trim() === ''
        const next = state.current.units.map((x) =>
          x.id === id ? { ...x, target: text, status: blank ? 'missing' : (statusAfterSave(x.status, x.target === text && !x.stale, false) ?? x.status), stale: false, previousSource: null, updatedAt: new Date().toISOString() } : x,
        )
        setUnits(next)
        setMessage({ text: `Saved: ${u.kindLabel}` })
        focusNext(id, next)
      } catch (err) {
        setMessage({ text: `Could not save: ${(err as Error).message}`, error: true })
      } finally {
        setBusy(null)
      }
    },
    [apiRoute, locale, focusNext],
  )

  const approve = useCallback(
    async (ids: string[] | 'all') => {
      setBusy('approve')
      setMessage({ text: 'Approving…' })
      const r = await post('translation-review', { locale, units: ids, action: 'approve' })
      setBusy(null)
      if (!r.ok) return setMessage({ text: r.body?.errors?.[0]?.message ?? 'Could not approve', error: true })
      const chosen = ids === 'all' ? null : new Set(ids)
      setUnits((list) => list.map((x) => ((chosen ? chosen.has(x.id) : true) && x.status !== 'missing' ? { ...x, status: 'approved', stale: false, previousSource: null } : x)))
      setMessage({ text: `Approved ${r.body.changed} text(s)` })
    },
    [locale, post],
  )

  const machineDraft = useCallback(
    async (ids: string[] | null) => {
      setBusy('machine')
      setMessage({ text: 'Asking Sarvam for machine drafts…' })
      // The server drafts a batch per request (saved at once) and says how many are left.
      const drafted: string[] = []
      let failure: string | null = null
      for (;;) {
        const r = await post('machine-draft', ids ? { locale, units: ids } : { locale })
        if (!r.ok) {
          failure = r.body?.errors?.[0]?.message ?? 'Machine translation failed'
          break
        }
        drafted.push(...(r.body.drafted as string[]))
        const remaining = r.body.remaining as number
        if (ids || remaining === 0 || r.body.drafted.length === 0) break
        setMessage({ text: `Machine drafts for ${drafted.length} line(s) so far, ${remaining} to go…` })
      }
      setBusy(null)
      // Reload the rows: drafts came from the server.
      try {
        const res = await fetch(`${storyUrl}/translation-status?locale=${encodeURIComponent(locale)}`, { credentials: 'include' })
        if (res.ok) {
          const body = (await res.json()) as StatusBody
          setUnits(body.units)
          setDrafts((d) => ({ ...d, ...Object.fromEntries(body.units.filter((u) => drafted.includes(u.id)).map((u) => [u.id, u.target])) }))
        }
      } catch {
        // The drafts are saved on the server; reloading the page shows them.
        failure ??= drafted.length ? 'The rows could not be reloaded: reload the page to see the drafts' : null
      }
      if (failure) return setMessage({ text: drafted.length ? `${failure} (${drafted.length} line(s) were drafted and kept)` : failure, error: true })
      setMessage({ text: `Machine drafts for ${drafted.length} line(s): check and save each (Ctrl+Enter), or approve them.` })
    },
    [locale, post, storyUrl],
  )

  const actions = useMemo<RowActions>(
    () => ({
      change: (id, text) => setDrafts((d) => ({ ...d, [id]: text })),
      save: (id) => void save(id),
      machine: (id) => void machineDraft([id]),
      approve: (id) => void approve([id]),
      register: (id, el) => {
        if (el) refs.current.set(id, el)
        else refs.current.delete(id)
      },
    }),
    [save, machineDraft, approve],
  )

  async function chooseSource(next: LocaleCode | null) {
    setSource(next)
    if (!next || next === initial.sourceLocale || otherSource?.locale === next) return
    const res = await fetch(`${storyUrl}/translation-status?locale=${encodeURIComponent(locale)}&source=${encodeURIComponent(next)}`, { credentials: 'include' }).catch(() => null)
    const body = ((await res?.json().catch(() => null)) ?? {}) as Partial<StatusBody> & { errors?: { message: string }[] }
    if (!res?.ok || !body.shownSource) return setMessage({ text: body.errors?.[0]?.message ?? `Could not load the ${next} text`, error: true })
    setOtherSource({ locale: next, texts: body.shownSource.texts })
  }

  async function setState(state: 'draft' | 'in_review' | 'published') {
    setBusy('publication')
    setMessage({ text: state === 'published' ? `Publishing ${locale}…` : state === 'in_review' ? 'Sending for review…' : `Taking ${locale} offline…` })
    const r = await post('publication', { locale, state })
    setBusy(null)
    if (!r.ok) return setMessage({ text: r.body?.errors?.[0]?.message ?? 'Could not change the publication', error: true })
    setPublication(state)
    setMessage({ text: state === 'published' ? `${locale} is live` : state === 'in_review' ? 'Sent for review' : `${locale} is offline` })
  }

  async function importFile(file: File) {
    const format = /\.csv$/i.test(file.name) ? 'csv' : 'xliff'
    setBusy('import')
    setMessage({ text: `Importing ${file.name}…` })
    let text: string
    try {
      text = await file.text()
    } catch (err) {
      setBusy(null)
      return setMessage({ text: `Import failed: ${file.name} could not be read (${(err as Error).message})`, error: true })
    }
    const r = await post(`translation-import?locale=${encodeURIComponent(locale)}&format=${format}`, text, format === 'csv' ? 'text/csv' : 'application/xliff+xml')
    setBusy(null)
    const body = r.body
    if (!r.ok || !Array.isArray(body.conflicts)) return setMessage({ text: `Import failed: ${body?.errors?.[0]?.message ?? 'the server did not say what it imported'}`, error: true })
    const conflicts = (body.conflicts as { id: string }[]).map((c) => c.id)
    setMessage({
      text:
        `Imported ${body.written} text(s); ${body.unchanged} unchanged, ${body.empty} empty.` +
        (conflicts.length ? `\nNot imported, the source changed since the export: ${conflicts.join(', ')}` : '') +
        (body.unknown.length ? `\nUnknown ids: ${body.unknown.join(', ')}` : '') +
        (body.written ? '\nReload the page to see them.' : ''),
      error: conflicts.length > 0 || body.unknown.length > 0,
    })
  }

  const isSource = initial.sourceLocale === null
  const exportUrl = (format: string) => `${storyUrl}/translation-export?locale=${encodeURIComponent(locale)}&format=${format}`
  const showingOther = source !== null && source !== initial.sourceLocale
  const sourceTexts = showingOther && otherSource?.locale === source ? otherSource.texts : null
  const sourceLang = source ? bcp47Tag(source) : undefined
  const sourceFont = fontFor(source)
  const targetFont = fontFor(locale)
  const historyBase = `${storyUrl}/translation-history?locale=${encodeURIComponent(locale)}&unit=`
  return (
    <div data-testid="workspace" data-hydrated={hydrated ? 'true' : 'false'}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 12 }}>
        <span data-testid="publication-state">
          <Pill pillStyle={publication === 'published' || publication === 'source' ? 'success' : 'light'}>{publication.replace('_', ' ')}</Pill>
        </span>
        <span data-testid="counts">
          {counts.required - counts.missing - counts.machine}/{counts.required} translated{counts.machine ? ` · ${counts.machine} machine drafts` : ''} · {counts.stale} stale ·{' '}
          {counts.approved} approved
        </span>
        {!isSource && (
          <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', fontSize: 13 }}>
            <a href={exportUrl('xliff')} download>
              XLIFF
            </a>
            <a href={exportUrl('csv')} download>
              CSV
            </a>
            <label>
              Import file{' '}
              <input
                type="file"
                accept=".xlf,.xliff,.csv,application/xliff+xml,text/csv"
                data-testid="import-file"
                disabled={blocked}
                onChange={(e) => {
                  const file = e.target.files?.[0]
                  if (file) void importFile(file)
                  e.target.value = ''
                }}
              />
            </label>
          </span>
        )}
        {!isSource && publication === 'draft' && (
          <Button buttonStyle="secondary" size="small" margin={false} disabled={blocked} onClick={() => void setState('in_review')}>
            Send for review
          </Button>
        )}
        {!isSource && initial.machineTranslation && counts.missing > 0 && (
          <Button buttonStyle="secondary" size="small" margin={false} disabled={blocked} onClick={() => void machineDraft(null)}>
            Draft missing with machine translation
          </Button>
        )}
        {!isSource && canReview && (
          <Button buttonStyle="secondary" size="small" margin={false} disabled={blocked} onClick={() => void approve('all')}>
            Approve all
          </Button>
        )}
        {!isSource && canPublish && publication !== 'published' && (
          <Button buttonStyle="primary" size="small" margin={false} disabled={blocked} onClick={() => void setState('published')}>
            Publish {locale}
          </Button>
        )}
        {!isSource && canPublish && publication === 'published' && (
          <Button buttonStyle="error" size="small" margin={false} disabled={blocked} onClick={() => void setState('draft')}>
            Unpublish
          </Button>
        )}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }} role="toolbar" aria-label="Filters">
        {FILTERS.map((f) => (
          <Button
            key={f.value}
            buttonStyle={filter === f.value ? 'primary' : 'pill'}
            size="small"
            margin={false}
            disabled={!hydrated}
            onClick={() => setFilter(f.value)}
            aria-pressed={filter === f.value}
          >
            {f.label}
          </Button>
        ))}
        <label style={{ marginLeft: 'auto' }}>
          Show source:{' '}
          <select value={source ?? ''} disabled={!hydrated} onChange={(e) => void chooseSource((e.target.value || null) as LocaleCode | null)} data-testid="source-select">
            {LOCALES.filter((l) => l.code !== locale).map((l) => (
              <option key={l.code} value={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {message && (
        <p role="status" data-testid="workspace-message" style={{ color: message.error ? 'var(--theme-error-500)' : 'var(--theme-success-500)', whiteSpace: 'pre-wrap' }}>
          {message.text}
        </p>
      )}
      <p style={{ color: 'var(--theme-elevation-500)', fontSize: 13 }}>Ctrl+Enter saves a row and moves to the next one that needs work.</p>
      <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {visible.map((u) => {
          const previous = u.previousUnitId ? byId.get(u.previousUnitId) : undefined
          const shown = showingOther ? (sourceTexts?.[u.id] ?? '') : u.source
          const previousSource = previous ? (showingOther ? (sourceTexts?.[previous.id] ?? '') : previous.source) : null
          return (
            <Row
              key={u.id}
              unit={u}
              draft={drafts[u.id] ?? ''}
              shown={shown}
              previousSource={previousSource}
              sourceLang={sourceLang}
              sourceFont={sourceFont}
              targetFont={targetFont}
              lang={lang}
              locale={locale}
              isSource={isSource}
              canReview={canReview}
              machineTranslation={initial.machineTranslation}
              rowBusy={busy === u.id || !hydrated}
              anyBusy={blocked}
              historyUrl={historyBase + encodeURIComponent(u.id)}
              actions={actions}
            />
          )
        })}
      </ol>
      {visible.length === 0 && <p data-testid="nothing-left">Nothing to show with this filter.</p>}
    </div>
  )
}
