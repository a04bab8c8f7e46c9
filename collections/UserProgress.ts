import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { SLUGS } from '@/slugs'

export const UserProgress: CollectionConfig<'user-progress'> = {
  slug: SLUGS.userProgress,
  admin: { defaultColumns: ['user', 'story', 'completionPercentage', 'isCompleted', 'lastPlayedAt'], group: 'Listeners' },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  indexes: [{ fields: ['user', 'story'], unique: true }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: SLUGS.users, required: true, index: true },
    { name: 'story', type: 'relationship', relationTo: SLUGS.stories, required: true, index: true },
    { name: 'currentNode', type: 'relationship', relationTo: SLUGS.storyNodes },
    { name: 'choicesMade', type: 'json', defaultValue: [] },
    { name: 'isCompleted', type: 'checkbox', defaultValue: false },
    { name: 'completionPercentage', type: 'number', min: 0, max: 100, defaultValue: 0 },
    { name: 'playCount', type: 'number', min: 0, defaultValue: 0 },
    { name: 'totalTimeSec', type: 'number', min: 0, defaultValue: 0 },
    { name: 'lastPlayedAt', type: 'date' },
  ],
}
