import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { isStaff } from '@/access/isStaff'
import { localeOptions } from '@/fields/localeOptions'
import { ROLES } from '@/access/roles'
import { requireSetupTokenForFirstUser } from '@/hooks/requireSetupTokenForFirstUser'
import { settings } from '@/settings'
import { SLUGS } from '@/slugs'

/** Staff who sign in to the admin: admins, editors and translators (each with their locales). */
export const Editors: CollectionConfig<'editors'> = {
  slug: SLUGS.editors,
  auth: { tokenExpiration: 60 * 60 * 12, useAPIKey: false, cookies: { secure: settings().http.secureCookies, sameSite: 'Lax' } },
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'role', 'assignedLocales'], group: 'Admin' },
  // Only admins unlock: a translator must not unlock the admin for more password guesses, nor probe e-mails.
  access: { read: isAdminOrSelf, create: isAdmin, update: isAdminOrSelf, delete: isAdmin, admin: isStaff, unlock: isAdmin },
  hooks: { beforeOperation: [requireSetupTokenForFirstUser as CollectionBeforeOperationHook<'editors'>] },
  fields: [
    {
      // Only on the "create first user" screen (nobody signed in); never stored.
      name: 'setupToken',
      type: 'text',
      virtual: true,
      admin: {
        condition: (_data, _sibling, { user }) => !user,
        description: 'The one-time setup token printed by npm start (or ADMIN_SETUP_TOKEN).',
      },
    },
    { name: 'name', type: 'text' },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'editor',
      saveToJWT: true,
      options: ROLES.map((r) => ({ label: r[0]!.toUpperCase() + r.slice(1), value: r })),
      access: { update: isAdminField, create: isAdminField },
    },
    {
      name: 'assignedLocales',
      type: 'select',
      hasMany: true,
      saveToJWT: true,
      options: localeOptions,
      access: { update: isAdminField, create: isAdminField },
      admin: { description: 'Languages a translator may edit.', condition: (data) => data?.role === 'translator' },
    },
    {
      name: 'reviewer',
      type: 'checkbox',
      defaultValue: false,
      saveToJWT: true,
      access: { update: isAdminField, create: isAdminField },
      admin: {
        description: 'May approve translations in their languages (editors always may).',
        condition: (data) => data?.role === 'translator',
      },
    },
  ],
}
