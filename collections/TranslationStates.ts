import type { CollectionConfig } from 'payload'

import { readOwnLocalesTranslation } from '@/access/translationAccess'
import { localeOptions } from '@/fields/localeOptions'
import { STORED_STATUSES } from '@/domain/translation/status'
import { SLUGS } from '@/slugs'

const nobody = () => false

/**
 * Per translation unit per locale: its review status and the hash (and text) of the source it was
 * translated from, which is how a unit is known to be stale. Written by hooks and the translation
 * endpoints only; read-only through the API (translators read their locales').
 */
export const TranslationStates: CollectionConfig<'translation-states'> = {
  slug: SLUGS.translationStates,
  admin: {
    useAsTitle: 'unitId',
    defaultColumns: ['unitId', 'locale', 'status', 'updatedBy', 'updatedAt'],
    group: 'Translation',
    description: 'Status of each translated text (written by the translation workspace): read-only.',
  },
  access: { read: readOwnLocalesTranslation, create: nobody, update: nobody, delete: nobody },
  custom: { systemWritten: true },
  indexes: [{ fields: ['unitId', 'locale'], unique: true }, { fields: ['story', 'locale'] }],
  fields: [
    { name: 'story', type: 'relationship', relationTo: SLUGS.stories, required: true, index: true, admin: { readOnly: true } },
    { name: 'unitId', type: 'text', required: true, maxLength: 100, admin: { readOnly: true } },
    { name: 'locale', type: 'select', required: true, options: localeOptions, admin: { readOnly: true } },
    { name: 'status', type: 'select', required: true, options: STORED_STATUSES.map((s) => ({ label: s, value: s })), admin: { readOnly: true } },
    { name: 'sourceHash', type: 'text', maxLength: 64, admin: { readOnly: true } },
    { name: 'sourceText', type: 'textarea', admin: { readOnly: true } },
    { name: 'targetHash', type: 'text', maxLength: 64, admin: { readOnly: true } },
    { name: 'updatedBy', type: 'relationship', relationTo: SLUGS.editors, admin: { readOnly: true } },
  ],
}
