'use client'

import { Button, Pill } from '@payloadcms/ui'
import { diffWords } from 'diff'
import React, { useCallback, useMemo, useRef, useState } from 'react'

import { bcp47Tag } from '@/domain/translation/tags'
import { LOCALES, type LocaleCode } from '@/locales'
import type { StatusBody, StatusUnit } from '@/translation/service'

import { fontFor } from './scripts'

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

/** Old and new source, word by word: removed words struck through, added words underlined. */
function WordDiff({ before, after, lang }: { before: string; after: string; lang: string }) {
  return (
    <div lang={lang} data-testid="source-diff" style={{ fontSize: 13, marginTop: 4 }}>
      <span style={{ color: 'var(--theme-elevation-500)' }}>Source changed: </span>
      {diffWords(before, after).map((part, i) =>
        part.added ? (
          <ins key={i} style={{ background: 'var(--theme-success-100)', color: 'var(--theme-success-800)' }}>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} style={{ background: 'var(--theme-error-100)', color: 'var(--theme-error-800)' }}>
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </div>
  )
}

type Props = {
  initial: StatusBody
  apiRoute: string
  canReview: boolean
  canPublish: boolean
  texts: Record<string, Partial<Record<LocaleCode, string>>>
}

/**
 * Every unit of the story in reading order beside its source. Ctrl+Enter (⌘+Enter) saves the row
 * (one PATCH of its document in this locale, through Payload's access rules) and moves to the
 * next row that needs work.
 */
export function Workspace({ initial, apiRoute, canReview, canPublish, texts }: Props) {
  const locale = initial.locale
  const lang = initial.tag
  const [units, setUnits] = useState(initial.units)
  const [drafts, setDrafts] = useState<Record<string, string>>(() => Object.fromEntries(initial.units.map((u) => [u.id, u.target])))
  const [filter, setFilter] = useState<Filter>('all')
  const [source, setSource] = useState<LocaleCode | null>(initial.sourceLocale)
  const [busy, setBusy] = useState<string | null>(null)
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null)
  const [publication, setPublication] = useState(initial.publicationState)
  const refs = useRef(new Map<string, HTMLTextAreaElement>())
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units])
  const visible = units.filter((u) => matches(u, filter))
  const counts = {
    missing: units.filter((u) => u.required && u.status === 'missing').length,
    stale: units.filter((u) => u.stale).length,
    approved: units.filter((u) => u.required && u.status === 'approved').length,
    required: units.filter((u) => u.required).length,
  }

  const focusNext = useCallback(
    (afterId: string, list: StatusUnit[]) => {
      const at = list.findIndex((u) => u.id === afterId)
      const order = [...list.slice(at + 1), ...list.slice(0, at + 1)]
      const next = order.find((u) => u.id !== afterId && needsWork(u) && matches(u, filter))
      if (next) {
        const el = refs.current.get(next.id)
        el?.focus()
        el?.scrollIntoView({ block: 'center' })
      }
    },
    [filter],
  )

  async function save(u: StatusUnit) {
    const text = drafts[u.id] ?? ''
    setBusy(u.id)
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
      const next = units.map((x) =>
        x.id === u.id ? { ...x, target: text, status: blank ? 'missing' : 'translated', stale: false, previousSource: null, updatedAt: new Date().toISOString() } : x,
      )
      setUnits(next)
      setMessage({ text: `Saved: ${u.kindLabel}` })
      focusNext(u.id, next)
    } catch (err) {
      setMessage({ text: `Could not save: ${(err as Error).message}`, error: true })
    } finally {
      setBusy(null)
    }
  }

  async function post(path: string, body: unknown): Promise<{ ok: boolean; body: any }> {
    const res = await fetch(`${apiRoute}/stories/${initial.story.id}/${path}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return { ok: res.ok, body: await res.json().catch(() => ({})) }
  }

  async function approve(ids: string[] | 'all') {
    setBusy('approve')
    const r = await post('translation-review', { locale, units: ids, action: 'approve' })
    setBusy(null)
    if (!r.ok) return setMessage({ text: r.body?.errors?.[0]?.message ?? 'Could not approve', error: true })
    const chosen = ids === 'all' ? null : new Set(ids)
    setUnits(units.map((x) => ((chosen ? chosen.has(x.id) : x.status !== 'missing') && x.status !== 'missing' ? { ...x, status: 'approved', stale: false, previousSource: null } : x)))
    setMessage({ text: `Approved ${r.body.changed} text(s)` })
  }

  async function machineDraft(ids: string[] | null) {
    setBusy('machine')
    setMessage({ text: 'Asking Sarvam for machine drafts…' })
    const r = await post('machine-draft', ids ? { locale, units: ids } : { locale })
    setBusy(null)
    if (!r.ok) return setMessage({ text: r.body?.errors?.[0]?.message ?? 'Machine translation failed', error: true })
    // Reload the rows: drafts came from the server.
    const res = await fetch(`${apiRoute}/stories/${initial.story.id}/translation-status?locale=${encodeURIComponent(locale)}`, { credentials: 'include' })
    if (res.ok) {
      const body = (await res.json()) as StatusBody
      setUnits(body.units)
      setDrafts((d) => ({ ...d, ...Object.fromEntries(body.units.filter((u) => r.body.drafted.includes(u.id)).map((u) => [u.id, u.target])) }))
    }
    setMessage({ text: `Machine drafts for ${r.body.drafted.length} line(s): check and save each (Ctrl+Enter), or approve them.` })
  }

  async function setState(state: 'draft' | 'in_review' | 'published') {
    setBusy('publication')
    const r = await post('publication', { locale, state })
    setBusy(null)
    if (!r.ok) return setMessage({ text: r.body?.errors?.[0]?.message ?? 'Could not change the publication', error: true })
    setPublication(state)
    setMessage({ text: state === 'published' ? `${locale} is live` : state === 'in_review' ? 'Sent for review' : `${locale} is offline` })
  }

  async function importFile(file: File) {
    const format = /\.csv$/i.test(file.name) ? 'csv' : 'xliff'
    setBusy('import')
    const res = await fetch(`${apiRoute}/stories/${initial.story.id}/translation-import?locale=${encodeURIComponent(locale)}&format=${format}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': format === 'csv' ? 'text/csv' : 'application/xliff+xml' },
      body: await file.text(),
    })
    setBusy(null)
    const body = await res.json().catch(() => ({}))
    if (!res.ok) return setMessage({ text: body?.errors?.[0]?.message ?? `Import failed (${res.status})`, error: true })
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
  const exportUrl = (format: string) => `${apiRoute}/stories/${initial.story.id}/translation-export?locale=${encodeURIComponent(locale)}&format=${format}`
  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 12 }}>
        <span data-testid="publication-state">
          <Pill pillStyle={publication === 'published' || publication === 'source' ? 'success' : 'light'}>{publication.replace('_', ' ')}</Pill>
        </span>
        <span data-testid="counts">
          {counts.required - counts.missing}/{counts.required} translated · {counts.stale} stale · {counts.approved} approved
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
                disabled={!!busy}
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
          <Button buttonStyle="secondary" size="small" margin={false} disabled={!!busy} onClick={() => void setState('in_review')}>
            Send for review
          </Button>
        )}
        {!isSource && initial.machineTranslation && counts.missing > 0 && (
          <Button buttonStyle="secondary" size="small" margin={false} disabled={!!busy} onClick={() => void machineDraft(null)}>
            Draft missing with machine translation
          </Button>
        )}
        {!isSource && canReview && (
          <Button buttonStyle="secondary" size="small" margin={false} disabled={!!busy} onClick={() => void approve('all')}>
            Approve all
          </Button>
        )}
        {!isSource && canPublish && publication !== 'published' && (
          <Button buttonStyle="primary" size="small" margin={false} disabled={!!busy} onClick={() => void setState('published')}>
            Publish {locale}
          </Button>
        )}
        {!isSource && canPublish && publication === 'published' && (
          <Button buttonStyle="error" size="small" margin={false} disabled={!!busy} onClick={() => void setState('draft')}>
            Unpublish
          </Button>
        )}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }} role="toolbar" aria-label="Filters">
        {FILTERS.map((f) => (
          <Button key={f.value} buttonStyle={filter === f.value ? 'primary' : 'pill'} size="small" margin={false} onClick={() => setFilter(f.value)} aria-pressed={filter === f.value}>
            {f.label}
          </Button>
        ))}
        <label style={{ marginLeft: 'auto' }}>
          Show source:{' '}
          <select value={source ?? ''} onChange={(e) => setSource((e.target.value || null) as LocaleCode | null)} data-testid="source-select">
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
          const pill = statusPill(u)
          const shown = source && source !== initial.sourceLocale ? (texts[u.id]?.[source] ?? '') : u.source
          const previous = u.previousUnitId ? byId.get(u.previousUnitId) : undefined
          const draft = drafts[u.id] ?? ''
          const ratio = shown.length ? draft.length / shown.length : 0
          const long = ratio > 1.3
          return (
            <li key={u.id} data-testid="unit-row" data-unit={u.id} data-status={u.stale ? 'stale' : u.status} style={{ borderTop: '1px solid var(--theme-elevation-150)', padding: '12px 0' }}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'center', fontSize: 13, color: 'var(--theme-elevation-600)' }}>
                <strong>{u.kindLabel}{u.choiceKey ? ` ${u.choiceKey}` : ''}</strong>
                {u.speaker && <span>· {u.speaker}</span>}
                <Pill size="small" pillStyle={pill.style}>{pill.label}</Pill>
              </div>
              {previous && (
                <div style={{ fontSize: 12, color: 'var(--theme-elevation-500)', margin: '2px 0' }} lang={source ? bcp47Tag(source) : undefined}>
                  After: “{previous.source.length > 90 ? `${previous.source.slice(0, 90)}…` : previous.source}”
                </div>
              )}
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16, marginTop: 6 }}>
                <div>
                  <div lang={source ? bcp47Tag(source) : undefined} style={{ fontFamily: fontFor(source), whiteSpace: 'pre-wrap' }} data-testid="unit-source">
                    {shown || <em style={{ color: 'var(--theme-elevation-400)' }}>(no text)</em>}
                  </div>
                  {u.stale && u.previousSource !== null && <WordDiff before={u.previousSource} after={u.source} lang={source ? bcp47Tag(source) : 'en'} />}
                  {u.audioUrl && <audio controls preload="none" src={u.audioUrl} style={{ marginTop: 6, height: 28 }} data-testid="unit-audio" />}
                </div>
                <div>
                  <textarea
                    ref={(el) => {
                      if (el) refs.current.set(u.id, el)
                      else refs.current.delete(u.id)
                    }}
                    aria-label={`${u.kindLabel} in ${locale}`}
                    lang={lang}
                    dir="ltr"
                    rows={Math.min(6, Math.max(2, Math.ceil((shown.length || 40) / 60)))}
                    value={draft}
                    disabled={isSource}
                    onChange={(e) => setDrafts({ ...drafts, [u.id]: e.target.value })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                        e.preventDefault()
                        void save(u)
                      }
                    }}
                    style={{
                      width: '100%',
                      fontFamily: fontFor(locale),
                      fontSize: 15,
                      padding: 8,
                      background: 'var(--theme-input-bg)',
                      color: 'var(--theme-text)',
                      border: '1px solid var(--theme-elevation-150)',
                      borderRadius: 4,
                    }}
                  />
                  <div style={{ display: 'flex', gap: 8, alignItems: 'center', fontSize: 12 }}>
                    <span data-testid="length" style={{ color: long ? 'var(--theme-warning-500)' : 'var(--theme-elevation-500)' }}>
                      {draft.length}/{shown.length} characters{long ? ' · long line, long audio' : ''}
                    </span>
                    <Button buttonStyle="secondary" size="xsmall" margin={false} disabled={busy === u.id || isSource} onClick={() => void save(u)}>
                      Save
                    </Button>
                    {initial.machineTranslation && u.required && (u.status === 'missing' || u.status === 'machine') && !isSource && (
                      <Button buttonStyle="secondary" size="xsmall" margin={false} disabled={!!busy} onClick={() => void machineDraft([u.id])}>
                        Machine draft
                      </Button>
                    )}
                    {canReview && u.status !== 'missing' && u.status !== 'approved' && !isSource && (
                      <Button buttonStyle="secondary" size="xsmall" margin={false} disabled={!!busy} onClick={() => void approve([u.id])}>
                        Approve
                      </Button>
                    )}
                  </div>
                </div>
              </div>
            </li>
          )
        })}
      </ol>
      {visible.length === 0 && <p data-testid="nothing-left">Nothing to show with this filter.</p>}
    </div>
  )
}
