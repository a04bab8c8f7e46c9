import type { CollectionBeforeOperationHook } from 'payload'

import { ValidationError } from 'payload'

import { staffUser } from '@/access/roles'
import { checkListBounds } from '@/domain/input/listBounds'

/**
 * Reads by the public and listeners (REST, GraphQL, and any Local API call with
 * overrideAccess: false) stay bounded: see checkListBounds. 400 naming the parameter.
 */
export const boundPublicReads: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'read') return args
  const read = args as { overrideAccess?: boolean; currentDepth?: number; limit?: unknown; pagination?: unknown; depth?: unknown; joins?: unknown }
  if (read.overrideAccess || staffUser(req)) return args
  // Payload populating relationships of a bounded read (its dataloader: by id, one level down).
  if (typeof read.currentDepth === 'number' && read.currentDepth > 0) return args
  const issues = checkListBounds(read)
  if (issues.length) {
    throw new ValidationError({ collection: collection.slug, errors: issues.map((i) => ({ path: i.path, message: `${i.path}: ${i.message}` })) }, req.t)
  }
  return args
}
