import type { CollectionConfig } from 'payload'

import { readOwnLocalesTranslation } from '@/access/translationAccess'
import { localeOptions } from '@/fields/localeOptions'
import { SLUGS } from '@/slugs'

const nobody = () => false

export const TRANSLATION_ACTIONS = ['saved', 'machine', 'approved', 'unapproved', 'cleared', 'publication'] as const

/**
 * The history of every change of translation state: who, when, from what to what, per unit (or
 * per locale for publication changes). Append-only, written by the translation service.
 */
export const TranslationEvents: CollectionConfig<'translation-events'> = {
  slug: SLUGS.translationEvents,
  admin: {
    useAsTitle: 'unitId',
    defaultColumns: ['createdAt', 'unitId', 'locale', 'action', 'fromStatus', 'toStatus', 'by'],
    group: 'Translation',
    description: 'Who changed which translation when: read-only.',
  },
  defaultSort: '-createdAt',
  access: { read: readOwnLocalesTranslation, create: nobody, update: nobody, delete: nobody },
  custom: { systemWritten: true },
  indexes: [{ fields: ['unitId', 'locale'] }, { fields: ['story', 'locale'] }],
  fields: [
    { name: 'story', type: 'relationship', relationTo: SLUGS.stories, required: true, index: true, admin: { readOnly: true } },
    { name: 'unitId', type: 'text', maxLength: 100, admin: { readOnly: true, description: 'Empty for changes of the whole locale.' } },
    { name: 'locale', type: 'select', required: true, options: localeOptions, admin: { readOnly: true } },
    { name: 'action', type: 'select', required: true, options: TRANSLATION_ACTIONS.map((a) => ({ label: a, value: a })), admin: { readOnly: true } },
    { name: 'fromStatus', type: 'text', maxLength: 20, admin: { readOnly: true } },
    { name: 'toStatus', type: 'text', maxLength: 20, admin: { readOnly: true } },
    { name: 'by', type: 'relationship', relationTo: SLUGS.editors, admin: { readOnly: true } },
  ],
}
