import fs from 'node:fs'
import path from 'node:path'
import S3rver from 's3rver'

import { freePort, portOpen, processAlive } from './ports'

export type RunningS3 = {
  endpoint: string
  port: number
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  region: string
  owned: boolean
  stop: () => Promise<void>
}

type Options = { dir: string; bucket: string; log?: (msg: string) => void }

const KEY = 'S3RVER' // s3rver's built-in account

/**
 * Starts (or reuses) an in-process S3-compatible server (`s3rver`) storing objects under `dir`.
 * A lock file `<dir>.json` lets a second process (the payload CLI while dev runs) find it.
 */
export async function startLocalS3(opts: Options): Promise<RunningS3> {
  const log = opts.log ?? (() => {})
  const lockFile = `${opts.dir}.json`
  const base = { bucket: opts.bucket, accessKeyId: KEY, secretAccessKey: KEY, region: 'us-east-1' }
  if (fs.existsSync(lockFile)) {
    const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid: number; port: number }
    if (lock.pid !== process.pid && processAlive(lock.pid) && (await portOpen(lock.port))) {
      log(`reusing S3 server already running on port ${lock.port}`)
      return { ...base, endpoint: `http://127.0.0.1:${lock.port}`, port: lock.port, owned: false, stop: async () => {} }
    }
  }
  fs.mkdirSync(opts.dir, { recursive: true })
  const port = await freePort()
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    directory: opts.dir,
    silent: true,
    configureBuckets: [{ name: opts.bucket }],
  })
  await server.run()
  fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, port }))
  log(`S3-compatible server (s3rver) started on port ${port} (objects in ${opts.dir})`)
  return {
    ...base,
    endpoint: `http://127.0.0.1:${port}`,
    port,
    owned: true,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      if (fs.existsSync(lockFile)) fs.rmSync(lockFile)
    },
  }
}

export function localS3Dir(dataDir: string): string {
  return path.join(dataDir, 's3')
}

/** Points this process (and the children it spawns) at a running S3 server. */
export function exportS3Env(s3: RunningS3): void {
  Object.assign(process.env, {
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3.bucket,
    S3_REGION: s3.region,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  })
}
