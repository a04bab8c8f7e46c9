import type { CollectionConfig } from 'payload'

import { adminOrOwningListener } from '@/access/adminOrOwningListener'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { nobodyField } from '@/access/nobody'
import { owningListener } from '@/access/owningListener'
import { preferencesSchema } from '@/domain/listener/schemas'
import { listenerIdentityEndpoints } from '@/endpoints/listenerIdentity'
import { listenerStrategy } from '@/listener/strategy'
import { SLUGS } from '@/slugs'

/**
 * Listeners (a child's device), identified by an anonymous id: the spec's users table. An auth
 * collection without e-mail or password: a device signs in at POST /api/users/anonymous and sends
 * `Authorization: Bearer <listener token>` afterwards. A listener sees and changes only itself
 * (a Where on id), and of itself only its preferences; admins read every listener.
 */
export const Users: CollectionConfig<'users'> = {
  slug: SLUGS.users,
  auth: { disableLocalStrategy: true, strategies: [listenerStrategy] },
  admin: { useAsTitle: 'anonymousId', defaultColumns: ['anonymousId', 'lastActive', 'createdAt'], group: 'Listeners' },
  access: {
    read: adminOrOwningListener('id'),
    create: isAdmin,
    update: owningListener('id'),
    delete: adminOrOwningListener('id'),
  },
  endpoints: listenerIdentityEndpoints,
  fields: [
    { name: 'anonymousId', type: 'text', required: true, unique: true, maxLength: 64, access: { update: nobodyField } },
    { name: 'lastActive', type: 'date', index: true, defaultValue: () => new Date().toISOString(), access: { update: nobodyField } },
    {
      name: 'preferences',
      type: 'json',
      defaultValue: {},
      validate: (value: unknown) => {
        const result = preferencesSchema.safeParse(value ?? {})
        return result.success ? true : result.error.issues.map((i) => `${i.path.join('.') || 'preferences'}: ${i.message}`).join('; ')
      },
    },
    { name: 'metadata', type: 'json', defaultValue: {}, access: { update: isAdminField } },
  ],
}
