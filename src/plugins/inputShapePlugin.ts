import type { Plugin } from 'payload'

import { rejectMalformedInput } from '@/hooks/rejectMalformedInput'

/** Every collection refuses data of the wrong shape first (see rejectMalformedInput). */
export const inputShapePlugin: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [rejectMalformedInput, ...(collection.hooks?.beforeOperation ?? [])] },
  })),
})
