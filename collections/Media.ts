import type { CollectionConfig } from 'payload'

import path from 'node:path'

import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/isEditor'
import { SLUGS } from '@/slugs'

/** Covers and avatars; stored in S3/R2 through @payloadcms/storage-s3, resized by sharp. */
export const Media: CollectionConfig<'media'> = {
  slug: SLUGS.media,
  admin: { group: 'Stories' },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  upload: {
    // Only used when no S3 bucket is configured; never the repo's media/ (the seed's sources).
    staticDir: path.resolve(process.cwd(), '.data', 'uploads'),
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp'],
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 320, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'card', width: 640, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'hero', width: 1280, formatOptions: { format: 'webp', options: { quality: 82 } } },
    ],
    adminThumbnail: 'thumbnail',
  },
  fields: [{ name: 'alt', type: 'text', required: true, maxLength: 300 }],
}
