'use client'

import { Button, toast, useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useMemo, useState } from 'react'

import { allSpeakerNames, CAST_MODELS, castSpeakers, castSpeakersFor, isCastModel, type CastModel } from '@/domain/audio/speakers'
import { LOCALE_CODES } from '@/locales'

type CastEntry = { locale: string; speaker: string; model?: string | null }
type Character = { id: string; name: string; slug: string; bulbulSpeaker: string; voiceCast?: CastEntry[] | null }
/** The layer of the cast a table shows: '' for every model, else one model's own entries. */
type Layer = '' | CastModel
/** Per character, per layer, per locale: the speaker typed. */
type Cells = Record<string, Record<string, Record<string, string>>>

const LAYERS: { value: Layer; label: string }[] = [
  { value: '', label: 'Every model' },
  ...CAST_MODELS.map((m) => ({ value: m, label: m === 'local' ? 'Local voices (offline)' : `Sarvam ${m}` })),
]
const cell: React.CSSProperties = { padding: '4px 6px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left' }
/** A form control in the admin's colours (light and dark). */
const control: React.CSSProperties = {
  background: 'var(--theme-input-bg)',
  color: 'var(--theme-text)',
  border: '1px solid var(--theme-elevation-250)',
  borderRadius: 3,
  font: 'inherit',
  fontSize: 13,
}
const select: React.CSSProperties = { ...control, padding: '4px 6px' }
const input: React.CSSProperties = { ...control, width: 84, padding: '3px 5px' }

const layerOf = (entry: CastEntry): Layer => (isCastModel(entry.model) ? entry.model : '')

function cellsOf(list: Character[]): Cells {
  const cells: Cells = {}
  for (const c of list) {
    const layers: Record<string, Record<string, string>> = (cells[c.id] = {})
    for (const e of c.voiceCast ?? []) (layers[layerOf(e)] ??= {})[e.locale] = e.speaker
  }
  return cells
}

/** The cast a character's cells say, every layer, blank cells left out (what is saved). */
function castOf(layers: Record<string, Record<string, string>> | undefined): CastEntry[] {
  return LAYERS.flatMap(({ value }) =>
    LOCALE_CODES.flatMap((locale) => {
      const speaker = (layers?.[value]?.[locale] ?? '').trim()
      return speaker ? [value ? { locale, model: value, speaker } : { locale, speaker }] : []
    }),
  )
}

/**
 * Story edit view: the voice cast as one table, characters x languages, per model. "Every model"
 * holds for whichever voices the story is voiced with; a model's own table overrides it while that
 * model voices the story (its voices differ: bulbul:v3's shubh is not on v2). An empty cell falls
 * back (shown greyed): to the every-model cast, then the character's Bulbul speaker. Saving writes
 * each changed character's `voiceCast` through the REST API (editors; a bad speaker is a 400 that
 * names the valid ones); its lines in those languages are voiced again.
 */
export function VoiceCastPanel({ voicing }: { /** The model voicing stories now (VoiceCastField reads it on the server). */ voicing: CastModel }) {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { user } = useAuth<{ role?: string }>()
  const api = `${config.serverURL}${config.routes.api}`
  const [characters, setCharacters] = useState<Character[]>([])
  const [cells, setCells] = useState<Cells>({})
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [layer, setLayer] = useState<Layer>('')
  const canEdit = user?.role === 'admin' || user?.role === 'editor'
  const speakers = useMemo(() => (layer ? castSpeakersFor(layer) : allSpeakerNames()), [layer])

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
      const changed = characters.filter((c) => JSON.stringify(castOf(cellsOf([c])[c.id])) !== JSON.stringify(castOf(cells[c.id])))
      for (const c of changed) {
        const voiceCast = castOf(cells[c.id])
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
      // Whose voice changes with the model voicing the story now (an entry for another model changes none).
      const heard = (c: Character, cast: CastEntry[]) => JSON.stringify(castSpeakers({ bulbulSpeaker: c.bulbulSpeaker, voiceCast: cast }, LOCALE_CODES, '', voicing))
      const revoiced = changed.filter((c) => heard(c, c.voiceCast ?? []) !== heard(c, castOf(cells[c.id])))
      const names = (list: Character[]) => list.map((c) => c.name).join(', ')
      setMessage(
        !changed.length
          ? 'Nothing changed'
          : revoiced.length
            ? `Saved the voice cast of ${names(changed)}: the lines of ${names(revoiced)} in those languages are voiced again`
            : `Saved the voice cast of ${names(changed)}: for another model than the one voicing the story now, so no line changes voice yet`,
      )
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
      <p style={{ marginTop: 0, color: 'var(--theme-elevation-500)' }}>
        Speaker per character and language. Empty: {layer ? 'the every-model cast, else ' : ''}the character’s Bulbul speaker (greyed).
      </p>
      <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        Voices for
        <select aria-label="Voices for" data-testid="voice-cast-model" value={layer} disabled={busy} onChange={(e) => setLayer(e.target.value as Layer)} style={select}>
          {LAYERS.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
              {l.value && l.value === voicing ? ' (voicing now)' : ''}
            </option>
          ))}
        </select>
        <span style={{ color: 'var(--theme-elevation-500)' }} data-testid="voice-cast-voicing">
          This story is voiced with {voicing === 'local' ? 'the local voices' : `Sarvam ${voicing}`}: its table, else Every model.
        </span>
      </label>
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
                      aria-label={`${c.name || c.slug} ${l}${layer ? ` ${layer}` : ''}`}
                      list="bk-speakers"
                      disabled={!canEdit || busy}
                      placeholder={(layer && cells[c.id]?.['']?.[l]?.trim()) || c.bulbulSpeaker}
                      value={cells[c.id]?.[layer]?.[l] ?? ''}
                      onChange={(e) => {
                        const value = e.target.value
                        setCells((all) => ({ ...all, [c.id]: { ...all[c.id], [layer]: { ...all[c.id]?.[layer], [l]: value } } }))
                      }}
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
