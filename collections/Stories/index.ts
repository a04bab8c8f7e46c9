import type { CollectionConfig, Field } from 'payload'

import { editorOrTranslatorForLocale } from '@/access/translatorForLocale'
import { isEditor, isEditorField } from '@/access/isEditor'
import { readIfStoryActive } from '@/access/readIfStoryActive'
import { recompileAfterChange } from '@/hooks/recompileStoryBundles'
import { rejectTranslatorStructureChange } from '@/hooks/rejectTranslatorStructureChange'
import { validateStoryEndpoint } from '@/endpoints/validateStory'
import { localeOptions } from '@/fields/localeOptions'
import { DEFAULT_LOCALE } from '@/locales'
import { SLUGS } from '@/slugs'

import { deriveCoverImageUrl } from './hooks/deriveCoverImageUrl'
import { retractBundlesAfterDelete } from './hooks/retractBundlesAfterDelete'
import { validateBeforeActivation } from './hooks/validateBeforeActivation'

const structure = { update: isEditorField }

const fields: Field[] = [
  {
    name: 'validation',
    type: 'ui',
    admin: { components: { Field: '@/components/StoryValidationPanel#StoryValidationPanel' } },
  },
  {
    name: 'slug',
    type: 'text',
    required: true,
    unique: true,
    maxLength: 100,
    access: structure,
    admin: { position: 'sidebar', description: 'URL name, e.g. clever-crow (lowercase letters, digits, hyphens).' },
    validate: (value: unknown) =>
      typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
        ? true
        : 'Use lowercase letters, digits and single hyphens, e.g. clever-crow.',
  },
  { name: 'title', type: 'text', required: true, localized: true, maxLength: 200 },
  { name: 'description', type: 'textarea', localized: true },
  { name: 'moral', type: 'textarea', localized: true },
  {
    type: 'row',
    fields: [
      { name: 'ageRange', type: 'text', required: true, maxLength: 20, index: true, access: structure, admin: { description: "e.g. '4-6', '7-10'" } },
      { name: 'region', type: 'text', required: true, maxLength: 50, index: true, access: structure, admin: { description: "e.g. 'pan-indian', 'bengali', 'tamil'" } },
      { name: 'durationMin', type: 'number', min: 0, max: 600, access: structure, admin: { step: 1 }, validate: integerOrEmpty },
    ],
  },
  { name: 'cover', type: 'upload', relationTo: SLUGS.media, access: structure },
  {
    name: 'coverImage',
    type: 'text',
    maxLength: 500,
    access: structure,
    admin: { readOnly: true, description: 'Public URL of the cover (set from the upload).' },
  },
  { name: 'isActive', type: 'checkbox', defaultValue: true, access: structure, admin: { position: 'sidebar' } },
  {
    name: 'sourceLocale',
    type: 'select',
    defaultValue: DEFAULT_LOCALE,
    options: localeOptions,
    access: structure,
    admin: {
      position: 'sidebar',
      description: 'The language the story is written in; every other language is translated from it (hi-mixed from hi).',
    },
  },
  {
    name: 'translatorNotes',
    type: 'richText',
    access: structure,
    admin: { description: 'Notes for translators: tone, names not to translate, a small glossary.' },
  },
  {
    name: 'localeNotes',
    type: 'richText',
    localized: true,
    admin: { description: "Notes of this language's translators (switch the locale to edit another language's)." },
  },
  {
    name: 'characters',
    type: 'join',
    collection: SLUGS.characters,
    on: 'story',
    defaultSort: 'displayOrder',
    defaultLimit: 50,
  },
  {
    name: 'nodes',
    type: 'join',
    collection: SLUGS.storyNodes,
    on: 'story',
    defaultSort: 'displayOrder',
    defaultLimit: 200,
  },
]

function integerOrEmpty(value: unknown): true | string {
  return value === null || value === undefined || Number.isInteger(value) ? true : 'Must be a whole number.'
}

export const Stories: CollectionConfig<'stories'> = {
  slug: SLUGS.stories,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'ageRange', 'region', 'isActive', 'updatedAt'],
    group: 'Stories',
  },
  access: {
    read: readIfStoryActive('isActive'),
    create: isEditor,
    update: editorOrTranslatorForLocale,
    delete: isEditor,
  },
  endpoints: [validateStoryEndpoint],
  hooks: {
    beforeOperation: [rejectTranslatorStructureChange(fields)],
    beforeChange: [deriveCoverImageUrl, validateBeforeActivation],
    afterChange: [recompileAfterChange((doc) => doc.id as string)],
    afterDelete: [retractBundlesAfterDelete],
  },
  fields,
}
