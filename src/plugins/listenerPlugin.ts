import type { Config, Plugin } from 'payload'

import { startAnalyticsPartitionJob } from '@/listener/analytics'

/**
 * The listener API's server-side jobs: keeps analytics_events' monthly partitions ahead of time.
 * Wraps the config's onInit without replacing it.
 */
export const listenerPlugin: Plugin = (config: Config): Config => {
  const previous = config.onInit
  return {
    ...config,
    onInit: async (payload) => {
      if (previous) await previous(payload)
      startAnalyticsPartitionJob(payload)
    },
  }
}
