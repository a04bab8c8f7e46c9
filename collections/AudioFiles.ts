import type { CollectionConfig } from 'payload'

import { isEditor } from '@/access/isEditor'
import { readIfStoryActive } from '@/access/readIfStoryActive'
import { SLUGS } from '@/slugs'

/** Generated audio per (node, language, code-mix ratio, speaker): the spec's audio_files. */
export const AudioFiles: CollectionConfig<'audio-files'> = {
  slug: SLUGS.audioFiles,
  admin: {
    useAsTitle: 'r2Url',
    defaultColumns: ['node', 'languageCode', 'speakerId', 'durationSec', 'accessCount'],
    group: 'Audio',
  },
  access: { read: readIfStoryActive('story.isActive'), create: isEditor, update: isEditor, delete: isEditor },
  indexes: [{ fields: ['node', 'languageCode', 'codeMixRatio', 'speakerId'], unique: true }],
  hooks: {
    beforeChange: [
      async ({ data, req, originalDoc }) => {
        const nodeRef = data.node ?? originalDoc?.node
        const nodeId = typeof nodeRef === 'object' && nodeRef ? nodeRef.id : nodeRef
        if (nodeId && (!originalDoc || data.node !== undefined)) {
          const node = await req.payload.findByID({ collection: SLUGS.storyNodes, id: nodeId, depth: 0, req, joins: false })
          data.story = typeof node.story === 'object' ? node.story.id : node.story
        }
        return data
      },
    ],
  },
  fields: [
    { name: 'node', type: 'relationship', relationTo: SLUGS.storyNodes, required: true, index: true },
    { name: 'story', type: 'relationship', relationTo: SLUGS.stories, index: true, admin: { readOnly: true } },
    { name: 'languageCode', type: 'text', required: true, maxLength: 10, index: true },
    { name: 'codeMixRatio', type: 'number', min: 0, max: 1, defaultValue: 0, admin: { step: 0.01 } },
    { name: 'speakerId', type: 'text', required: true, maxLength: 50, index: true },
    { name: 'r2Url', type: 'text', required: true, maxLength: 500 },
    { name: 'fileSize', type: 'number', min: 0 },
    { name: 'durationSec', type: 'number', min: 0, max: 9999.99 },
    { name: 'checksum', type: 'text', maxLength: 64 },
    { name: 'accessedAt', type: 'date', index: true },
    { name: 'accessCount', type: 'number', defaultValue: 0, min: 0 },
  ],
}
