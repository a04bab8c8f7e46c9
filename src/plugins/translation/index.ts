import type { CollectionConfig, Field, Plugin } from 'payload'

import '@/translation/context'

import { TranslationEvents } from '@collections/TranslationEvents'
import { TranslationStates } from '@collections/TranslationStates'
import type { UnitCollection } from '@/domain/translation/units'
import type { StoryContentCollections } from '@/plugins/stories'
import { translationDashboardEndpoint } from '@/translation/dashboard'
import { translationEndpoints } from '@/translation/endpoints'
import { recordTranslationState } from '@/translation/states'

/**
 * What kind of translation unit (src/domain/translation/units.ts) each translated collection's
 * texts are. The units' ids and the states' queries (src/translation/states.ts) name the kinds and
 * their tables, so the collections given are those of story content.
 */
const UNIT_OF: Record<keyof StoryContentCollections, UnitCollection> = { stories: 'stories', characters: 'characters', nodes: 'story-nodes', choices: 'story-choices' }

/**
 * Translation workflow: per unit per locale states and the review history (its two collections), the
 * translation endpoints and links on the `translated` stories, and the hook that records every save
 * of a translated text on each `translated` collection, with its localized texts shown beside their
 * source. The state hook runs first in afterChange, before the bundle recompile reads the states.
 */
export const translationPlugin = (translated: StoryContentCollections): Plugin => (config) => ({
  ...config,
  admin: {
    ...config.admin,
    components: {
      ...config.admin?.components,
      // The translator's landing page: the admin home shows stories x their languages.
      beforeDashboard: [...(config.admin?.components?.beforeDashboard ?? []), '@/components/translation/TranslationDashboard#TranslationDashboard'],
      views: {
        ...config.admin?.components?.views,
        translationWorkspace: {
          Component: '@/components/translation/WorkspaceView#WorkspaceView',
          path: '/translate/:storyId/:locale',
        },
      },
    },
  },
  endpoints: [...(config.endpoints ?? []), translationDashboardEndpoint],
  collections: [
    ...(config.collections ?? []).map((collection): CollectionConfig => {
      const unit = unitOf(translated, collection.slug)
      if (!unit) return collection
      const withHook: CollectionConfig = {
        ...collection,
        fields: collection.fields.map((f) => withSourceBeside(f)),
        hooks: {
          ...collection.hooks,
          afterChange: [recordTranslationState(unit), ...(collection.hooks?.afterChange ?? [])],
        },
      }
      if (collection.slug === translated.stories) {
        withHook.endpoints = [...(collection.endpoints || []), ...translationEndpoints]
        withHook.fields = [
          { name: 'translationLinks', type: 'ui', admin: { components: { Field: '@/components/translation/StoryTranslationLinks#StoryTranslationLinks' } } },
          ...withHook.fields,
        ]
      }
      return withHook
    }),
    TranslationStates,
    TranslationEvents,
  ],
})

/** The unit kind of a collection's texts, or null when it is not one of the `translated`. */
function unitOf(translated: StoryContentCollections, slug: string): UnitCollection | null {
  const role = (Object.keys(UNIT_OF) as (keyof StoryContentCollections)[]).find((r) => translated[r] === slug)
  return role ? UNIT_OF[role] : null
}

/** Localized text fields (also inside rows) show their source-locale text above the input. */
function withSourceBeside(field: Field): Field {
  if (field.type === 'row') return { ...field, fields: field.fields.map(withSourceBeside) }
  if ((field.type === 'text' || field.type === 'textarea') && field.localized) {
    return {
      ...field,
      admin: {
        ...field.admin,
        components: {
          ...field.admin?.components,
          beforeInput: [
            ...(field.admin?.components?.beforeInput ?? []),
            { path: '@/components/translation/SourceBeside#SourceBeside', clientProps: { field: field.name } },
          ],
        },
      },
    } as Field
  }
  return field
}
