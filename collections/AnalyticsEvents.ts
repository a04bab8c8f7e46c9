import type { CollectionConfig } from 'payload'

import net from 'node:net'

import { isAdmin } from '@/access/isAdmin'
import { EVENT_TYPES, SLUGS } from '@/slugs'

export const AnalyticsEvents: CollectionConfig<'analytics-events'> = {
  slug: SLUGS.analyticsEvents,
  admin: { useAsTitle: 'eventType', defaultColumns: ['eventType', 'story', 'user', 'createdAt'], group: 'Listeners' },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
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
