'use client'

import { useCallback, useEffect, useMemo, useRef, useState } from 'react'

import type { BundleNode, StoryBundle } from '@/domain/story/bundle'
import { advance, choose, currentNode, type ListenState, start, startAt, StoryMoveError } from '@/domain/story/player'
import { getLocale, htmlLang, isLocale } from '@/locales'

import './StoryPlayer.css'

export type PlayerMove = {
  kind: 'start' | 'advance' | 'choose'
  /** The node the listener moved on from (null for a start). */
  from: string | null
  /** The option taken (choose, or the default at a choice when advancing). */
  key?: string
  state: ListenState
}

export type StoryPlayerProps = {
  /** A compiled story bundle (the public bundle format). */
  bundle: StoryBundle
  /** Start here instead of the story's start node. */
  startNodeId?: string | null
  /** Move on by itself: after a line's audio (or reading time), and to the default option after `choiceTimeoutMs`. */
  autoPlay?: boolean
  choiceTimeoutMs?: number
  /** Called after every move, the start included (record progress, highlight the path). */
  onMove?: (move: PlayerMove) => void
}

const READING_MS_PER_CHAR = 45
const MIN_READING_MS = 1_500

function lineReadingMs(text: string): number {
  return Math.max(MIN_READING_MS, Math.min(12_000, [...text].length * READING_MS_PER_CHAR))
}

/**
 * Plays a compiled story the way a child hears it: one line at a time with its audio, options as
 * large buttons, the default option taken after a timeout when auto-play is on, fallback lines
 * marked. Depends on nothing but the bundle and the pure engine in `src/domain/story/player.ts`.
 */
export function StoryPlayer({ bundle, startNodeId = null, autoPlay: initialAutoPlay = false, choiceTimeoutMs = 8_000, onMove }: StoryPlayerProps) {
  const [state, setState] = useState<ListenState | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [autoPlay, setAutoPlay] = useState(initialAutoPlay)
  const [playing, setPlaying] = useState(false)
  const [countdown, setCountdown] = useState<number | null>(null)
  const audio = useRef<HTMLAudioElement | null>(null)
  const onMoveRef = useRef(onMove)
  onMoveRef.current = onMove

  const restart = useCallback(() => {
    try {
      const first = startNodeId ? startAt(bundle, startNodeId) : start(bundle)
      setState(first)
      setError(null)
      onMoveRef.current?.({ kind: 'start', from: null, state: first })
    } catch (err) {
      setState(null)
      setError(err instanceof StoryMoveError ? err.message : String(err))
    }
  }, [bundle, startNodeId])

  useEffect(restart, [restart])

  const node: BundleNode | null = useMemo(() => {
    if (!state) return null
    try {
      return currentNode(bundle, state)
    } catch {
      return null
    }
  }, [bundle, state])

  const move = useCallback(
    (kind: 'advance' | 'choose', key?: string) => {
      if (!state || !node) return
      try {
        const next = kind === 'choose' ? choose(bundle, state, key!) : advance(bundle, state)
        const taken = kind === 'choose' ? key : node.type === 'choice' ? node.choices.find((c) => c.isDefault)?.key : undefined
        setState(next)
        setError(null)
        onMoveRef.current?.({ kind, from: node.id, ...(taken ? { key: taken } : {}), state: next })
      } catch (err) {
        setError(err instanceof StoryMoveError ? err.message : String(err))
      }
    },
    [bundle, state, node],
  )

  // The line's audio plays by itself when it exists (a browser may refuse until the page is touched).
  useEffect(() => {
    const el = audio.current
    setPlaying(false)
    if (!el || !node?.audioUrl) return
    el.play().then(
      () => setPlaying(true),
      () => setPlaying(false),
    )
  }, [node])

  // Auto-play: narration and dialogue move on after their audio (or reading time); a choice takes its default after the timeout.
  useEffect(() => {
    if (!autoPlay || !node || state?.ended) return
    if (node.type === 'choice') {
      if (!node.choices.some((c) => c.isDefault)) return
      const deadline = Date.now() + choiceTimeoutMs
      setCountdown(Math.ceil(choiceTimeoutMs / 1000))
      const tick = setInterval(() => setCountdown(Math.max(0, Math.ceil((deadline - Date.now()) / 1000))), 250)
      const timer = setTimeout(() => move('advance'), choiceTimeoutMs)
      return () => {
        clearInterval(tick)
        clearTimeout(timer)
        setCountdown(null)
      }
    }
    if (node.audioUrl && playing) return // the audio's `ended` event moves on
    const timer = setTimeout(() => move('advance'), lineReadingMs(node.text))
    return () => clearTimeout(timer)
  }, [autoPlay, node, state?.ended, playing, choiceTimeoutMs, move])

  const character = node?.characterId ? bundle.characters.find((c) => c.id === node.characterId) : undefined
  const lang = htmlLang(bundle.locale)
  const fromName = (code: string | null) => (code && isLocale(code) ? getLocale(code).label : 'no language')

  return (
    <section className="bk-player" lang={lang} data-testid="story-player" data-node-id={node?.id ?? ''} data-ended={state?.ended ? 'true' : 'false'}>
      <header className="bk-player__head">
        <h2 className="bk-player__title">{bundle.story.title}</h2>
        <label className="bk-player__auto">
          <input type="checkbox" checked={autoPlay} onChange={(e) => setAutoPlay(e.target.checked)} /> Auto-play
        </label>
      </header>
      {error && (
        <p className="bk-player__error" role="alert">
          {error}
        </p>
      )}
      {node && (
        <div className="bk-player__line">
          {character && (
            <div className="bk-player__speaker">
              {character.avatarUrl && <img src={character.avatarUrl} alt="" width={40} height={40} />}
              <span>{character.name}</span>
            </div>
          )}
          <p className="bk-player__text" data-testid="player-text">
            {node.text || <em>(no text)</em>}
          </p>
          {node.fallback && (
            <p className="bk-player__fallback" data-testid="player-fallback" lang="en">
              Not translated yet: shown in {fromName(node.textLocale)}
            </p>
          )}
          {node.audioUrl && (
            <div className="bk-player__audio">
              <audio
                ref={audio}
                src={node.audioUrl}
                preload="auto"
                onPlay={() => setPlaying(true)}
                onPause={() => setPlaying(false)}
                onEnded={() => {
                  setPlaying(false)
                  if (autoPlay && node.type !== 'choice' && node.type !== 'end') move('advance')
                }}
              />
              <button type="button" className="bk-player__small" onClick={() => (playing ? audio.current?.pause() : void audio.current?.play())}>
                {playing ? '❚❚ Pause' : '▶ Play'}
              </button>
            </div>
          )}
          {node.type === 'choice' && !state?.ended && (
            <div className="bk-player__choices">
              {node.choices.map((choice) => (
                <button
                  key={choice.key}
                  type="button"
                  className="bk-player__choice"
                  data-testid="player-choice"
                  data-key={choice.key}
                  disabled={choice.target === null}
                  onClick={() => move('choose', choice.key)}
                >
                  <span className="bk-player__key">{choice.key}</span> {choice.text}
                  {choice.isDefault && countdown !== null && <span className="bk-player__countdown"> ({countdown})</span>}
                </button>
              ))}
            </div>
          )}
          {node.type !== 'choice' && !state?.ended && (
            <button type="button" className="bk-player__next" data-testid="player-next" onClick={() => move('advance')} disabled={node.next === null}>
              Next ›
            </button>
          )}
          {state?.ended && (
            <div className="bk-player__end" data-testid="player-end">
              <p>The end.</p>
              {bundle.story.moral && <p className="bk-player__moral">{bundle.story.moral}</p>}
              <button type="button" className="bk-player__next" onClick={restart}>
                Play again
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  )
}
