/**
 * Fault: more concurrent audio jobs than database connections (AUDIO_CONCURRENCY=8 with a pool of
 * 4). Each job holds an advisory lock for its whole run (a TTS request included) and needs
 * connections for its transactions: when the locks took pool connections, 4 jobs holding the 4
 * connections waited forever for a fifth. The worker must finish every job, none failed.
 */
import { describe, expect, it } from 'vitest'

import { runScript } from '../support/childProcess'

describe('pool exhaustion', () => {
  it('should run 8 audio jobs at once on a pool of 4 without a deadlock', async () => {
    const run = await runScript('tests/support/faultWorker.ts', [], { DATABASE_POOL_MAX: '4', AUDIO_CONCURRENCY: '8', AUTO_VOICE: 'off' }, 240_000)
    const line = /WORKER (.*)/.exec(run.output)
    if (!line) throw new Error(`the worker did not finish:\n${run.output.slice(-3000)}`)
    const result = JSON.parse(line[1]!) as { jobs: number; done: number; failed: number; ms: number; poolMax: number; concurrency: number }
    console.info(`[faults] pool exhaustion: ${line[1]}`)
    expect(result).toMatchObject({ poolMax: 4, concurrency: 8 })
    expect(result.jobs).toBeGreaterThanOrEqual(8)
    expect(result.failed).toBe(0)
    expect(result.done).toBe(result.jobs)
  }, 300_000)
})
