import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startEmbeddedPostgres } from './embeddedPostgres'
import { resetSettings } from '@/settings'
import { exportS3Env, startLocalS3 } from './localS3'

/**
 * A temporary embedded PostgreSQL (durability off, for speed) and s3rver for tests and benchmarks,
 * unless DATABASE_URL / S3_BUCKET are already set; exported to this process's environment so
 * children inherit them. `stop` removes everything it made.
 */
export async function startThrowawayServices(name: string): Promise<{ dir: string; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bk-${name}-`))
  fs.chmodSync(dir, 0o755)
  const stops: (() => Promise<void>)[] = []
  if (!process.env.DATABASE_URL) {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), database: `bk_${name}`, fast: true })
    process.env.DATABASE_URL = pg.url
    stops.push(pg.stop)
  }
  if (!process.env.S3_BUCKET) {
    const s3 = await startLocalS3({ dir: path.join(dir, 's3'), bucket: `bk-${name}` })
    exportS3Env(s3)
    stops.push(s3.stop)
  }
  process.env.PAYLOAD_SECRET ||= `${name}-secret-not-for-production`
  // Tests and benchmarks sign in with the documented dev accounts on their throwaway database.
  process.env.SEED_ACCOUNTS ||= 'dev'
  resetSettings()
  return {
    dir,
    stop: async () => {
      for (const stop of stops.reverse()) await stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
