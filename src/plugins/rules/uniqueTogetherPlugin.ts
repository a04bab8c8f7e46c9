import type { Plugin } from 'payload'

import { uniqueTogether } from '@/hooks/uniqueTogether'

/**
 * Every compound unique index a collection declares gets a field-named 400 on violation, unless the
 * collection is written only by the system (`custom.systemWritten`), where the index alone suffices.
 */
export const uniqueTogetherPlugin: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => {
    if (collection.custom?.systemWritten) return collection
    const hooks = (collection.indexes ?? [])
      .filter((index) => index.unique && index.fields.length > 1)
      .map((index) => uniqueTogether(collection.slug, index.fields))
    if (!hooks.length) return collection
    return {
      ...collection,
      hooks: { ...collection.hooks, beforeValidate: [...(collection.hooks?.beforeValidate ?? []), ...hooks] },
    }
  }),
})
