import type { CollectionConfig, EditConfig, Plugin } from 'payload'

import { storyDraftBundleEndpoint, storyStudioEndpoint } from '@/endpoints/storyStudio'
import { editedByField, refuseStaleDelete, refuseStaleUpdate } from '@/hooks/refuseStaleWrite'
import { SLUGS } from '@/slugs'

/**
 * The Story Studio: a "Studio" tab in every story's edit view (`/admin/collections/stories/<id>/studio`,
 * src/components/studio/) and the two staff endpoints it reads: `GET /api/stories/:id/studio` (the
 * whole map in one request) and `GET /api/stories/:id/draft-bundle?locale=` (play-test of a draft).
 * Every write the Studio makes goes through Payload's own REST API with the editor's credentials;
 * nodes and choices refuse a write over a newer version (`X-Expected-Updated-At`, 409 naming who
 * saved last, kept in `editedBy`).
 */
export const studioPlugin: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => {
    if (collection.slug === SLUGS.storyNodes || collection.slug === SLUGS.storyChoices) {
      const what = collection.slug === SLUGS.storyNodes ? 'node' : 'choice'
      const table = collection.slug === SLUGS.storyNodes ? 'story_nodes' : 'story_choices'
      return {
        ...collection,
        fields: [...collection.fields, editedByField],
        hooks: {
          ...collection.hooks,
          beforeChange: [...(collection.hooks?.beforeChange ?? []), refuseStaleUpdate(what, table)],
          beforeDelete: [...(collection.hooks?.beforeDelete ?? []), refuseStaleDelete(what, table)],
        },
      }
    }
    if (collection.slug !== SLUGS.stories) return collection
    const admin = collection.admin ?? {}
    const views = admin.components?.views ?? {}
    const edit = {
      ...views.edit,
      studio: {
        Component: '@/components/studio/StudioView#StudioView',
        path: '/studio',
        tab: { label: 'Studio', href: '/studio', order: 150 },
      },
    } as EditConfig
    const withStudio: CollectionConfig = {
      ...collection,
      admin: {
        ...admin,
        components: {
          ...admin.components,
          views: {
            ...views,
            edit,
          },
        },
      },
      endpoints: [...(Array.isArray(collection.endpoints) ? collection.endpoints : []), storyStudioEndpoint, storyDraftBundleEndpoint],
    }
    return withStudio
  }),
})
