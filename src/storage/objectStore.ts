import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type _Object,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'

import { AUDIO_CACHE_CONTROL, AUDIO_CONTENT_TYPE, AUDIO_PREFIX } from '@/domain/audio/objectKey'
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
 * The objects under a prefix, a page (at most `pageSize` <= 1000) at a time. ListObjects v1
 * (Marker), not V2: s3rver signs V2 continuation tokens with DES, which OpenSSL 3 refuses, so any
 * truncated V2 page is a 500 there (V2's StartAfter does not help: the token is made anyway). AWS
 * S3 and R2 serve both. The one listing loop of the project.
 */
export async function* listObjectPages(s3: S3Client, bucket: string, prefix: string, pageSize = 1000): AsyncGenerator<_Object[]> {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw new RangeError(`pageSize must be 1-1000, got ${pageSize}`)
  let marker: string | undefined
  for (;;) {
    const page = await s3.send(new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, Marker: marker, MaxKeys: pageSize }))
    const items = page.Contents ?? []
    if (items.length) yield items
    if (!page.IsTruncated || items.length === 0) return
    marker = page.NextMarker ?? items[items.length - 1]!.Key
  }
}

/** All objects under a prefix (every page), or none when no bucket is configured. */
export async function listObjects(prefix: string): Promise<_Object[]> {
  const store = objectStore()
  if (!store) return []
  const out: _Object[] = []
  for await (const page of listObjectPages(store.s3, store.settings.bucket, prefix)) out.push(...page)
  return out
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

export type AudioObject = { key: string; lastModified: Date | undefined; size: number | undefined }

/**
 * The audio side of the project's bucket (the same settings as media): content-addressed Ogg/Opus
 * objects under `audio/`, written immutable.
 */
export type AudioStore = {
  readonly settings: S3Settings
  put(key: string, bytes: Buffer): Promise<void>
  exists(key: string): Promise<boolean>
  delete(key: string): Promise<void>
  /** Every object under `audio/`, a page at a time (pages of at most `pageSize` <= 1000). */
  list(pageSize?: number): AsyncGenerator<AudioObject[]>
  /** A time-limited GET URL for a private bucket. */
  signedUrl(key: string, expiresInSeconds: number): Promise<string>
}

let audio: AudioStore | undefined

/** The process's audio store, on the project's one S3 client; throws when no bucket is configured. */
export function audioStore(): AudioStore {
  if (!audio) {
    const store = objectStore()
    if (!store) throw new Error('Audio needs object storage: set S3_BUCKET and its credentials (see .env.example)')
    audio = createAudioStore(store.settings, store.s3)
  }
  return audio
}

export function createAudioStore(settings: S3Settings, client = new S3Client(s3ClientConfig(settings))): AudioStore {
  const Bucket = settings.bucket
  return {
    settings,
    async put(key, bytes) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: AUDIO_CONTENT_TYPE,
          CacheControl: AUDIO_CACHE_CONTROL,
        }),
      )
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }))
        return true
      } catch (error) {
        if (error instanceof NotFound || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) return false
        throw error
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }))
    },
    async *list(pageSize = 1000) {
      for await (const page of listObjectPages(client, Bucket, AUDIO_PREFIX, pageSize)) {
        const objects = page.flatMap((o) => (o.Key ? [{ key: o.Key, lastModified: o.LastModified, size: o.Size }] : []))
        if (objects.length) yield objects
      }
    },
    signedUrl(key, expiresInSeconds) {
      return getSignedUrl(client, new GetObjectCommand({ Bucket, Key: key }), { expiresIn: expiresInSeconds })
    },
  }
}
