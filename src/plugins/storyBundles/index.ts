import type { Config, Plugin } from 'payload'

import { storyBundleQuery } from '@/graphql/storyBundleQuery'
import { startBundleListener } from '@/services/bundleCache'

/**
 * Story bundle delivery: the `StoryBundle` GraphQL query, and the LISTEN/NOTIFY connection that
 * keeps every process's bundle cache exact (started at init). Keeps the config's own GraphQL
 * queries and onInit.
 */
export const storyBundlesPlugin: Plugin = (config: Config): Config => {
  const previousQueries = config.graphQL?.queries
  const previousInit = config.onInit
  return {
    ...config,
    graphQL: {
      ...config.graphQL,
      queries: (graphQL, context) => ({ ...(previousQueries?.(graphQL, context) ?? {}), ...storyBundleQuery(graphQL, context) }),
    },
    onInit: async (payload) => {
      if (previousInit) await previousInit(payload)
      await startBundleListener(payload)
    },
  }
}
