import type { Plugin } from 'payload'

import { graphqlLocaleFallback } from '@/hooks/graphqlLocaleFallback'

/** Gives every collection the same per-locale fallback through GraphQL as through REST. */
export const localeFallbackPlugin: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [...(collection.hooks?.beforeOperation ?? []), graphqlLocaleFallback],
    },
  })),
})
