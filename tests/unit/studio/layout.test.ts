import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { CARD_WIDTH, layeredLayout, rememberedLayout } from '@/components/studio/layout'

/** The browser storage the Studio remembers layouts in, as a plain map. */
function fakeStorage() {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  }
}

const chain = (n: number) => ({
  ids: Array.from({ length: n }, (_, i) => `n${i}`),
  edges: Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}` })),
})

describe('layeredLayout', () => {
  it.each([5, 100])('should lay a chain of %i cards out left to right', async (n) => {
    const { ids, edges } = chain(n)
    const laid = await layeredLayout(ids, edges)

    expect(laid.size).toBe(n)
    for (let i = 1; i < n; i++) expect(laid.get(`n${i}`)!.x).toBeGreaterThanOrEqual(laid.get(`n${i - 1}`)!.x + CARD_WIDTH)
  })
})

describe('rememberedLayout', () => {
  let storage: ReturnType<typeof fakeStorage>
  beforeEach(() => {
    storage = fakeStorage()
    vi.stubGlobal('window', { localStorage: storage })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('should give the layout elk gives, and the remembered one for the same cards and edges', async () => {
    const { ids, edges } = chain(6)
    const first = await rememberedLayout('story-1', ids, edges)

    expect(first).toEqual(await layeredLayout(ids, edges))
    // What is remembered is served as it is: tamper with it and the tampered positions come back.
    const stored = JSON.parse(storage.items.get('bhasha-kahani.studio-layout.story-1')!) as { shape: string; positions: [string, { x: number; y: number }][] }
    stored.positions[0]![1] = { x: -999, y: -999 }
    storage.items.set('bhasha-kahani.studio-layout.story-1', JSON.stringify(stored))
    expect((await rememberedLayout('story-1', ids, edges)).get('n0')).toEqual({ x: -999, y: -999 })
  })

  it('should lay the map out again when an edge is retargeted', async () => {
    const { ids, edges } = chain(6)
    await rememberedLayout('story-1', ids, edges)
    const stored = JSON.parse(storage.items.get('bhasha-kahani.studio-layout.story-1')!) as { shape: string }
    const retargeted = edges.map((e) => (e.id === 'e4' ? { ...e, target: 'n0' } : e))

    const again = await rememberedLayout('story-1', ids, retargeted)

    expect(again).toEqual(await layeredLayout(ids, retargeted))
    expect((JSON.parse(storage.items.get('bhasha-kahani.studio-layout.story-1')!) as { shape: string }).shape).not.toBe(stored.shape)
  })

  it('should still lay out when the browser refuses its storage', async () => {
    vi.stubGlobal('window', {
      localStorage: {
        getItem: () => {
          throw new Error('SecurityError')
        },
        setItem: () => {
          throw new Error('QuotaExceededError')
        },
      },
    })
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const { ids, edges } = chain(4)

    expect(await rememberedLayout('story-2', ids, edges)).toEqual(await layeredLayout(ids, edges))
  })
})
