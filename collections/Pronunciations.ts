import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { ValidationError } from 'payload'

import { isStaff } from '@/access/isStaff'
import { ALL_LOCALES, createPronunciation, editorOrTranslatorOfEntryLocale } from '@/access/pronunciationAccess'
import { staffUser } from '@/access/roles'
import { LOCALES } from '@/locales'
import { SLUGS } from '@/slugs'

/**
 * A translator may not move an entry into a locale that is not theirs (update access only checked
 * the row as it was).
 */
const keepTranslatorInTheirLocales: CollectionBeforeChangeHook = ({ data, req, originalDoc }) => {
  const user = staffUser(req)
  if (user?.role !== 'translator') return data
  const locale = (data?.locale ?? originalDoc?.locale) as string | undefined
  if (!locale || !(user.assignedLocales ?? []).includes(locale)) {
    throw new ValidationError({
      collection: SLUGS.pronunciations,
      errors: [{ path: 'locale', message: `Translators may only keep entries for their locales (${(user.assignedLocales ?? []).join(', ') || 'none'})` }],
    })
  }
  return data
}

/**
 * The pronunciation lexicon: how to say a term (a name, an abbreviation, a borrowed word) in one
 * locale or all. Applied to every line before synthesis, whole words only, in every script (see
 * src/domain/audio/lexicon.ts); the entries a line uses are part of its content key, so changing
 * an entry regenerates exactly the lines that contain its term.
 */
export const Pronunciations: CollectionConfig<'pronunciations'> = {
  slug: SLUGS.pronunciations,
  admin: { useAsTitle: 'term', defaultColumns: ['term', 'locale', 'spoken', 'note'], group: 'Audio' },
  access: {
    read: isStaff,
    create: createPronunciation,
    update: editorOrTranslatorOfEntryLocale,
    delete: editorOrTranslatorOfEntryLocale,
  },
  indexes: [{ fields: ['term', 'locale'], unique: true }],
  hooks: { beforeChange: [keepTranslatorInTheirLocales] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'term', type: 'text', required: true, maxLength: 100, admin: { description: 'As written in the story, e.g. Chintu, डॉ.' } },
        {
          name: 'locale',
          type: 'select',
          required: true,
          defaultValue: ALL_LOCALES,
          index: true,
          options: [{ label: 'All languages', value: ALL_LOCALES }, ...LOCALES.map((l) => ({ label: `${l.label} (${l.code})`, value: l.code }))],
        },
      ],
    },
    { name: 'spoken', type: 'text', required: true, maxLength: 200, admin: { description: 'How the voice should say it, e.g. चिंटू, डॉक्टर' } },
    { name: 'note', type: 'textarea', maxLength: 1000 },
  ],
}
