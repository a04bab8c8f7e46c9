import type { CollectionConfig, EditConfig, Plugin } from 'payload'

import { storyDraftBundleEndpoint, storyStudioEndpoint } from '@/endpoints/storyStudio'
import { editedByField, refuseStaleDelete, refuseStaleUpdate } from '@/hooks/refuseStaleWrite'
import type { StoryContentCollections } from '@/plugins/stories'

/** The collections the Studio works on (their slugs): its tab and endpoints on stories, stale-write refusal on nodes and choices. */
export type StudioCollections = Pick<StoryContentCollections, 'stories' | 'nodes' | 'choices'>

/** Payload's table of a collection (no `dbName` set): its slug in snake case (`story-nodes` -> `story_nodes`). */
const tableOf = (slug: string): string => slug.replace(/-/g, '_')

/**
 * The Story Studio: a "Studio" tab in every story's edit view (`/admin/collections/stories/<id>/studio`,
 * src/components/studio/) and the two staff endpoints it reads: `GET /api/stories/:id/studio` (the
 * whole map in one request) and `GET /api/stories/:id/draft-bundle?locale=` (play-test of a draft).
 * Every write the Studio makes goes through Payload's own REST API with the editor's credentials;
 * nodes and choices refuse a write over a newer version (`X-Expected-Updated-At`, 409 naming who
 * saved last, kept in `editedBy`).
 */
export const studioPlugin = (studio: StudioCollections): Plugin => (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => {
    if (collection.slug === studio.nodes || collection.slug === studio.choices) {
      const what = collection.slug === studio.nodes ? 'node' : 'choice'
      const table = tableOf(collection.slug)
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
    if (collection.slug !== studio.stories) return collection
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
