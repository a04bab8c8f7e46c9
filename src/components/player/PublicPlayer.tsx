'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

import type { StoryBundle } from '@/domain/story/bundle'
import { getLocale, htmlLang, LOCALES, type LocaleCode } from '@/locales'

import { type PlayerMove, StoryPlayer } from './StoryPlayer'

const DEVICE_KEY = 'bhasha-kahani.anonymousId'

type Progress = { completionPercentage: number; isCompleted: boolean; currentNodeId: string | null }

/** A device id kept in this browser (what an app keeps on the phone), 32 url-safe characters. */
function deviceId(): string {
  const known = window.localStorage.getItem(DEVICE_KEY)
  if (known && /^[A-Za-z0-9_-]{16,64}$/.test(known)) return known
  const id = `web_${crypto.randomUUID().replace(/-/g, '')}`
  window.localStorage.setItem(DEVICE_KEY, id)
  return id
}

async function call<T>(method: string, url: string, token: string | null, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await res.json().catch(() => null)) as (T & { errors?: { message: string }[] }) | null
  if (!res.ok) throw new Error(json?.errors?.[0]?.message ?? `${method} ${url}: ${res.status}`)
  return json as T
}

/**
 * The reference player: how an app uses our APIs.
 * 1. `POST /api/users/anonymous {anonymousId}` signs the device in (a token, no account).
 * 2. `GET /api/stories/<slug>/bundle?locale=hi` loads the compiled story (cacheable, ETag).
 * 3. `StoryPlayer` plays it with the pure engine; each move is recorded with
 *    `POST /api/progress/<slug>/start|advance|choose` and the Bearer token.
 */
export function PublicPlayer({ slug, locale }: { slug: string; locale: LocaleCode }) {
  const [bundle, setBundle] = useState<StoryBundle | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const token = useRef<string | null>(null)
  const queue = useRef<Promise<unknown>>(Promise.resolve())

  useEffect(() => {
    let cancelled = false
    ;(async () => {
      const signIn = await call<{ token: string }>('POST', '/api/users/anonymous', null, { anonymousId: deviceId() })
      token.current = signIn.token
      const loaded = await call<StoryBundle>('GET', `/api/stories/${encodeURIComponent(slug)}/bundle?locale=${locale}`, null)
      if (!cancelled) setBundle(loaded)
    })().catch((err: Error) => !cancelled && setError(err.message))
    return () => {
      cancelled = true
    }
  }, [slug, locale])

  // Moves are recorded one after another, in the order the listener made them.
  const onMove = useCallback(
    (move: PlayerMove) => {
      const base = `/api/progress/${encodeURIComponent(slug)}`
      const send = () => {
        if (move.kind === 'start') return call<{ progress: Progress }>('POST', `${base}/start`, token.current, {})
        if (move.kind === 'choose') return call<{ progress: Progress }>('POST', `${base}/choose`, token.current, { nodeId: move.from, choiceKey: move.key })
        return call<{ progress: Progress }>('POST', `${base}/advance`, token.current, { nodeId: move.from })
      }
      queue.current = queue.current
        .then(send)
        .then((res) => setProgress(res.progress ?? (res as unknown as Progress)))
        .catch((err: Error) => setError(err.message))
    },
    [slug],
  )

  return (
    <main lang={htmlLang(locale)} style={{ maxWidth: 720, margin: '0 auto', padding: '24px 16px' }}>
      <nav style={{ display: 'flex', gap: 8, flexWrap: 'wrap', fontSize: 14, marginBottom: 16 }} lang="en">
        {LOCALES.map((l) => (
          <a key={l.code} href={`/play/${slug}?locale=${l.code}`} aria-current={l.code === locale ? 'page' : undefined} style={{ fontWeight: l.code === locale ? 700 : 400 }}>
            {l.label}
          </a>
        ))}
      </nav>
      {error && (
        <p role="alert" style={{ color: '#b00020' }}>
          {error}
        </p>
      )}
      {!bundle && !error && <p>Loading {getLocale(locale).label}…</p>}
      {bundle && token.current && <StoryPlayer bundle={bundle} onMove={onMove} />}
      {progress && (
        <p data-testid="public-progress" lang="en" style={{ fontSize: 14, color: '#555' }}>
          Progress saved: {Math.round(Number(progress.completionPercentage))}%{progress.isCompleted ? ' · completed' : ''}
        </p>
      )}
    </main>
  )
}
