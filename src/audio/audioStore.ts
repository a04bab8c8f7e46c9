import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'

import { AUDIO_CACHE_CONTROL, AUDIO_CONTENT_TYPE, AUDIO_PREFIX } from '@/domain/audio/objectKey'
import { objectStore } from '@/storage/objectStore'
import { s3ClientConfig, type S3Settings } from '@/storage/s3Settings'

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

let instance: AudioStore | undefined

/** The process's audio store, on the project's one S3 client; throws when no bucket is configured. */
export function audioStore(): AudioStore {
  if (!instance) {
    const store = objectStore()
    if (!store) throw new Error('Audio needs object storage: set S3_BUCKET and its credentials (see .env.example)')
    instance = createAudioStore(store.settings, store.s3)
  }
  return instance
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
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw new RangeError(`pageSize must be 1-1000, got ${pageSize}`)
      // ListObjects (v1, Marker) rather than V2: s3rver signs V2 continuation tokens with DES, which
      // OpenSSL 3 refuses, so any truncated V2 page is a 500 there. AWS S3 and R2 serve both.
      let marker: string | undefined
      for (;;) {
        const page = await client.send(new ListObjectsCommand({ Bucket, Prefix: AUDIO_PREFIX, MaxKeys: pageSize, Marker: marker }))
        const objects = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ key: o.Key, lastModified: o.LastModified, size: o.Size }] : []))
        if (objects.length) yield objects
        if (!page.IsTruncated || objects.length === 0) return
        marker = page.NextMarker ?? objects[objects.length - 1]!.key
      }
    },
    signedUrl(key, expiresInSeconds) {
      return getSignedUrl(client, new GetObjectCommand({ Bucket, Key: key }), { expiresIn: expiresInSeconds })
    },
  }
}
