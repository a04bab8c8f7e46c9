import type { S3ClientConfig } from '@aws-sdk/client-s3'

import { parseSettings, settings, type Env, type S3Settings } from '@/settings'

export type { S3Settings }

/** S3/R2 settings of this process (or of `env` when given), or null when no bucket is configured. */
export function s3Settings(env?: Env): S3Settings | null {
  return env ? parseSettings(env).s3 : settings().s3
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
