import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, Field, FieldHook } from 'payload'

import { editorOrAudioReviewer, generatedFieldUpdate, staffFieldRead } from '@/access/audioReviewAccess'
import { isEditor } from '@/access/isEditor'
import { readIfStoryActive } from '@/access/readIfStoryActive'
import { audioPublicUrl } from '@/domain/audio/objectKey'
import { audioCuesEndpoint } from '@/endpoints/audioCues'
import { playAudioEndpoint } from '@/endpoints/audioPlay'
import { regenerateAudioEndpoint } from '@/endpoints/audioRegenerate'
import { REVIEW_STATUSES } from '@/domain/audio/review'
import { PACE_RANGE } from '@/domain/audio/variants'
import { deriveStoryFromNode } from '@/hooks/deriveStoryFromNode'
import { trackAudioReview } from '@/hooks/trackAudioReview'
import { uniqueTogether } from '@/hooks/uniqueTogether'
import { recompileAfterChange, recompileAfterDelete } from '@/hooks/recompileStoryBundles'
import { SLUGS } from '@/slugs'
import { settings } from '@/settings'

/**
 * An object a row stopped referencing (replaced or deleted through Payload) is deleted by a sweep
 * job queued in the same transaction: it runs only if the change commits, and deletes the object
 * only if no other row references it. Generation releases objects itself (`skipAudioRelease`).
 */
const releaseReplacedObject: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  if (operation === 'update' && previousDoc?.r2Url && previousDoc.r2Url !== doc.r2Url && !req.context?.skipAudioRelease) {
    await req.payload.jobs.queue({ task: 'sweepAudioObjects', input: { keys: [previousDoc.r2Url] }, req })
  }
  return doc
}

const releaseDeletedObject: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (doc.r2Url && !req.context?.skipAudioRelease) {
    await req.payload.jobs.queue({ task: 'sweepAudioObjects', input: { keys: [doc.r2Url] }, req })
  }
  return doc
}

const publicUrl: FieldHook = ({ data, originalDoc }) => {
  const row = { ...originalDoc, ...data } as { id?: string; r2Url?: string | null }
  if (!row.id) return null
  return audioPublicUrl({ id: row.id, r2Url: row.r2Url }, { publicBaseUrl: settings().urls.objects, serverUrl: settings().urls.server })
}

/** Gives every (nested) named field editors-only update access: reviewers change the review fields alone. */
function editorsUpdate(fields: Field[]): Field[] {
  return fields.map((field) => {
    if ('fields' in field && field.type === 'row') return { ...field, fields: editorsUpdate(field.fields) }
    if ('name' in field && field.type !== 'ui') return { ...field, access: { ...field.access, update: generatedFieldUpdate } } as Field
    return field
  })
}

/**
 * Per-line review (src/domain/audio/review.ts): set by reviewers from the audio review screen
 * (/admin/audio-review/:storyId/:locale); who and when are stamped by `trackAudioReview`, and new
 * audio resets them to pending. Internal: listeners and the public do not read them.
 */
const reviewFields: Field[] = [
  {
    type: 'row',
    fields: [
      {
        name: 'reviewStatus',
        type: 'select',
        defaultValue: 'pending',
        index: true,
        options: REVIEW_STATUSES.map((s) => ({ label: s[0]!.toUpperCase() + s.slice(1), value: s })),
        access: { read: staffFieldRead },
        admin: { description: 'A reviewer listened: approved, or rejected with a note. New audio starts pending.' },
      },
      { name: 'reviewedBy', type: 'relationship', relationTo: SLUGS.editors, access: { read: staffFieldRead }, admin: { readOnly: true } },
      { name: 'reviewedAt', type: 'date', access: { read: staffFieldRead }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    ],
  },
  { name: 'reviewNote', type: 'textarea', maxLength: 2000, access: { read: staffFieldRead }, admin: { description: 'What is wrong with a rejected line (required when rejecting).' } },
]

/**
 * Generated audio per (node, language, code-mix ratio, speaker): the spec's audio_files, plus what
 * generation needs to know whether a row is still current (content key, provider, model).
 * `r2Url` holds the object key (`audio/<sha256>.opus`); `url` is where an app plays it from.
 */
export const AudioFiles: CollectionConfig<'audio-files'> = {
  slug: SLUGS.audioFiles,
  admin: {
    useAsTitle: 'r2Url',
    defaultColumns: ['node', 'languageCode', 'speakerId', 'durationSec', 'accessCount'],
    group: 'Audio',
  },
  // Reviewers (editors, and the translators of the line's locale) may update a file,
  // but only its review fields: every other field's update access is editors-only (see below).
  access: { read: readIfStoryActive('story.isActive'), create: isEditor, update: editorOrAudioReviewer, delete: isEditor },
  // One row per voice variant. The spec's unique key (node, language, code-mix ratio, speaker) holds
  // for node audio (choice IS NULL); a choice's spoken option is keyed by its choice instead (choice
  // IS NOT NULL). Both are partial unique indexes, made by hand in the migration
  // 20261130_134515_spoken_choices (Payload's index config has no WHERE).
  hooks: {
    // The row keeps its node's story, so a story's audio is one indexed query away; bundles carry
    // audio URLs, so they are recompiled after every change.
    beforeChange: [deriveStoryFromNode, trackAudioReview],
    // The two partial unique keys (see above) answer a field-named 400 like the spec's other keys.
    beforeValidate: [
      uniqueTogether(SLUGS.audioFiles, ['node', 'languageCode', 'codeMixRatio', 'speakerId'], { absent: ['choice'] }),
      uniqueTogether(SLUGS.audioFiles, ['choice', 'languageCode', 'codeMixRatio', 'speakerId']),
    ],
    afterChange: [releaseReplacedObject, recompileAfterChange()],
    afterDelete: [releaseDeletedObject, recompileAfterDelete()],
  },
  endpoints: [playAudioEndpoint, audioCuesEndpoint, regenerateAudioEndpoint],
  fields: editorsUpdate([
    { name: 'node', type: 'relationship', relationTo: SLUGS.storyNodes, required: true, index: true },
    {
      name: 'choice',
      type: 'relationship',
      relationTo: SLUGS.storyChoices,
      index: true,
      admin: { description: 'Set for a spoken choice: the option read aloud (node is the choice node). Empty for the node’s own line.' },
    },
    { name: 'story', type: 'relationship', relationTo: SLUGS.stories, index: true, admin: { readOnly: true } },
    { name: 'languageCode', type: 'text', required: true, maxLength: 10, index: true },
    {
      name: 'codeMixRatio',
      type: 'number',
      min: 0,
      max: 1,
      defaultValue: 0,
      admin: { step: 0.01, description: 'Share of English words in the voiced text (0 = the language alone), measured from the text.' },
    },
    { name: 'speakerId', type: 'text', required: true, maxLength: 50, index: true },
    // The spec names this column `r2_url`, but it holds the object's *key* in the bucket
    // (`audio/<sha256>.opus`), not a URL: code calls the value `objectKey`/`key`; `url` below is the
    // playable URL. Kept under the spec's name so the column matches shared/spec/schema.md.
    { name: 'r2Url', type: 'text', required: true, maxLength: 500, index: true, admin: { description: 'Object key in the bucket (audio/<sha256>.opus).' } },
    { name: 'fileSize', type: 'number', min: 0 },
    { name: 'durationSec', type: 'number', min: 0, max: 9999.99 },
    { name: 'checksum', type: 'text', maxLength: 64 },
    { name: 'accessedAt', type: 'date', index: true },
    { name: 'accessCount', type: 'number', defaultValue: 0, min: 0 },
    {
      name: 'contentKey',
      type: 'text',
      maxLength: 64,
      index: true,
      admin: { readOnly: true, description: 'sha256 of text, language, speaker, model, provider settings and code-mix ratio.' },
    },
    {
      type: 'row',
      fields: [
        { name: 'provider', type: 'text', maxLength: 20, admin: { readOnly: true } },
        { name: 'model', type: 'text', maxLength: 50, admin: { readOnly: true } },
        { name: 'textChars', type: 'number', min: 0, admin: { readOnly: true, description: 'Characters voiced' } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'loudnessLufs',
          type: 'number',
          admin: { readOnly: true, description: 'Integrated loudness of the decoded file (EBU R128), target -16 LUFS +-1' },
        },
        { name: 'truePeakDbtp', type: 'number', admin: { readOnly: true, description: 'True peak of the decoded file, at most -1.5 dBTP' } },
      ],
    },
    {
      // Set when a rejected line was regenerated alone with another speaker or pace (see LineVoice
      // in src/domain/audio/variants.ts): the line keeps this voice in this locale from then on.
      name: 'lineVoice',
      type: 'group',
      admin: { description: 'The line’s own voice here, from a regeneration on the review screen (empty: the voice cast’s).' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'speaker', type: 'text', maxLength: 50, admin: { readOnly: true, description: 'Empty: the voice cast’s speaker.' } },
            { name: 'pace', type: 'number', min: PACE_RANGE[0], max: PACE_RANGE[1], admin: { readOnly: true, description: '1 = normal' } },
            { name: 'take', type: 'number', min: 1, admin: { readOnly: true, description: 'Regeneration number' } },
          ],
        },
      ],
    },
    {
      name: 'cues',
      type: 'json',
      admin: { readOnly: true, description: 'Read-along cues: [{ start, end, text }] per sentence, seconds' },
    },
    {
      name: 'url',
      type: 'text',
      virtual: true,
      admin: { readOnly: true, description: 'Where apps play it: the CDN URL, or the counting play endpoint.' },
      hooks: { afterRead: [publicUrl] },
    },
  ]).concat(reviewFields),
}
