'use client'

import { Button, Pill, toast } from '@payloadcms/ui'
import { useCallback, useEffect, useRef, useState } from 'react'

import type { ReviewLine } from '@/audio/review'
import { mayTakeAgain, takeCapMessage } from '@/domain/audio/takes'
import { LocalTime } from '@/components/admin/LocalTime'

type Props = {
  apiRoute: string
  canReview: boolean
  font: string
  initialLines: ReviewLine[]
  lang: string
  /** Speakers of the configured provider and model (a regeneration may pick one). */
  speakers: string[]
  /** Pace a regeneration may ask for. */
  paceRange: readonly [number, number]
  /**
   * The viewer's cap on a line's takes (a translator's, AUDIO_TRANSLATOR_MAX_TAKES); null for none.
   * A line at the cap offers no Regenerate, and says why (the endpoint would answer 429).
   */
  takeCap?: { limit: number; providerName: string; configured: number | undefined } | null
}

const field: React.CSSProperties = {
  fontFamily: 'inherit',
  fontSize: 13,
  background: 'var(--theme-input-bg)',
  color: 'var(--theme-text)',
  border: '1px solid var(--theme-elevation-250)',
  borderRadius: 4,
  padding: '4px 6px',
}

/**
 * "Regenerate" on a rejected line: voice it again alone, by the cast's speaker or another one, at
 * normal pace or another; posts to /api/audio-files/:id/regenerate (one job for this line).
 */
function RegenerateForm({ apiRoute, line, index, speakers, paceRange, onQueued }: {
  apiRoute: string
  line: ReviewLine
  index: number
  speakers: string[]
  paceRange: readonly [number, number]
  onQueued: (message: string, ok: boolean) => void
}) {
  const [speaker, setSpeaker] = useState(line.audio?.lineVoice?.speaker ?? '')
  const [pace, setPace] = useState(line.audio?.lineVoice?.pace ? String(line.audio.lineVoice.pace) : '')
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (!line.audio || busy) return
    setBusy(true)
    try {
      const body: Record<string, unknown> = {}
      if (speaker) body.speaker = speaker
      if (pace.trim() !== '') body.pace = Number(pace)
      const res = await fetch(`${apiRoute}/audio-files/${line.audio.id}/regenerate`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      const json = (await res.json().catch(() => ({}))) as { errors?: { message: string }[] }
      if (res.status === 202) onQueued(`Regenerating line ${index + 1}${speaker ? ` with ${speaker}` : ''}${pace ? ` at pace ${pace}` : ''}: it comes back pending when the new audio is ready.`, true)
      else onQueued(json.errors?.[0]?.message ?? `Could not regenerate (${res.status})`, false)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div data-testid="regenerate" style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap', marginTop: 6 }}>
      <select aria-label={`Speaker for line ${index + 1}`} data-testid="regenerate-speaker" value={speaker} onChange={(e) => setSpeaker(e.target.value)} style={field}>
        <option value="">Cast’s voice ({line.audio?.lineVoice?.speaker ? 'default' : line.audio?.speaker})</option>
        {speakers.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <input
        aria-label={`Pace for line ${index + 1}`}
        data-testid="regenerate-pace"
        type="number"
        min={paceRange[0]}
        max={paceRange[1]}
        step={0.1}
        placeholder="pace 1"
        value={pace}
        onChange={(e) => setPace(e.target.value)}
        style={{ ...field, width: 80 }}
      />
      <Button buttonStyle="primary" size="xsmall" margin={false} disabled={busy} onClick={() => void submit()}>
        Regenerate
      </Button>
    </div>
  )
}

const PILL: Record<string, React.ComponentProps<typeof Pill>['pillStyle']> = { approved: 'success', rejected: 'error', pending: 'warning' }

const row: React.CSSProperties = {
  display: 'grid',
  gridTemplateColumns: '120px 1fr 320px',
  gap: 12,
  alignItems: 'start',
  padding: '10px 12px',
  borderBottom: '1px solid var(--theme-elevation-100)',
}

/** Keys typed into a field are the field's; Space on a focused player or button is theirs too. */
const typing = (target: EventTarget | null, key: string) =>
  target instanceof HTMLElement &&
  (['TEXTAREA', 'INPUT', 'SELECT'].includes(target.tagName) || target.isContentEditable || (key === ' ' && ['AUDIO', 'BUTTON'].includes(target.tagName)))

/**
 * The review list: every voiced line with its player and state. Keyboard: J/K (or ↓/↑) move,
 * Space or P plays, A approves, R rejects (type the note, Enter saves, Esc cancels); after a
 * decision the next line waiting for review is selected.
 */
export function AudioReview({ apiRoute, canReview, font, initialLines, lang, speakers, paceRange, takeCap = null }: Props) {
  const [lines, setLines] = useState(initialLines)
  const [selected, setSelected] = useState(() => Math.max(0, initialLines.findIndex((l) => l.audio?.status === 'pending')))
  const [rejecting, setRejecting] = useState<number | null>(null)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const players = useRef<(HTMLAudioElement | null)[]>([])
  const rows = useRef<(HTMLLIElement | null)[]>([])

  useEffect(() => {
    rows.current[selected]?.scrollIntoView({ block: 'nearest' })
  }, [selected])

  const nextWaiting = useCallback(
    (from: number, list: ReviewLine[]) => {
      for (let step = 1; step <= list.length; step++) {
        const i = (from + step) % list.length
        if (list[i]!.audio?.status === 'pending') return i
      }
      return Math.min(from + 1, list.length - 1)
    },
    [],
  )

  const decide = useCallback(
    async (index: number, status: 'approved' | 'rejected', reviewNote?: string) => {
      const line = lines[index]
      if (!line?.audio || !canReview || busy) return
      setBusy(true)
      try {
        const res = await fetch(`${apiRoute}/audio-files/${line.audio.id}?depth=0`, {
          method: 'PATCH',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(status === 'rejected' ? { reviewStatus: status, reviewNote } : { reviewStatus: status }),
        })
        const body = (await res.json()) as { doc?: { reviewStatus: string; reviewNote: string | null; reviewedAt: string | null }; errors?: { message: string; data?: { errors?: { message: string }[] } }[] }
        if (!res.ok || !body.doc) {
          const detail = body.errors?.[0]?.data?.errors?.[0]?.message ?? body.errors?.[0]?.message ?? `Could not save (${res.status})`
          setMessage(detail)
          toast.error(detail)
          return
        }
        const doc = body.doc
        const updated = lines.map((l, i) =>
          i === index && l.audio ? { ...l, audio: { ...l.audio, status: doc.reviewStatus as 'approved', note: doc.reviewNote, reviewedAt: doc.reviewedAt, reviewedBy: 'you' } } : l,
        )
        setLines(updated)
        setRejecting(null)
        setNote('')
        setMessage(`${status === 'approved' ? 'Approved' : 'Rejected'}: line ${index + 1}`)
        players.current[index]?.pause()
        setSelected(nextWaiting(index, updated))
      } finally {
        setBusy(false)
      }
    },
    [apiRoute, busy, canReview, lines, nextWaiting],
  )

  const play = useCallback((index: number) => {
    const player = players.current[index]
    if (!player) return
    players.current.forEach((p, i) => i !== index && p?.pause())
    if (player.paused) void player.play().catch(() => undefined)
    else player.pause()
  }, [])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target, e.key) || e.ctrlKey || e.metaKey || e.altKey) return
      const key = e.key.toLowerCase()
      if (key === 'j' || e.key === 'ArrowDown') setSelected((s) => Math.min(s + 1, lines.length - 1))
      else if (key === 'k' || e.key === 'ArrowUp') setSelected((s) => Math.max(s - 1, 0))
      else if (key === ' ' || key === 'p') play(selected)
      else if (key === 'a' && canReview) void decide(selected, 'approved')
      else if (key === 'r' && canReview && lines[selected]?.audio) {
        setRejecting(selected)
        setNote('')
      } else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [canReview, decide, lines, play, selected])

  const counts = { approved: 0, rejected: 0, pending: 0, unvoiced: 0 }
  for (const l of lines) counts[l.audio ? l.audio.status : 'unvoiced']++

  return (
    <div>
      {/* A div, not a p: Payload's Pill is a div, and a div inside a p is moved out of it by the HTML
          parser, so the page React hydrates differs from the one it rendered (React error #418) and
          React renders the whole view again, replacing every node under the reviewer's cursor. */}
      <div data-testid="audio-review-counts" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', margin: '0 0 8px' }}>
        <Pill size="small" pillStyle="success">{counts.approved} approved</Pill>
        <Pill size="small" pillStyle="warning">{counts.pending} to review</Pill>
        <Pill size="small" pillStyle="error">{counts.rejected} rejected</Pill>
        <Pill size="small" pillStyle="light">{counts.unvoiced} not voiced</Pill>
        <span style={{ color: 'var(--theme-elevation-500)' }}>
          Keys: J/K or ↓/↑ move · Space or P play · {canReview ? 'A approve · R reject (Enter saves the note, Esc cancels)' : "you may listen; editors and this language's translators decide"}
        </span>
      </div>
      <p role="status" data-testid="audio-review-message" style={{ minHeight: '1.5em', margin: '0 0 8px' }}>
        {message}
      </p>
      <ol style={{ listStyle: 'none', margin: 0, padding: 0, border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}>
        {lines.map((line, i) => {
          const isSelected = i === selected
          return (
            <li
              key={line.unitId}
              ref={(el) => {
                rows.current[i] = el
              }}
              data-testid="review-line"
              data-status={line.audio?.status ?? 'unvoiced'}
              data-speaker={line.audio?.speaker}
              data-file={line.audio?.id}
              aria-current={isSelected ? 'true' : undefined}
              onClick={() => setSelected(i)}
              style={{ ...row, background: isSelected ? 'var(--theme-elevation-100)' : undefined, outline: isSelected ? '2px solid var(--theme-success-500)' : undefined, outlineOffset: -2 }}
            >
              <div>
                <div style={{ fontWeight: 600 }}>{i + 1}. {line.kind}</div>
                {line.speaker && <div style={{ color: 'var(--theme-elevation-500)' }} lang={lang}>{line.speaker}</div>}
                {line.audio && (
                  <div data-testid="review-voice" style={{ color: 'var(--theme-elevation-500)', fontSize: 12 }}>
                    voice {line.audio.speaker}
                    {line.audio.lineVoice ? ` · take ${line.audio.lineVoice.take}${line.audio.lineVoice.pace ? ` · pace ${line.audio.lineVoice.pace}` : ''}` : ''}
                  </div>
                )}
                <div style={{ marginTop: 4 }}>
                  <Pill size="small" pillStyle={line.audio ? PILL[line.audio.status] : 'light'}>{line.audio?.status ?? 'not voiced'}</Pill>
                </div>
              </div>
              <div>
                <p data-testid="review-text" lang={lang} style={{ fontFamily: font, fontSize: 18, lineHeight: 1.6, margin: 0 }}>
                  {line.text}
                </p>
                {line.audio?.note && (
                  <p data-testid="review-note" style={{ margin: '4px 0 0', color: 'var(--theme-error-500)' }}>
                    Note: {line.audio.note}
                  </p>
                )}
                {line.audio?.reviewedBy && (
                  <p style={{ margin: '4px 0 0', color: 'var(--theme-elevation-500)', fontSize: 12 }}>
                    {line.audio.status} by {line.audio.reviewedBy}
                    {line.audio.reviewedAt ? (
                      <>
                        , <LocalTime iso={line.audio.reviewedAt} />
                      </>
                    ) : null}
                  </p>
                )}
                {rejecting === i && (
                  <div style={{ marginTop: 8 }}>
                    <label style={{ display: 'block', marginBottom: 4 }} htmlFor={`note-${i}`}>
                      What is wrong? (Enter saves, Esc cancels)
                    </label>
                    <textarea
                      id={`note-${i}`}
                      data-testid="reject-note"
                      autoFocus
                      rows={2}
                      value={note}
                      onChange={(e) => setNote(e.target.value)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' && !e.shiftKey) {
                          e.preventDefault()
                          void decide(i, 'rejected', note)
                        } else if (e.key === 'Escape') {
                          e.preventDefault()
                          setRejecting(null)
                        }
                      }}
                      style={{ width: '100%', fontFamily: 'inherit', background: 'var(--theme-input-bg)', color: 'var(--theme-text)', border: '1px solid var(--theme-elevation-250)', borderRadius: 4, padding: 6 }}
                    />
                  </div>
                )}
              </div>
              <div>
                {line.audio ? (
                  <>
                    <audio
                      ref={(el) => {
                        players.current[i] = el
                      }}
                      controls
                      preload="none"
                      src={line.audio.url}
                      style={{ width: '100%', height: 32 }}
                      data-testid="review-audio"
                    />
                    {canReview && (
                      <div style={{ display: 'flex', gap: 8, marginTop: 6 }}>
                        <Button buttonStyle="secondary" size="xsmall" margin={false} disabled={busy || line.audio.status === 'approved'} onClick={() => void decide(i, 'approved')}>
                          Approve
                        </Button>
                        <Button
                          buttonStyle="secondary"
                          size="xsmall"
                          margin={false}
                          disabled={busy}
                          onClick={() => {
                            setSelected(i)
                            setRejecting(i)
                            setNote('')
                          }}
                        >
                          Reject
                        </Button>
                      </div>
                    )}
                    {line.audio.regenerating ? (
                      <p data-testid="regenerating" style={{ margin: '6px 0 0' }}>
                        <Pill size="small" pillStyle="light">regenerating</Pill>
                      </p>
                    ) : (
                      canReview &&
                      line.audio.status === 'rejected' &&
                      (takeCap && !mayTakeAgain(line.audio.lineVoice?.take ?? 0, takeCap.limit) ? (
                        <p data-testid="take-cap" style={{ margin: '6px 0 0', color: 'var(--theme-elevation-600)', fontSize: 13 }}>
                          {takeCapMessage(line.audio.lineVoice?.take ?? 0, takeCap.limit, takeCap.providerName, takeCap.configured)}
                        </p>
                      ) : (
                        <RegenerateForm
                          apiRoute={apiRoute}
                          line={line}
                          index={i}
                          speakers={speakers}
                          paceRange={paceRange}
                          onQueued={(text, ok) => {
                            setMessage(text)
                            if (ok) {
                              toast.success(text)
                              setLines((all) => all.map((l, j) => (j === i && l.audio ? { ...l, audio: { ...l.audio, regenerating: true } } : l)))
                            } else toast.error(text)
                          }}
                        />
                      ))
                    )}
                  </>
                ) : (
                  <span style={{ color: 'var(--theme-elevation-500)' }}>Not voiced yet (or its text changed since): generate audio from the story.</span>
                )}
              </div>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
