import ELK from 'elkjs/lib/elk.bundled.js'

import type { StudioPosition } from '@/domain/story/studioMap'

export const CARD_WIDTH = 240
export const CARD_HEIGHT = 112

/**
 * From this many cards on, elk runs with its quickest settings (one crossing-minimisation pass,
 * simple node placement): a 200-card map lays out several times faster, a little less tidily.
 */
const LARGE_MAP = 80

let elk: InstanceType<typeof ELK> | null = null

type LayoutEdge = { id: string; source: string; target: string }

/**
 * Layered left-to-right layout of the map (elkjs, the Eclipse Layout Kernel's layered algorithm):
 * positions for every node id, edges crossing as little as elk manages.
 */
export async function layeredLayout(nodeIds: string[], edges: LayoutEdge[]): Promise<Map<string, StudioPosition>> {
  elk ??= new ELK()
  const ids = new Set(nodeIds)
  const large = nodeIds.length >= LARGE_MAP
  const result = await elk.layout({
    id: 'story',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.layered.spacing.edgeNodeBetweenLayers': '30',
      'elk.layered.nodePlacement.strategy': large ? 'SIMPLE' : 'BRANDES_KOEPF',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      ...(large ? { 'elk.layered.thoroughness': '1' } : {}),
    },
    children: nodeIds.map((id) => ({ id, width: CARD_WIDTH, height: CARD_HEIGHT })),
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  })
  return new Map((result.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]))
}

/** FNV-1a of a string, as 8 hex digits (a cache key, not a security hash). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(16).padStart(8, '0')
}

const STORAGE_PREFIX = 'bhasha-kahani.studio-layout.'

/**
 * `layeredLayout`, remembered in this browser per story for the exact same cards and edges: elk
 * is deterministic, so a returning editor gets the same positions without waiting for elk again.
 * Any change of the map's shape (a card or edge added, removed or retargeted) lays it out anew.
 */
export async function rememberedLayout(storyId: string, nodeIds: string[], edges: LayoutEdge[]): Promise<Map<string, StudioPosition>> {
  const shape = fnv1a(JSON.stringify([LARGE_MAP, nodeIds, edges.map((e) => [e.id, e.source, e.target])]))
  const key = `${STORAGE_PREFIX}${storyId}`
  try {
    const stored = JSON.parse(window.localStorage.getItem(key) ?? 'null') as { shape: string; positions: [string, StudioPosition][] } | null
    if (stored?.shape === shape) return new Map(stored.positions)
  } catch (err) {
    console.warn('Studio: the remembered layout could not be read; laying the map out again.', err)
  }
  const laid = await layeredLayout(nodeIds, edges)
  try {
    window.localStorage.setItem(key, JSON.stringify({ shape, positions: [...laid] }))
  } catch (err) {
    console.warn('Studio: the layout could not be remembered (browser storage refused it).', err)
  }
  return laid
}
