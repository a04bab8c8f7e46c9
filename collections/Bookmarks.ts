import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { SLUGS } from '@/slugs'

export const Bookmarks: CollectionConfig<'bookmarks'> = {
  slug: SLUGS.bookmarks,
  admin: { defaultColumns: ['user', 'story', 'createdAt'], group: 'Listeners' },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  indexes: [{ fields: ['user', 'story'], unique: true }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: SLUGS.users, required: true, index: true },
    { name: 'story', type: 'relationship', relationTo: SLUGS.stories, required: true, index: true },
    { name: 'notes', type: 'textarea', maxLength: 1000 },
  ],
}
