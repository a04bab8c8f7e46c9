import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startEmbeddedPostgres } from '@/infra/embeddedPostgres'
import { startLocalS3 } from '@/infra/localS3'

/**
 * Starts a throwaway embedded PostgreSQL and s3rver for the whole run (unless DATABASE_URL /
 * S3_BUCKET are given) and passes their coordinates to the test workers through the environment.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-test-'))
  fs.chmodSync(root, 0o755)
  const stops: (() => Promise<void>)[] = []
  if (!process.env.DATABASE_URL) {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), database: 'bk_test', fast: true })
    process.env.DATABASE_URL = pg.url
    stops.push(pg.stop)
  }
  if (!process.env.S3_BUCKET) {
    const s3 = await startLocalS3({ dir: path.join(root, 's3'), bucket: 'bk-test' })
    Object.assign(process.env, {
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: s3.bucket,
      S3_REGION: s3.region,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    })
    stops.push(s3.stop)
  }
  process.env.PAYLOAD_SECRET ||= 'test-secret-not-for-production'
  process.env.BK_TEST_ROOT = root
  return async () => {
    for (const stop of stops.reverse()) await stop()
    fs.rmSync(root, { recursive: true, force: true })
  }
}
