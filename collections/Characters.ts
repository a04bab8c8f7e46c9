import type { CollectionConfig, Field, TextFieldSingleValidation } from 'payload'

import { text } from 'payload/shared'

import { audioProvider } from '@/audio/providers/audioProvider'
import { CAST_MODELS, castSpeakersFor, duplicateCastLocales, isCastModel } from '@/domain/audio/speakers'
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
  const voices = audioProvider()
  return speakerAmong(value, args, voices.speakers(), `the ${voices.name} voices (${voices.model})`)
}

/** A cast entry's speaker: one its model has when it names a model, else one the configured voices have. */
const validCastSpeaker: TextFieldSingleValidation = (value, args) => {
  const model = (args.siblingData as { model?: unknown } | undefined)?.model
  if (!model || !isCastModel(model)) return validSpeaker(value, args)
  return speakerAmong(value, args, castSpeakersFor(model), model === 'local' ? 'the local voices' : `Sarvam ${model}`)
}

/** Payload's text checks, then one of `valid` (case-insensitive), else a message listing them. */
function speakerAmong(value: Parameters<TextFieldSingleValidation>[0], args: Parameters<TextFieldSingleValidation>[1], valid: string[], voices: string) {
  const base = text(value, args)
  if (base !== true || typeof value !== 'string' || value === '') return base
  if (valid.includes(value.trim().toLowerCase())) return true
  return `Unknown speaker "${value}" for ${voices}. Valid speakers: ${valid.join(', ')}`
}

/** Empty (every model) or one of CAST_MODELS. A text field: GraphQL enum names cannot hold "bulbul:v3". */
const validCastModel: TextFieldSingleValidation = (value, args) => {
  const base = text(value, args)
  if (base !== true || value === null || value === undefined || value === '') return base
  return isCastModel(value) ? true : `Unknown model "${String(value)}". Valid: ${CAST_MODELS.join(', ')}, or empty for every model`
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
    // speaker), and per model (CAST_MODELS). Lines in a locale listed here use its speaker for the
    // configured model, else its speaker for every model; every other locale uses bulbulSpeaker.
    // Changing an entry changes those lines' content keys: they are voiced again (AUTO_VOICE) and
    // their old audio leaves the bundle. Edited as one table per story (the story's Voice cast panel).
    name: 'voiceCast',
    type: 'array',
    access: structure,
    labels: { singular: 'Voice for a language', plural: 'Voice cast' },
    admin: {
      description: 'Speaker per language where it differs from the Bulbul speaker above; with a model, only when that model voices the story.',
      initCollapsed: true,
    },
    validate: (value: unknown) => {
      const twice = duplicateCastLocales(value as { locale?: string; model?: string | null }[] | null)
      return twice.length ? `Each language has one voice per model: ${twice.join(', ')} is listed more than once` : true
    },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'locale', type: 'select', required: true, options: localeOptions },
          {
            // Voices differ per model (bulbul:v3's shubh is not on v2): an entry for one model holds only
            // while that model voices the story; an entry without one holds for every model.
            name: 'model',
            type: 'text',
            maxLength: 20,
            validate: validCastModel,
            admin: { description: `${CAST_MODELS.join(', ')}; empty: every model` },
          },
          { name: 'speaker', type: 'text', required: true, maxLength: 50, validate: validCastSpeaker },
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
