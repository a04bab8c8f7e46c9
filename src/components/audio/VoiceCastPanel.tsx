'use client'

import { Button, toast, useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useMemo, useState } from 'react'

import { allSpeakerNames } from '@/domain/audio/speakers'
import { LOCALE_CODES } from '@/locales'

type Character = { id: string; name: string; slug: string; bulbulSpeaker: string; voiceCast?: { locale: string; speaker: string }[] | null }
type Cells = Record<string, Record<string, string>>

const cell: React.CSSProperties = { padding: '4px 6px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left' }
const input: React.CSSProperties = {
  width: 84,
  padding: '3px 5px',
  background: 'var(--theme-input-bg)',
  color: 'var(--theme-text)',
  border: '1px solid var(--theme-elevation-250)',
  borderRadius: 3,
  font: 'inherit',
  fontSize: 13,
}

const cellsOf = (list: Character[]): Cells => Object.fromEntries(list.map((c) => [c.id, Object.fromEntries((c.voiceCast ?? []).map((e) => [e.locale, e.speaker]))]))

/**
 * Story edit view: the voice cast as one table, characters x languages. An empty cell uses the
 * character's Bulbul speaker (shown greyed); a name there gives that language its own voice. Saving
 * writes each changed character's `voiceCast` through the REST API (editors; a bad speaker is a 400
 * that names the valid ones); its lines in those languages are voiced again.
 */
export function VoiceCastPanel() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { user } = useAuth<{ role?: string }>()
  const api = `${config.serverURL}${config.routes.api}`
  const [characters, setCharacters] = useState<Character[]>([])
  const [cells, setCells] = useState<Cells>({})
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const canEdit = user?.role === 'admin' || user?.role === 'editor'
  const speakers = useMemo(() => allSpeakerNames(), [])

  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(`${api}/characters?where[story][equals]=${id}&depth=0&limit=100&sort=displayOrder&select[name]=true&select[slug]=true&select[bulbulSpeaker]=true&select[voiceCast]=true`, { credentials: 'include' })
    if (!res.ok) return setMessage(`Could not load the characters (${res.status})`)
    const list = ((await res.json()) as { docs: Character[] }).docs
    setCharacters(list)
    setCells(cellsOf(list))
  }, [api, id])

  useEffect(() => {
    void load()
  }, [load])

  const save = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const changed = characters.filter((c) => JSON.stringify(cellsOf([c])[c.id]) !== JSON.stringify(Object.fromEntries(Object.entries(cells[c.id] ?? {}).filter(([, v]) => v.trim()))))
      for (const c of changed) {
        const voiceCast = LOCALE_CODES.flatMap((locale) => {
          const speaker = (cells[c.id]?.[locale] ?? '').trim()
          return speaker ? [{ locale, speaker }] : []
        })
        const res = await fetch(`${api}/characters/${c.id}?depth=0`, {
          method: 'PATCH',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ voiceCast }),
        })
        if (!res.ok) {
          const body = (await res.json().catch(() => ({}))) as { errors?: { message: string; data?: { errors?: { message: string }[] } }[] }
          const detail = body.errors?.[0]?.data?.errors?.[0]?.message ?? body.errors?.[0]?.message ?? `Could not save (${res.status})`
          setMessage(`${c.name}: ${detail}`)
          return
        }
      }
      setMessage(changed.length ? `Saved the voice cast of ${changed.map((c) => c.name).join(', ')}: their lines in those languages are voiced again` : 'Nothing changed')
      if (changed.length) toast.success('Voice cast saved')
      await load()
    } finally {
      setBusy(false)
    }
  }

  if (!id) return null
  return (
    <div className="field-type" style={{ marginBottom: 32 }} data-testid="voice-cast">
      <h3 style={{ marginBottom: 4 }}>Voice cast</h3>
      <p style={{ marginTop: 0, color: 'var(--theme-elevation-500)' }}>Speaker per character and language. Empty: the character’s Bulbul speaker (greyed).</p>
      <datalist id="bk-speakers">
        {speakers.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', marginBottom: 8 }}>
          <thead>
            <tr>
              <th style={cell}>Character</th>
              {LOCALE_CODES.map((l) => (
                <th key={l} style={cell}>
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {characters.map((c) => (
              <tr key={c.id} data-testid="cast-row">
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>{c.name || c.slug}</td>
                {LOCALE_CODES.map((l) => (
                  <td key={l} style={cell}>
                    <input
                      aria-label={`${c.name || c.slug} ${l}`}
                      list="bk-speakers"
                      disabled={!canEdit || busy}
                      placeholder={c.bulbulSpeaker}
                      value={cells[c.id]?.[l] ?? ''}
                      onChange={(e) => setCells((all) => ({ ...all, [c.id]: { ...all[c.id], [l]: e.target.value } }))}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault()
                          void save()
                        }
                      }}
                      style={input}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p role="status" data-testid="voice-cast-message" style={{ minHeight: '1.5em', margin: '0 0 8px', color: message && !message.startsWith('Saved') && message !== 'Nothing changed' ? 'var(--theme-error-500)' : undefined }}>
        {message}
      </p>
      {canEdit && (
        <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void save()}>
          {busy ? 'Saving…' : 'Save voice cast'}
        </Button>
      )}
    </div>
  )
}
