import type { CollectionConfig, Field, TextFieldSingleValidation } from 'payload'

import { text } from 'payload/shared'

import { audioProvider } from '@/audio/providers/audioProvider'
import { duplicateCastLocales } from '@/domain/audio/speakers'
import { localeOptions } from '@/fields/localeOptions'

import { isEditor, isEditorField } from '@/access/isEditor'
import { readIfStoryActive } from '@/access/readIfStoryActive'
import { editorOrTranslatorForLocale } from '@/access/translatorForLocale'
import { recompileAfterChange, recompileAfterDelete } from '@/hooks/recompileStoryBundles'
import { rejectTranslatorStructureChange } from '@/hooks/rejectTranslatorStructureChange'
import { mediaUrl } from '@/services/mediaUrl'
import { SLUGS } from '@/slugs'

const structure = { update: isEditorField }

/**
 * A speaker the configured voices have (the Sarvam model's, with the spec's names mapped; every
 * name for the local voices), else a 400 that lists the valid ones: a cast is refused at save, not
 * when its lines fail to voice.
 */
const validSpeaker: TextFieldSingleValidation = (value, args) => {
  const base = text(value, args)
  if (base !== true || typeof value !== 'string' || value === '') return base
  const voices = audioProvider()
  const valid = voices.speakers()
  if (valid.includes(value.trim().toLowerCase())) return true
  return `Unknown speaker "${value}" for the ${voices.name} voices (${voices.model}). Valid speakers: ${valid.join(', ')}`
}

const fields: Field[] = [
  { name: 'story', type: 'relationship', relationTo: SLUGS.stories, required: true, index: true, access: structure },
  {
    type: 'row',
    fields: [
      { name: 'slug', type: 'text', required: true, maxLength: 50, access: structure, admin: { description: 'e.g. narrator, crow' } },
      { name: 'name', type: 'text', required: true, localized: true, maxLength: 100 },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'voiceProfile', type: 'text', required: true, maxLength: 50, access: structure, admin: { description: 'e.g. warm_elderly' } },
      {
        name: 'bulbulSpeaker',
        type: 'text',
        required: true,
        maxLength: 50,
        index: true,
        access: structure,
        admin: { description: 'Sarvam Bulbul speaker, e.g. meera' },
        validate: validSpeaker,
      },
      { name: 'displayOrder', type: 'number', defaultValue: 0, access: structure },
    ],
  },
  {
    // The voice cast: a character may sound different per language (a Tamil crow voiced by a Tamil
    // speaker). Lines in a locale listed here use its speaker; every other locale uses bulbulSpeaker.
    // Changing an entry changes those lines' content keys: they are voiced again (AUTO_VOICE) and
    // their old audio leaves the bundle. Edited as one table per story (the story's Voice cast panel).
    name: 'voiceCast',
    type: 'array',
    access: structure,
    labels: { singular: 'Voice for a language', plural: 'Voice cast' },
    admin: { description: 'Speaker per language where it differs from the Bulbul speaker above.', initCollapsed: true },
    validate: (value: unknown) => {
      const twice = duplicateCastLocales(value as { locale?: string }[] | null)
      return twice.length ? `Each language has one voice: ${twice.join(', ')} is listed more than once` : true
    },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'locale', type: 'select', required: true, options: localeOptions },
          { name: 'speaker', type: 'text', required: true, maxLength: 50, validate: validSpeaker },
        ],
      },
    ],
  },
  { name: 'description', type: 'textarea', localized: true },
  { name: 'avatar', type: 'upload', relationTo: SLUGS.media, access: structure },
  { name: 'avatarUrl', type: 'text', maxLength: 500, access: structure, admin: { readOnly: true } },
]

export const Characters: CollectionConfig<'characters'> = {
  slug: SLUGS.characters,
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'story', 'bulbulSpeaker', 'displayOrder'], group: 'Stories' },
  access: {
    read: readIfStoryActive('story.isActive'),
    create: isEditor,
    update: editorOrTranslatorForLocale,
    delete: isEditor,
  },
  indexes: [{ fields: ['story', 'slug'], unique: true }],
  hooks: {
    beforeOperation: [rejectTranslatorStructureChange(fields)],
    afterChange: [recompileAfterChange()],
    afterDelete: [recompileAfterDelete()],
    beforeChange: [
      async ({ data, req }) => {
        if (data && 'avatar' in data) data.avatarUrl = await mediaUrl(req, data.avatar)
        return data
      },
    ],
  },
  fields,
}
