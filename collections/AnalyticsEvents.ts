import type { CollectionConfig } from 'payload'

import net from 'node:net'

import { adminOrOwningListener } from '@/access/adminOrOwningListener'
import { nobody } from '@/access/nobody'
import { analyticsDashboardEndpoint } from '@/endpoints/analyticsDashboard'
import { EVENT_TYPES } from '@/domain/listener/analyticsBatch'
import { SLUGS } from '@/slugs'

/**
 * Listening events. Apps write them in batches at POST /api/analytics/events (one multi-row
 * INSERT, src/listener/analytics.ts), never through this collection's REST/GraphQL create.
 * Admins read everything (read-only); a listener may read its own events.
 *
 * The table is partitioned by month on created_at (see the listener_api migration), so its
 * primary key is (id, created_at) and nothing may reference it by id alone: document locking,
 * which would, is off.
 */
export const AnalyticsEvents: CollectionConfig<'analytics-events'> = {
  slug: SLUGS.analyticsEvents,
  admin: {
    useAsTitle: 'eventType',
    defaultColumns: ['eventType', 'story', 'user', 'createdAt'],
    group: 'Listeners',
    components: { beforeList: ['@/components/listener/ListenerDashboard#ListenerDashboard'] },
  },
  access: { read: adminOrOwningListener('user'), create: nobody, update: nobody, delete: nobody },
  lockDocuments: false,
  endpoints: [analyticsDashboardEndpoint],
  fields: [
    { name: 'user', type: 'relationship', relationTo: SLUGS.users, index: true },
    { name: 'story', type: 'relationship', relationTo: SLUGS.stories, index: true },
    { name: 'node', type: 'relationship', relationTo: SLUGS.storyNodes },
    { name: 'eventType', type: 'select', required: true, index: true, options: [...EVENT_TYPES] },
    { name: 'eventData', type: 'json', defaultValue: {} },
    { name: 'sessionId', type: 'text', maxLength: 100, index: true },
    {
      // Stored in a Postgres `inet` column (see migrations).
      name: 'ipAddress',
      type: 'text',
      validate: (value: unknown) =>
        value === null || value === undefined || value === '' || (typeof value === 'string' && net.isIP(value) !== 0)
          ? true
          : 'Must be an IPv4 or IPv6 address.',
    },
    { name: 'userAgent', type: 'textarea' },
  ],
}
