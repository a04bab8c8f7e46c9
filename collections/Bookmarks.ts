import type { CollectionBeforeValidateHook, CollectionConfig } from 'payload'

import { adminOrListener } from '@/access/adminOrListener'
import { adminOrOwningListener } from '@/access/adminOrOwningListener'
import { isAdminField } from '@/access/isAdmin'
import { listenerUser } from '@/access/listenerUser'
import { listenerBookmarkEndpoints } from '@/endpoints/listenerBookmarks'
import { SLUGS } from '@/slugs'

/** A listener creating a bookmark through REST/GraphQL always creates its own. */
const ownedByCreatingListener: CollectionBeforeValidateHook = ({ data, operation, req }) => {
  const listener = listenerUser(req)
  if (operation === 'create' && listener && data) data.user = listener.id
  return data
}

export const Bookmarks: CollectionConfig<'bookmarks'> = {
  slug: SLUGS.bookmarks,
  admin: { defaultColumns: ['user', 'story', 'createdAt'], group: 'Listeners' },
  access: {
    read: adminOrOwningListener('user'),
    create: adminOrListener,
    update: adminOrOwningListener('user'),
    delete: adminOrOwningListener('user'),
  },
  endpoints: listenerBookmarkEndpoints,
  hooks: { beforeValidate: [ownedByCreatingListener] },
  indexes: [{ fields: ['user', 'story'], unique: true }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: SLUGS.users, required: true, index: true, access: { update: isAdminField } },
    { name: 'story', type: 'relationship', relationTo: SLUGS.stories, required: true, index: true, access: { update: isAdminField } },
    { name: 'notes', type: 'textarea', maxLength: 1000 },
  ],
}
