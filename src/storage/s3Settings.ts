import type { S3ClientConfig } from '@aws-sdk/client-s3'

export type S3Settings = {
  endpoint?: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** Public base URL when the bucket is served by a CDN (e.g. an R2 custom domain). */
  publicUrl?: string
}

/** S3/R2 settings from the environment, or null when no bucket is configured. */
export function s3Settings(env: NodeJS.ProcessEnv = process.env): S3Settings | null {
  if (!env.S3_BUCKET) return null
  const missing = ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((k) => !env[k])
  if (missing.length) throw new Error(`S3_BUCKET is set but ${missing.join(', ')} is missing (see .env.example).`)
  return {
    endpoint: env.S3_ENDPOINT || undefined,
    bucket: env.S3_BUCKET,
    region: env.S3_REGION || 'auto',
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    publicUrl: env.S3_PUBLIC_URL ? env.S3_PUBLIC_URL.replace(/\/+$/, '') : undefined,
  }
}

/**
 * Client settings that work for AWS, Cloudflare R2 and s3rver alike: path-style addressing, and
 * checksums only when required (R2 rejects presigned PUTs with the empty-body CRC32; s3rver stores
 * aws-chunked bodies with their framing otherwise).
 */
export function s3ClientConfig(s: S3Settings): S3ClientConfig {
  return {
    endpoint: s.endpoint,
    region: s.region,
    credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  }
}
