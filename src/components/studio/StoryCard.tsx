'use client'

import { Handle, type Node, type NodeProps, Position } from '@xyflow/react'
import { memo } from 'react'

import type { StudioAudioState } from '@/endpoints/storyStudio'
import type { NodeType } from '@/domain/story/graph'
import type { TextState } from '@/domain/story/studioMap'

export type CardData = {
  order: number
  type: NodeType
  isStart: boolean
  isEnd: boolean
  speaker: { name: string; avatarUrl: string | null } | null
  text: string
  textState: TextState
  /** Label of the locale the text falls back to. */
  textFrom: string | null
  lang: string
  audio: StudioAudioState | 'none'
  errors: number
  warnings: number
  firstIssue: string | null
  onPath: boolean
  readOnly: boolean
}

export type CardNode = Node<CardData, 'story'>

/** Small line icons (no emoji: a machine without a colour emoji font would draw boxes). */
const ICON_PATHS: Record<NodeType, string> = {
  narration: 'M2 3h5a2 2 0 0 1 2 2v9a1.5 1.5 0 0 0-1.5-1.5H2zM16 3h-5a2 2 0 0 0-2 2v9a1.5 1.5 0 0 1 1.5-1.5H16z',
  dialogue: 'M2 3h14v9H8l-4 3v-3H2z',
  choice: 'M9 16V9M9 9L3 3M9 9l6-6M3 3v3M3 3h3M15 3v3M15 3h-3',
  end: 'M4 16V2M4 2h10l-2 3 2 3H4',
}

function TypeIcon({ type }: { type: NodeType }) {
  return (
    <svg className="studio-card__icon" width="14" height="14" viewBox="0 0 18 18" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" strokeLinecap="round" aria-hidden>
      <path d={ICON_PATHS[type]} />
    </svg>
  )
}

const TEXT_LABEL: Record<TextState, string> = { own: 'own text', fallback: 'fallback', missing: 'missing' }

const AUDIO_LABEL: Record<StudioAudioState | 'none', string> = {
  done: 'audio ✓',
  outdated: 'audio outdated',
  missing: 'no audio',
  failed: 'audio failed',
  queued: 'audio queued',
  none: 'no audio',
}

/** One node of the map: type colour and icon, start/end markers, speaker, first line, status. */
function StoryCardImpl({ id, data, selected }: NodeProps<CardNode>) {
  const type = data.isEnd ? 'end' : data.type
  return (
    <div
      className={`studio-card studio-card--${type}${selected ? ' studio-card--selected' : ''}${data.onPath ? ' studio-card--path' : ''}${data.errors ? ' studio-card--error' : ''}`}
      data-testid="studio-node"
      data-node-id={id}
      data-order={data.order}
      data-text-state={data.textState}
      data-audio-state={data.audio}
      data-errors={data.errors}
      title={data.firstIssue ?? undefined}
    >
      <Handle type="target" position={Position.Left} isConnectable={!data.readOnly} />
      <div className="studio-card__head">
        <TypeIcon type={type} />
        <span className="studio-card__type">
          {data.order}. {type}
        </span>
        {data.isStart && <span className="studio-card__marker studio-card__marker--start">START</span>}
        {data.isEnd && <span className="studio-card__marker studio-card__marker--end">END</span>}
        {(data.errors > 0 || data.warnings > 0) && (
          <span className={`studio-card__issues${data.errors ? ' studio-card__issues--error' : ''}`} data-testid="studio-node-issues">
            {data.errors > 0 ? `✗ ${data.errors}` : `! ${data.warnings}`}
          </span>
        )}
      </div>
      {data.speaker && (
        <div className="studio-card__speaker">
          {data.speaker.avatarUrl ? <img src={data.speaker.avatarUrl} alt="" width={18} height={18} /> : <span className="studio-card__avatar">{data.speaker.name.slice(0, 1)}</span>}
          <span>{data.speaker.name}</span>
        </div>
      )}
      <div className="studio-card__text" lang={data.lang}>
        {data.text || <em>no text</em>}
      </div>
      <div className="studio-card__status">
        <span className={`studio-pill studio-pill--text-${data.textState}`} data-testid="studio-text-state">
          {data.textState === 'fallback' && data.textFrom ? `fallback: ${data.textFrom}` : TEXT_LABEL[data.textState]}
        </span>
        <span className={`studio-pill studio-pill--audio-${data.audio}`}>{AUDIO_LABEL[data.audio]}</span>
      </div>
      <Handle type="source" position={Position.Right} isConnectable={!data.readOnly} />
    </div>
  )
}

export const StoryCard = memo(StoryCardImpl)
