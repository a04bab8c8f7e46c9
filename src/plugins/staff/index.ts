import type { Plugin } from 'payload'

import { Editors } from '@collections/Editors'

/** Staff accounts (admins, editors, translators): the admin panel's users. */
export const staffPlugin: Plugin = (config) => ({
  ...config,
  admin: { ...config.admin, user: Editors.slug },
  collections: [...(config.collections ?? []), Editors],
})
