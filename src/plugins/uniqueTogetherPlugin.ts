import type { Plugin } from 'payload'

import { uniqueTogether } from '@/hooks/uniqueTogether'

/** Every compound unique index a collection declares gets a field-named 400 on violation. */
export const uniqueTogetherPlugin: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => {
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
