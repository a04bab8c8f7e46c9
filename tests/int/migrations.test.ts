import { spawnSync } from 'node:child_process'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { uid } from '../support/api'

/** Runs the project's own CLI (`npm run payload -- …`) against a database of its own. */
const database = uid('migrations').replace(/-/g, '_')
const url = process.env.DATABASE_URL!.replace(/\/[^/]+$/, `/${database}`)
const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/payload.ts', ...args], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
    timeout: 120_000,
  })
  if (run.status !== 0) throw new Error(`payload ${args.join(' ')} exited ${run.status}\n${run.stdout}\n${run.stderr}`)
  return run.stdout
}

async function tables(): Promise<string[]> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    const { rows } = await c.query<{ t: string }>(
      "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    )
    return rows.map((r) => r.t)
  } finally {
    await c.end()
  }
}

beforeAll(async () => {
  await admin.connect()
  await admin.query(`CREATE DATABASE "${database}"`)
})

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
  await admin.end()
})

describe('committed migrations through the payload CLI', () => {
  it('should migrate an empty database up', async () => {
    cli('migrate')
    const t = await tables()
    for (const table of ['stories', 'story_nodes', 'story_choices', 'audio_files', 'user_progress', 'analytics_events']) {
      expect(t).toContain(table)
    }
  })

  it('should report every migration as run', () => {
    const status = cli('migrate:status')
    expect(status).not.toMatch(/\bNo\b/)
  })

  it('should migrate all the way down, leaving no project tables', async () => {
    console.log('DOWN', cli('migrate:down'))
    const left = (await tables()).filter((t) => t !== 'payload_migrations')
    expect(left).toEqual([])
  })

  it('should migrate up again after going down', async () => {
    cli('migrate')
    expect(await tables()).toContain('story_translations')
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    const { rows } = await c.query("SELECT indexname FROM pg_indexes WHERE indexname = 'idx_story_nodes_start'")
    await c.end()
    expect(rows).toHaveLength(1)
  })
})
