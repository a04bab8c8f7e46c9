import type { Payload } from 'payload'

import { HeadBucketCommand } from '@aws-sdk/client-s3'

import { migrations } from '../../migrations'
import { primaryPool } from '@/db/postgres'
import { probeReplicas } from '@/db/replicas'
import { objectStore } from '@/storage/objectStore'

type Check = { ok: boolean; ms: number; error?: string }

const CHECK_TIMEOUT_MS = 2_000

async function timed(run: () => Promise<string | null>): Promise<Check> {
  const t0 = performance.now()
  try {
    const error = await Promise.race([
      run(),
      new Promise<string>((resolve) => setTimeout(() => resolve(`no answer within ${CHECK_TIMEOUT_MS} ms`), CHECK_TIMEOUT_MS).unref()),
    ])
    return { ok: error === null, ms: Math.round(performance.now() - t0), ...(error ? { error } : {}) }
  } catch (err) {
    return { ok: false, ms: Math.round(performance.now() - t0), error: (err as Error).message }
  }
}

/**
 * `GET /api/ready`: can this process serve traffic? The database answers, every committed
 * migration is applied, and the bucket is reachable. 200 with each part's time, or 503 naming the
 * failing part (load balancers take the process out of rotation; it is not restarted for it).
 * Read replicas are listed with their lag; one that is down or lagging makes the status
 * `degraded` (still 200: its reads go to the primary).
 * `GET /api/health` (process up, no I/O) is answered by the server itself (src/server).
 */
export async function readinessResponse(payload: Payload): Promise<Response> {
  const pool = primaryPool(payload)
  const database = await timed(async () => {
    await pool.query('SELECT 1')
    return null
  })
  const migrationsCheck = database.ok
    ? await timed(async () => {
        const { rows } = await pool.query<{ name: string }>('SELECT name FROM payload_migrations')
        const applied = new Set(rows.map((r) => r.name))
        const missing = migrations.map((m) => m.name).filter((name) => !applied.has(name))
        return missing.length ? `not applied: ${missing.join(', ')}` : null
      })
    : { ok: false, ms: 0, error: 'database unreachable' }
  const store = objectStore()
  const bucket = store
    ? await timed(async () => {
        await store.s3.send(new HeadBucketCommand({ Bucket: store.settings.bucket }))
        return null
      })
    : { ok: true, ms: 0 }
  const checks = { database, migrations: migrationsCheck, bucket }
  const ok = Object.values(checks).every((c) => c.ok)
  const failing = Object.entries(checks)
    .filter(([, c]) => !c.ok)
    .map(([name]) => name)
  // Replicas are reported, not required: reads fall back to the primary, so taking every app
  // process out of rotation because a replica is down would turn a slower day into an outage.
  const replicas = await probeReplicas()
  const degraded = replicas.some((r) => !r.healthy)
  const status = !ok ? 'unavailable' : degraded ? 'degraded' : 'ready'
  return new Response(JSON.stringify({ status, ...(ok ? {} : { failing }), checks, replicas }), {
    status: ok ? 200 : 503,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...(ok ? {} : { 'retry-after': '5' }) },
  })
}
