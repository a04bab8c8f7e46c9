import type { Access, Where } from 'payload'

import { staffUser } from '@/access/roles'

/**
 * Read access for story content: staff read everything; the public reads only what belongs to an
 * active story. `path` is where the story's `isActive` flag lives relative to the document.
 */
export function readIfStoryActive(path: 'isActive' | 'story.isActive'): Access {
  return ({ req }) => {
    if (staffUser(req)) return true
    const where: Where = { [path]: { equals: true } }
    return where
  }
}
