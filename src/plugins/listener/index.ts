import type { Config, Plugin } from 'payload'

import { AnalyticsEvents } from '@collections/AnalyticsEvents'
import { Bookmarks } from '@collections/Bookmarks'
import { UserProgress } from '@collections/UserProgress'
import { Users } from '@collections/Users'
import { startAnalyticsPartitionJob } from '@/listener/analytics'

/**
 * The listener API: listeners (a child's device), their progress, bookmarks and analytics events,
 * and the server-side job that keeps analytics_events' monthly partitions ahead of time. Wraps the
 * config's onInit without replacing it.
 */
export const listenerPlugin: Plugin = (config: Config): Config => {
  const previous = config.onInit
  return {
    ...config,
    collections: [...(config.collections ?? []), Users, UserProgress, Bookmarks, AnalyticsEvents],
    onInit: async (payload) => {
      if (previous) await previous(payload)
      startAnalyticsPartitionJob(payload)
    },
  }
}
