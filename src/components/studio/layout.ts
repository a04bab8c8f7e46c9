import ELK from 'elkjs/lib/elk.bundled.js'

import type { StudioPosition } from '@/domain/story/studioMap'

export const CARD_WIDTH = 240
export const CARD_HEIGHT = 112

let elk: InstanceType<typeof ELK> | null = null

/**
 * Layered left-to-right layout of the map (elkjs, the Eclipse Layout Kernel's layered algorithm):
 * positions for every node id, edges crossing as little as elk manages.
 */
export async function layeredLayout(nodeIds: string[], edges: { id: string; source: string; target: string }[]): Promise<Map<string, StudioPosition>> {
  elk ??= new ELK()
  const ids = new Set(nodeIds)
  const result = await elk.layout({
    id: 'story',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.layered.spacing.edgeNodeBetweenLayers': '30',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
    },
    children: nodeIds.map((id) => ({ id, width: CARD_WIDTH, height: CARD_HEIGHT })),
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  })
  return new Map((result.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]))
}
