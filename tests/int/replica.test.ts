/**
 * The app against a real primary and a real streaming standby (a second embedded PostgreSQL made
 * from a base copy of the test primary): which server each read goes to (queries counted per
 * server by the metrics), replay lag past the bound, and a standby that is stopped.
 */
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { startEmbeddedStandby, type RunningStandby } from '../../scripts/lib/embeddedStandby'
import { metrics } from '@/observability/metrics'
import { getBundle } from '@/services/bundleCache'
import { probeReplicas, replicaStatus } from '@/db/replicas'
import { resetSettings } from '@/settings'
import { createStory, type StoryFixture } from '../support/fixtures'

const standby: RunningStandby = await startEmbeddedStandby({
  primaryUrl: process.env.DATABASE_URL!,
  primaryDataDir: path.join(process.env.BK_TEST_ROOT!, 'pg'),
  dataDir: path.join(process.env.BK_TEST_ROOT!, `standby-${process.pid}`),
  fast: true,
})
// Before the config is imported: it reads them once.
process.env.DATABASE_REPLICA_URLS = standby.url
process.env.DATABASE_REPLICA_MAX_LAG_MS = '300'
process.env.REPLICA_PROBE_MS = '60000' // the tests probe explicitly
process.env.DATABASE_REPLICA_AFTER_WRITE_MS = '500'
resetSettings()
const { testPayload } = await import('../support/payload')

let payload: Payload
let story: StoryFixture

beforeAll(async () => {
  payload = await testPayload()
  story = await createStory(payload)
})

afterAll(async () => {
  await story?.cleanup()
  await standby.stop()
})

/** Statements sent per server while `run` ran, counted under a route label of its own. */
async function countedBy(label: string, run: () => Promise<unknown>, context: { primary?: boolean } = {}): Promise<{ primary: number; replica: number }> {
  await metrics().requestContext.run({ route: label, ...context }, run)
  const { values } = await metrics().dbQueries.get()
  const sum = (target: string) => values.filter((v) => v.labels.route === label && v.labels.target === target).reduce((a, v) => a + v.value, 0)
  return { primary: sum('primary'), replica: sum('replica') }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Probes until the standby reads healthy. The probe bounds a standby's lag by the time since the
 * newest of the primary's WAL marks it has replayed (src/domain/replication/replayLag.ts): after a
 * while without probes, a standby a moment behind the newest mark (WAL still streaming in after a
 * busy run) is judged by the previous one, seconds old, until the next probe.
 */
const untilHealthy = () => expect.poll(async () => (await probeReplicas())[0]!.healthy, { timeout: 15_000, interval: 100 }).toBe(true)

async function standbyClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: standby.url })
  await client.connect()
  return client
}

describe('reads with a healthy standby', () => {
  it("should stream the primary's writes to the standby", async () => {
    const client = await standbyClient()
    try {
      let found = 0
      for (let i = 0; i < 50 && !found; i++) {
        found = (await client.query('SELECT 1 FROM stories WHERE slug = $1', [story.slug])).rowCount ?? 0
        if (!found) await sleep(100)
      }
      expect(found).toBe(1)
      expect((await client.query('SELECT pg_is_in_recovery() AS r')).rows[0].r).toBe(true)
    } finally {
      await client.end()
    }
  })

  it('should send Payload reads outside transactions to the replica', async () => {
    await sleep(600) // past the after-write interval of this process's own writes
    await untilHealthy()
    const counts = await countedBy('test-public-read', () => payload.find({ collection: 'stories', where: { slug: { equals: story.slug } }, depth: 0 }))
    expect(counts.replica).toBeGreaterThan(0)
    expect(counts.primary).toBe(0)
  })

  it("should send a staff request's reads to the primary", async () => {
    await sleep(600)
    await probeReplicas()
    const counts = await countedBy('test-staff-read', () => payload.find({ collection: 'stories', depth: 0, limit: 1 }), { primary: true })
    expect(counts.primary).toBeGreaterThan(0)
    expect(counts.replica).toBe(0)
  })

  it('should read its own write from the primary right after writing', async () => {
    await payload.update({ collection: 'stories', id: story.storyId, data: { description: 'Read after write' } })
    const counts = await countedBy('test-read-after-write', () => payload.findByID({ collection: 'stories', id: story.storyId, depth: 0 }))
    expect(counts.primary).toBeGreaterThan(0)
    expect(counts.replica).toBe(0)
  })

  it('should refill a changed bundle from the primary, and an unchanged one from the replica', async () => {
    await probeReplicas()
    const fresh = await countedBy('test-bundle-fresh', () => getBundle(payload, story.slug, 'en'))
    expect(fresh).toEqual({ primary: 1, replica: 0 })
    const other = await createStory(payload)
    try {
      // Once the freshness window (max lag + 2 probe intervals) is over, a refill may use the replica.
      process.env.REPLICA_PROBE_MS = '50'
      resetSettings()
      await sleep(600)
      await untilHealthy()
      const later = await countedBy('test-bundle-later', () => getBundle(payload, other.slug, 'hi'))
      expect(later.replica).toBe(1)
      expect(later.primary).toBe(0)
    } finally {
      process.env.REPLICA_PROBE_MS = '60000'
      resetSettings()
      await other.cleanup()
    }
  })
})

describe('the lag probe', () => {
  it('should read a standby as caught up while only WAL without commits waits to be replayed (seconds after the last commit)', async () => {
    process.env.DATABASE_REPLICA_MAX_LAG_MS = '2000'
    resetSettings()
    const client = await standbyClient()
    const primary = new pg.Client({ connectionString: process.env.DATABASE_URL! })
    await primary.connect()
    try {
      await untilHealthy()
      // The last commit well over the bound ago (this file's process is the only writer now).
      await sleep(2500)
      await client.query('SELECT pg_wal_replay_pause()')
      expect((await probeReplicas())[0]!.healthy).toBe(true)
      // WAL without a commit (a non-transactional message, flushed), received but not replayed.
      await primary.query(`SELECT pg_logical_emit_message(false, 'bk-test', 'no commit', true)`)
      await expect
        .poll(async () => (await client.query('SELECT pg_last_wal_receive_lsn() > pg_last_wal_replay_lsn() AS behind')).rows[0].behind, { timeout: 5_000, interval: 20 })
        .toBe(true)
      // The standby has every commit the primary had at the last probe, a moment ago: not lagging.
      // (Measured from the standby's last replayed commit, this read as lagging by seconds.)
      const [status] = await probeReplicas()
      expect(status!.healthy, JSON.stringify(status)).toBe(true)
      expect(status!.lagMs).toBeLessThan(2000)
      // Paused for longer than the bound, it is lagging: it may be missing what the primary committed since.
      await sleep(2100)
      expect((await probeReplicas())[0]!.healthy).toBe(false)
    } finally {
      await client.query('SELECT pg_wal_replay_resume()').catch(() => {})
      await client.end()
      await primary.end()
      process.env.DATABASE_REPLICA_MAX_LAG_MS = '300'
      resetSettings()
    }
    await untilHealthy()
  })
})

describe('a standby cut off from the primary', () => {
  it('should read as lagging once the primary writes, though it has replayed all it received', async () => {
    await untilHealthy()
    const primary = new pg.Client({ connectionString: process.env.DATABASE_URL! })
    await primary.connect()
    const client = await standbyClient()
    const conninfo = (await client.query('SHOW primary_conninfo')).rows[0].primary_conninfo as string
    try {
      // Point the standby's WAL receiver at a closed port: it loses the primary and cannot reconnect.
      await client.query(`ALTER SYSTEM SET primary_conninfo = 'host=127.0.0.1 port=1 connect_timeout=1'`)
      await client.query('SELECT pg_reload_conf()')
      await expect.poll(async () => Number((await primary.query('SELECT count(*) AS n FROM pg_stat_replication')).rows[0].n), { timeout: 10_000, interval: 50 }).toBe(0)
      await payload.update({ collection: 'stories', id: story.storyId, data: { description: 'Written while the standby is cut off' } })
      await sleep(600)
      // Nothing received that it has not replayed: by its own measure it is caught up.
      expect((await client.query('SELECT pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AS same')).rows[0].same).toBe(true)
      const [status] = await probeReplicas()
      expect(status!.healthy, JSON.stringify(status)).toBe(false)
      const counts = await countedBy('test-cut-off', () => payload.find({ collection: 'stories', where: { slug: { equals: story.slug } }, depth: 0 }))
      expect(counts.replica).toBe(0)
    } finally {
      await client.query(`ALTER SYSTEM SET primary_conninfo = ${client.escapeLiteral(conninfo)}`)
      await client.query('SELECT pg_reload_conf()')
      await client.end()
      await primary.end()
    }
    // Reconnected, it catches up and takes reads again.
    await expect.poll(async () => (await probeReplicas())[0]!.healthy, { timeout: 30_000, interval: 200 }).toBe(true)
  })
})

describe('a standby that lags or stops', () => {
  it('should stop reading from a standby whose replay lags past the bound, and use it again once it catches up', async () => {
    const client = await standbyClient()
    try {
      await client.query('SELECT pg_wal_replay_pause()')
      await payload.update({ collection: 'stories', id: story.storyId, data: { description: 'Written while the standby pauses replay' } })
      await sleep(800)
      expect((await probeReplicas())[0]!.healthy).toBe(false)
      const counts = await countedBy('test-lagging', () => payload.find({ collection: 'stories', depth: 0, limit: 1 }))
      expect(counts.replica).toBe(0)
      expect(counts.primary).toBeGreaterThan(0)
      await client.query('SELECT pg_wal_replay_resume()')
      // Healthy again once it has replayed what it missed (a poll, not a guess at how long that takes).
      await expect.poll(async () => (await probeReplicas())[0]!.healthy, { timeout: 15_000, interval: 100 }).toBe(true)
    } finally {
      await client.query('SELECT pg_wal_replay_resume()').catch(() => {})
      await client.end()
    }
  })

  it('should answer from the primary when the standby is stopped', async () => {
    await standby.stop()
    const status = await probeReplicas()
    expect(status[0]!.healthy).toBe(false)
    expect(status[0]!.error).toBeTruthy()
    await sleep(600)
    const found = await payload.find({ collection: 'stories', where: { slug: { equals: story.slug } }, depth: 0 })
    expect(found.docs).toHaveLength(1)
    expect(replicaStatus()[0]!.healthy).toBe(false)
  })
})
