'use client'

import { Button, toast, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useRef, useState } from 'react'

import type { LocaleSummary } from '@/domain/audio/variants'

/** A locale's summary as the status endpoint sends it (the domain summary plus its cost). */
type LocaleRow = LocaleSummary & { estimatedCostInr: number }

type Status = {
  provider: { name: string; model: string }
  locales: LocaleRow[]
  totals: { done: number; queued: number; failed: number; missing: number; charsToVoice: number; estimatedCostInr: number }
}

const POLL_MS = 2_000

const cell: React.CSSProperties = { padding: '4px 10px', textAlign: 'right', borderBottom: '1px solid var(--theme-elevation-100)' }
const head: React.CSSProperties = { ...cell, fontWeight: 600 }

const rupees = (n: number) => `₹${n.toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`

/**
 * Story edit view: audio per locale (done / queued / failed / missing, with outdated and
 * untranslated nodes), what voicing the rest would cost, and a "Generate audio" button. Polls
 * while jobs are queued.
 */
export function StoryAudioPanel() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}/stories/${id}`
  const [status, setStatus] = useState<Status | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const load = useCallback(async () => {
    if (!id) return
    clearTimeout(timer.current)
    const res = await fetch(`${api}/audio-status`, { credentials: 'include' })
    const body = await res.json()
    if (!res.ok) {
      setError(body?.errors?.[0]?.message ?? `Could not load audio status (${res.status})`)
      return
    }
    setError(null)
    setStatus(body as Status)
    if ((body as Status).totals.queued > 0) timer.current = setTimeout(() => void load(), POLL_MS)
  }, [api, id])

  useEffect(() => {
    void load()
    return () => clearTimeout(timer.current)
  }, [load])

  const generate = async () => {
    setBusy(true)
    try {
      const res = await fetch(`${api}/audio`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' })
      const body = await res.json()
      if (!res.ok) throw new Error(body?.errors?.[0]?.message ?? `Generation failed to start (${res.status})`)
      toast.success(body.enqueued ? `Queued ${body.enqueued} audio file(s); ${body.upToDate} already up to date` : 'All audio is up to date')
      await load()
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  if (!id) return <p style={{ marginBottom: 24 }}>Save the story to generate its audio.</p>
  const errors = status?.locales.flatMap((l) => l.errors.map((e) => ({ ...e, locale: l.locale }))) ?? []
  return (
    <div className="field-type" style={{ marginBottom: 32 }}>
      <h3 style={{ marginBottom: 8 }}>Audio</h3>
      {error && <p style={{ color: 'var(--theme-error-500)' }}>{error}</p>}
      {status && (
        <>
          <p style={{ marginBottom: 8 }}>
            Voice: {status.provider.name} ({status.provider.model}). Still to voice: {status.totals.charsToVoice.toLocaleString('en-IN')} characters, about{' '}
            {rupees(status.totals.estimatedCostInr)} with Bulbul.
          </p>
          <table style={{ borderCollapse: 'collapse', marginBottom: 12 }}>
            <thead>
              <tr>
                <th style={{ ...head, textAlign: 'left' }}>Locale</th>
                <th style={head}>Done</th>
                <th style={head}>Queued</th>
                <th style={head}>Failed</th>
                <th style={head}>Missing</th>
                <th style={head} title="Audio exists but the text changed since">Outdated</th>
                <th style={head} title="Nodes without their own text in this locale">No text</th>
                <th style={head}>Chars to voice</th>
                <th style={head} title="Voiced lines nobody has listened to yet">To review</th>
                <th style={head}>Approved</th>
                <th style={head} title="Rejected with a note: regenerate them from the review screen">Rejected</th>
                <th style={head}>Review</th>
              </tr>
            </thead>
            <tbody>
              {status.locales.map((l) => (
                <tr key={l.locale}>
                  <td style={{ ...cell, textAlign: 'left' }}>{l.locale}</td>
                  <td style={cell}>{l.done}</td>
                  <td style={cell}>{l.queued}</td>
                  <td style={{ ...cell, color: l.failed ? 'var(--theme-error-500)' : undefined }}>{l.failed}</td>
                  <td style={cell}>{l.missing}</td>
                  <td style={cell}>{l.outdated}</td>
                  <td style={cell}>{l.noText}</td>
                  <td style={cell}>{l.charsToVoice}</td>
                  <td style={cell} data-testid={`review-pending-${l.locale}`}>{l.review.pending}</td>
                  <td style={{ ...cell, color: l.review.approved ? 'var(--theme-success-500)' : undefined }} data-testid={`review-approved-${l.locale}`}>
                    {l.review.approved}
                  </td>
                  <td style={{ ...cell, color: l.review.rejected ? 'var(--theme-error-500)' : undefined }} data-testid={`review-rejected-${l.locale}`}>
                    {l.review.rejected}
                  </td>
                  <td style={cell}>
                    {l.done > 0 ? <a href={`${config.routes.admin}/audio-review/${id}/${l.locale}`} aria-label={`Review ${l.locale} audio`}>Listen and review</a> : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {errors.length > 0 && (
            <ul style={{ color: 'var(--theme-error-500)', marginBottom: 12 }}>
              {errors.map((e) => (
                <li key={`${e.locale}-${e.node}`}>
                  {e.locale}, node {e.node.slice(0, 8)}: {e.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <Button buttonStyle="secondary" disabled={busy} onClick={() => void generate()}>
        {busy ? 'Queuing…' : 'Generate audio'}
      </Button>
    </div>
  )
}
