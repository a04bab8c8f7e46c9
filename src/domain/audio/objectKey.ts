/**
 * Audio objects are content-addressed: the key is the sha256 of the encoded file, so identical
 * audio is stored once, a key never changes meaning, and objects can be cached forever.
 */
export const AUDIO_PREFIX = 'audio/'
export const AUDIO_CONTENT_TYPE = 'audio/ogg'
export const AUDIO_CACHE_CONTROL = 'public, max-age=31536000, immutable'

const KEY = /^audio\/[0-9a-f]{64}\.opus$/

export function audioObjectKey(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError(`Not a sha256 hex digest: ${sha256}`)
  return `${AUDIO_PREFIX}${sha256}.opus`
}

/** True for keys this project writes (`audio/<sha256>.opus`); anything else is left alone. */
export function isAudioObjectKey(key: string): boolean {
  return KEY.test(key)
}

/**
 * Where an app fetches an audio file: the CDN object when the bucket has a public URL, else the
 * play endpoint (which counts the play and redirects to a signed URL). `r2Url` holds the object
 * key; an absolute URL stored there (imported data) is used as is.
 */
export function audioPublicUrl(row: { id: string; r2Url?: string | null }, opts: { publicBaseUrl?: string; serverUrl?: string } = {}): string {
  const objectKey = row.r2Url
  if (objectKey && /^https?:\/\//.test(objectKey)) return objectKey
  const base = opts.publicBaseUrl?.replace(/\/+$/, '')
  if (base && objectKey) return `${base}/${objectKey}`
  return `${(opts.serverUrl ?? '').replace(/\/+$/, '')}/api/audio-files/${row.id}/play`
}
