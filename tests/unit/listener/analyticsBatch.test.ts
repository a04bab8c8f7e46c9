import { describe, expect, it } from 'vitest'

import { MAX_EVENTS_PER_BATCH, validateBatch } from '@/domain/listener/analyticsBatch'

const NOW = Date.parse('2026-11-26T00:00:00Z')
const ok = { type: 'story_start', storySlug: 'clever-crow', sessionId: 's-1' }

describe('analytics batch validation', () => {
  it('should accept a valid batch and fill in the time of arrival', () => {
    const result = validateBatch({ events: [ok, { type: 'page_view', sessionId: 's-1', data: { screen: 'home' } }] }, NOW)
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.events[0]!.at.getTime()).toBe(NOW)
      expect(result.events[1]!.data).toEqual({ screen: 'home' })
    }
  })

  it('should list every bad item by index', () => {
    const result = validateBatch(
      { events: [ok, { ...ok, type: 'hacked' }, ok, { ...ok, sessionId: '' }, { ...ok, ipAddress: '1.2.3.4' }] },
      NOW,
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect([...new Set(result.issues.map((i) => i.index))]).toEqual([1, 3, 4])
  })

  it.each([
    ['a node without its story', { type: 'audio_play', nodeId: '0b6c3f0e-8d5a-4c1e-9f3e-2a1b3c4d5e6f', sessionId: 's' }, 'storySlug'],
    ['a node id that is not a uuid', { ...ok, nodeId: 'n1' }, 'nodeId'],
    ['a time in the future', { ...ok, at: '2026-11-27T00:00:00Z' }, 'at'],
    ['a time long ago', { ...ok, at: '2026-01-01T00:00:00Z' }, 'at'],
    ['a time without zone', { ...ok, at: '2026-11-25T10:00:00' }, 'at'],
    ['huge data', { ...ok, data: { blob: 'x'.repeat(5000) } }, 'data'],
    ['data that is not an object', { ...ok, data: [1, 2] }, 'data'],
  ])('should refuse %s', (_name, event, field) => {
    const result = validateBatch({ events: [event] }, NOW)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.field)).toContain(field)
  })

  it('should refuse an empty batch and one over the limit', () => {
    expect(validateBatch({ events: [] }, NOW).ok).toBe(false)
    expect(validateBatch({ events: Array(MAX_EVENTS_PER_BATCH + 1).fill(ok) }, NOW).ok).toBe(false)
    expect(validateBatch({ events: Array(MAX_EVENTS_PER_BATCH).fill(ok) }, NOW).ok).toBe(true)
  })

  it('should refuse a body that is not a batch', () => {
    for (const body of [null, [], { events: 'x' }, { events: [ok], extra: 1 }]) expect(validateBatch(body, NOW).ok).toBe(false)
  })
})
