import {
  DeleteObjectsCommand,
  ListObjectsCommand,
  PutObjectCommand,
  S3Client,
  type _Object,
} from '@aws-sdk/client-s3'

import { s3ClientConfig, s3Settings, type S3Settings } from '@/storage/s3Settings'

let client: { settings: S3Settings; s3: S3Client } | null | undefined

/** The project's bucket (the same one media uses), or null when no bucket is configured. */
export function objectStore(): { settings: S3Settings; s3: S3Client } | null {
  if (client === undefined) {
    const settings = s3Settings()
    client = settings ? { settings, s3: new S3Client(s3ClientConfig(settings)) } : null
  }
  return client
}

export const IMMUTABLE = 'public, max-age=31536000, immutable'

/** Writes an object that never changes under its key (content-addressed). */
export async function putImmutable(key: string, body: Buffer | string, contentType: string): Promise<void> {
  const store = objectStore()
  if (!store) throw new Error('No S3 bucket configured (S3_BUCKET)')
  await store.s3.send(
    new PutObjectCommand({
      Bucket: store.settings.bucket,
      Key: key,
      Body: body,
      ContentType: contentType,
      CacheControl: IMMUTABLE,
    }),
  )
}

/** Where apps fetch an object: the CDN when S3_PUBLIC_URL is set, else the bucket endpoint. */
export function publicObjectUrl(key: string): string | null {
  const store = objectStore()
  if (!store) return null
  const { publicUrl, endpoint, bucket } = store.settings
  if (publicUrl) return `${publicUrl}/${key}`
  return endpoint ? `${endpoint.replace(/\/+$/, '')}/${bucket}/${key}` : `https://${bucket}.s3.amazonaws.com/${key}`
}

/**
 * All objects under a prefix, 1000 a page. ListObjects v1 (Marker), not V2: s3rver signs V2
 * continuation tokens with DES, which OpenSSL 3 refuses, so any truncated V2 page is a 500 there
 * (V2's StartAfter does not help: the token is made anyway). AWS S3 and R2 serve both.
 */
export async function listObjects(prefix: string): Promise<_Object[]> {
  const store = objectStore()
  if (!store) return []
  const out: _Object[] = []
  let marker: string | undefined
  for (;;) {
    const page = await store.s3.send(new ListObjectsCommand({ Bucket: store.settings.bucket, Prefix: prefix, Marker: marker, MaxKeys: 1000 }))
    const items = page.Contents ?? []
    out.push(...items)
    if (!page.IsTruncated || items.length === 0) return out
    marker = page.NextMarker ?? items[items.length - 1]!.Key
  }
}

export async function deleteObjects(keys: string[]): Promise<void> {
  const store = objectStore()
  if (!store || keys.length === 0) return
  for (let i = 0; i < keys.length; i += 1000) {
    await store.s3.send(
      new DeleteObjectsCommand({
        Bucket: store.settings.bucket,
        Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true },
      }),
    )
  }
}
