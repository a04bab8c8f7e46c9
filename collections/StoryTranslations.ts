import type { CollectionConfig } from 'payload'

import { readIfStoryActive } from '@/access/readIfStoryActive'
import { hasRole } from '@/access/roles'
import { PUBLICATION_STATES } from '@/domain/translation/status'
import { SLUGS } from '@/slugs'

const nobody = () => false

/**
 * The spec's story_translations: one row per (story, language), derived from the story's localized
 * fields and compiled content by hooks (never typed by editors), hence read-only through the API.
 */
export const StoryTranslations: CollectionConfig<'story-translations'> = {
  slug: SLUGS.storyTranslations,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'languageCode', 'story', 'isComplete', 'updatedAt'],
    group: 'Stories',
    description: 'Derived from each story and its nodes: read-only.',
  },
  access: { read: readIfStoryActive('story.isActive'), create: nobody, update: nobody, delete: nobody },
  custom: { systemWritten: true },
  indexes: [
    { fields: ['story', 'languageCode'], unique: true },
    // The bundle endpoint's one indexed read: (slug, locale) -> compiled bundle.
    { fields: ['storySlug', 'languageCode'], unique: true },
  ],
  fields: [
    { name: 'story', type: 'relationship', relationTo: SLUGS.stories, required: true, index: true, admin: { readOnly: true } },
    { name: 'languageCode', type: 'text', required: true, maxLength: 10, index: true, admin: { readOnly: true } },
    { name: 'title', type: 'text', required: true, maxLength: 200, admin: { readOnly: true } },
    { name: 'description', type: 'textarea', admin: { readOnly: true } },
    { name: 'contentJson', type: 'json', required: true, admin: { readOnly: true } },
    { name: 'isComplete', type: 'checkbox', defaultValue: false, admin: { readOnly: true } },
    { name: 'storySlug', type: 'text', maxLength: 100, admin: { readOnly: true, description: 'Copied from the story for the bundle endpoint.' } },
    { name: 'isPublished', type: 'checkbox', defaultValue: false, admin: { readOnly: true, description: 'The story is active.' } },
    { name: 'version', type: 'text', maxLength: 64, admin: { readOnly: true, description: 'Content hash of content_json (the bundle ETag).' } },
    { name: 'bundleUrl', type: 'text', maxLength: 500, admin: { readOnly: true, description: 'Immutable copy in object storage (only while the locale is live).' } },
    {
      // What the bundle's speakers and audio were chosen for. A process that starts with other voices
      // (TTS_PROVIDER, SARVAM_MODEL, AUDIO_NARRATOR_SPEAKER) recompiles such bundles (voicesAtStart.ts).
      name: 'voices',
      type: 'text',
      maxLength: 200,
      access: { read: ({ req }) => hasRole(req, 'admin', 'editor', 'translator') },
      admin: { readOnly: true, description: 'The voices (provider, model, narrator) the bundle was compiled for.' },
    },
    {
      name: 'publicationState',
      type: 'select',
      defaultValue: 'draft',
      index: true,
      options: PUBLICATION_STATES.map((value) => ({ value, label: value === 'in_review' ? 'In review' : value[0]!.toUpperCase() + value.slice(1) })),
      admin: { readOnly: true, description: "Apps get this locale only when published (the story's source locale follows Active)." },
    },
    {
      name: 'progress',
      type: 'group',
      admin: { readOnly: true, description: 'Translation progress, refreshed with the bundle (units whose source has text).' },
      fields: [
        { name: 'units', type: 'number', defaultValue: 0 },
        { name: 'missing', type: 'number', defaultValue: 0 },
        { name: 'machine', type: 'number', defaultValue: 0 },
        { name: 'stale', type: 'number', defaultValue: 0 },
        { name: 'translated', type: 'number', defaultValue: 0 },
        { name: 'approved', type: 'number', defaultValue: 0 },
        { name: 'nodes', type: 'number', defaultValue: 0 },
        { name: 'audioNodes', type: 'number', defaultValue: 0 },
      ],
    },
  ],
}
