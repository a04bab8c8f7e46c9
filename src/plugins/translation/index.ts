import type { CollectionConfig, Field, Plugin } from 'payload'

import '@/translation/context'

import { TranslationEvents } from '@collections/TranslationEvents'
import { TranslationStates } from '@collections/TranslationStates'
import type { UnitCollection } from '@/domain/translation/units'
import { translationDashboardEndpoint } from '@/translation/dashboard'
import { translationEndpoints } from '@/translation/endpoints'
import { recordTranslationState } from '@/translation/states'

const TRANSLATED: UnitCollection[] = ['stories', 'characters', 'story-nodes', 'story-choices']

/**
 * Translation workflow: per unit per locale states and the review history (its two collections), the
 * translation endpoints on stories, and the hook that records every save of a translated text.
 * The state hook runs first in afterChange, before the bundle recompile reads the states.
 */
export const translationPlugin: Plugin = (config) => ({
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
      if (!TRANSLATED.includes(collection.slug as UnitCollection)) return collection
      const withHook: CollectionConfig = {
        ...collection,
        fields: collection.fields.map((f) => withSourceBeside(f)),
        hooks: {
          ...collection.hooks,
          afterChange: [recordTranslationState(collection.slug as UnitCollection), ...(collection.hooks?.afterChange ?? [])],
        },
      }
      if (collection.slug === 'stories') {
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
