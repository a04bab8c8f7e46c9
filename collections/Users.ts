import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { SLUGS } from '@/slugs'

/** Listeners (a child's device), identified by an anonymous id: the spec's users table. */
export const Users: CollectionConfig<'users'> = {
  slug: SLUGS.users,
  admin: { useAsTitle: 'anonymousId', defaultColumns: ['anonymousId', 'lastActive', 'createdAt'], group: 'Listeners' },
  // Closed to the public until the listener API opens it per listener.
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    { name: 'anonymousId', type: 'text', required: true, unique: true, maxLength: 64 },
    { name: 'lastActive', type: 'date', index: true, defaultValue: () => new Date().toISOString() },
    { name: 'preferences', type: 'json', defaultValue: {} },
    { name: 'metadata', type: 'json', defaultValue: {} },
  ],
}
