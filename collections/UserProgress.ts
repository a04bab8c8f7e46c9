import type { CollectionConfig } from 'payload'

import { adminOrOwningListener } from '@/access/adminOrOwningListener'
import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'
import { owningListener } from '@/access/owningListener'
import { SLUGS } from '@/slugs'

/**
 * A listener's place in a story. Written only by the progress endpoints (the story engine decides
 * every move, see src/listener/progress.ts); through REST and GraphQL a listener reads and
 * deletes (resets) only its own rows, and admins read everything. Admins may still create rows
 * through the API (support tooling); nobody edits them there.
 */
export const UserProgress: CollectionConfig<'user-progress'> = {
  slug: SLUGS.userProgress,
  admin: { defaultColumns: ['user', 'story', 'completionPercentage', 'isCompleted', 'lastPlayedAt'], group: 'Listeners' },
  access: {
    read: adminOrOwningListener('user'),
    create: isAdmin,
    update: nobody,
    delete: owningListener('user'),
  },
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
    {
      // The story engine's versioned state (src/domain/story/player.ts ListenState): the path
      // travelled, which completion needs, and the bundle version it belongs to.
      name: 'listenState',
      type: 'json',
      admin: { readOnly: true, description: 'Story engine state (path travelled, bundle version).' },
    },
  ],
}
