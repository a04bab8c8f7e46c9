import type { Plugin } from 'payload'

import { boundPublicReads } from '@/hooks/boundPublicReads'
import { rejectMalformedInput } from '@/hooks/rejectMalformedInput'

/**
 * Every collection refuses data of the wrong shape first (rejectMalformedInput), and unbounded
 * reads by the public and listeners (boundPublicReads).
 */
export const inputShapePlugin: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [rejectMalformedInput, boundPublicReads, ...(collection.hooks?.beforeOperation ?? [])] },
  })),
})
