import type { CollectionBeforeChangeHook } from 'payload'

import { idOf } from '@/db/idOf'
import { SLUGS } from '@/slugs'

type Ref = string | { id: string } | null | undefined

/**
 * Keeps a node-owned document's `story` (choices, audio files) equal to its node's story, so
 * access rules and bundle loading filter by story in one indexed condition.
 */
export const deriveStoryFromNode: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const nodeId = idOf((data.node ?? originalDoc?.node) as Ref)
  if (nodeId && (!originalDoc || data.node !== undefined)) {
    const node = await req.payload.findByID({ collection: SLUGS.storyNodes, id: nodeId, depth: 0, req, joins: false })
    data.story = idOf(node.story as Ref)
  }
  return data
}
