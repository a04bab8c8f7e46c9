import { describe, expect, it } from 'vitest'

import { applyMove, type NextProgress, ProgressMoveError, type StoredProgress } from '@/domain/listener/progressMove'
import { compileBundle } from '@/domain/story/bundle'

import { buildGraph } from '../story/builders'

// start (narration) -> pick (choice: A default -> endA, B -> mid) ; mid -> endB
const graph = buildGraph(
  [
    { id: 'start', type: 'narration' },
    { id: 'pick', type: 'choice' },
    { id: 'endA', type: 'end' },
    { id: 'mid', type: 'narration' },
    { id: 'endB', type: 'end' },
  ],
  [
    { node: 'start', key: 'A', next: 'pick', isDefault: true },
    { node: 'pick', key: 'A', next: 'endA', isDefault: true },
    { node: 'pick', key: 'B', next: 'mid' },
    { node: 'mid', key: 'A', next: 'endB', isDefault: true },
  ],
)
const bundle = compileBundle(graph, 'en')
const NOW = new Date('2026-11-26T00:00:00Z')

const store = (p: NextProgress): StoredProgress => JSON.parse(JSON.stringify(p))

function refused(fn: () => unknown): { code: string; status: number } {
  try {
    fn()
  } catch (e) {
    if (e instanceof ProgressMoveError) return { code: e.code, status: e.status }
    throw e
  }
  throw new Error('the move was accepted')
}

describe('progress moves', () => {
  it('should start a first play at the start node', () => {
    const p = applyMove(bundle, null, { kind: 'start' }, 5, NOW)
    expect(p).toMatchObject({ currentNodeId: 'start', playCount: 1, totalTimeSec: 5, choicesMade: [], completionPercentage: 0, isCompleted: false })
  })

  it('should record a choice with node, key and time, and move on', () => {
    const started = store(applyMove(bundle, null, { kind: 'start' }, 0, NOW))
    const atPick = store(applyMove(bundle, started, { kind: 'advance', nodeId: 'start' }, 3, NOW))
    const chosen = applyMove(bundle, atPick, { kind: 'choose', nodeId: 'pick', key: 'B' }, 4, NOW)
    expect(chosen.currentNodeId).toBe('mid')
    expect(chosen.choicesMade).toEqual([{ node_id: 'pick', choice: 'B', at: NOW.toISOString() }])
    expect(chosen.totalTimeSec).toBe(7)
    expect(chosen.completionPercentage).toBeGreaterThan(atPick.completionPercentage)
  })

  it('should record the default option an advance takes at a choice', () => {
    let p = store(applyMove(bundle, null, { kind: 'start' }, 0, NOW))
    p = store(applyMove(bundle, p, { kind: 'advance', nodeId: 'start' }, 0, NOW))
    const done = applyMove(bundle, p, { kind: 'advance', nodeId: 'pick' }, 0, NOW)
    expect(done.choicesMade.map((c) => c.choice)).toEqual(['A'])
    expect(done).toMatchObject({ ended: true, isCompleted: true, completionPercentage: 100 })
  })

  it('should count a restart as a new play, clear its choices and keep the completed badge', () => {
    let p = store(applyMove(bundle, null, { kind: 'start' }, 0, NOW))
    p = store(applyMove(bundle, p, { kind: 'advance', nodeId: 'start' }, 0, NOW))
    p = store(applyMove(bundle, p, { kind: 'choose', nodeId: 'pick', key: 'A' }, 0, NOW))
    const again = applyMove(bundle, p, { kind: 'start' }, 0, NOW)
    expect(again).toMatchObject({ playCount: 2, choicesMade: [], isCompleted: true, completionPercentage: 0, currentNodeId: 'start' })
  })

  it.each([
    ['a move before start', null, { kind: 'advance', nodeId: 'start' }, 'not-started', 409],
    ['a move at another node', 'start', { kind: 'advance', nodeId: 'pick' }, 'not-current-node', 409],
    ['a choice where there is none', 'start', { kind: 'choose', nodeId: 'start', key: 'A' }, 'not-at-choice', 409],
    ['an unknown option', 'pick', { kind: 'choose', nodeId: 'pick', key: 'Z' }, 'unknown-choice', 400],
    ['a move after the end', 'end', { kind: 'advance', nodeId: 'endA' }, 'story-ended', 409],
  ] as const)('should refuse %s', (_name, at, move, code, status) => {
    let p: StoredProgress | null = null
    if (at !== null) {
      p = store(applyMove(bundle, null, { kind: 'start' }, 0, NOW))
      if (at !== 'start') p = store(applyMove(bundle, p, { kind: 'advance', nodeId: 'start' }, 0, NOW))
      if (at === 'end') p = store(applyMove(bundle, p, { kind: 'choose', nodeId: 'pick', key: 'A' }, 0, NOW))
    }
    const stored = p
    expect(refused(() => applyMove(bundle, stored, move, 0, NOW))).toEqual({ code, status })
  })

  it('should carry a state over to a new version of the story', () => {
    const p = store(applyMove(bundle, null, { kind: 'start' }, 0, NOW))
    const edited = compileBundle({ ...graph, title: { en: 'A new title' } }, 'en')
    expect(edited.version).not.toBe(bundle.version)
    const moved = applyMove(edited, p, { kind: 'advance', nodeId: 'start' }, 0, NOW)
    expect(moved.listenState.bundleVersion).toBe(edited.version)
    expect(moved.currentNodeId).toBe('pick')
  })

  it('should refuse a stored state it cannot read as not started', () => {
    const p = { ...store(applyMove(bundle, null, { kind: 'start' }, 0, NOW)), listenState: { garbage: true } }
    expect(refused(() => applyMove(bundle, p, { kind: 'advance', nodeId: 'start' }, 0, NOW)).code).toBe('not-started')
  })
})
