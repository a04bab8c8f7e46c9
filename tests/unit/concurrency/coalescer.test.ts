import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { Coalescer } from '@/domain/concurrency/coalescer'

/** A task whose runs the test releases one at a time; each run records what it saw and was asked. */
function gatedTask() {
  const runs: { key: string; ask: string[]; sawVersion: number; release: () => void; fail: (e: Error) => void }[] = []
  let version = 0
  const coalescer = new Coalescer<string, string[]>(
    (key, ask) =>
      new Promise<void>((release, fail) => {
        runs.push({ key, ask, sawVersion: version, release, fail })
      }),
    (a, b) => [...a, ...b],
  )
  return { coalescer, runs, bump: () => ++version }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('Coalescer', () => {
  it('should fold the requests made while a run is in flight into one more run that starts after them', async () => {
    const { coalescer, runs, bump } = gatedTask()
    const settled: string[] = []
    bump()
    const first = coalescer.request('story', ['a']).then(() => settled.push('a'))
    await tick()
    expect(runs).toHaveLength(1)
    const rest = ['b', 'c', 'd', 'e'].map((x) => {
      bump()
      return coalescer.request('story', [x]).then(() => settled.push(x))
    })
    await tick()
    expect(runs).toHaveLength(1)
    runs[0]!.release()
    await first
    await tick()
    // One more run, for all four, which saw every change made before they asked.
    expect(runs).toHaveLength(2)
    expect(runs[1]!.ask).toEqual(['b', 'c', 'd', 'e'])
    expect(runs[1]!.sawVersion).toBe(5)
    expect(settled).toEqual(['a'])
    runs[1]!.release()
    await Promise.all(rest)
    expect(settled).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(coalescer.busy('story')).toBe(false)
  })

  it('should run keys independently', async () => {
    const { coalescer, runs } = gatedTask()
    const a = coalescer.request('one', ['x'])
    const b = coalescer.request('two', ['y'])
    await tick()
    expect(runs.map((r) => r.key)).toEqual(['one', 'two'])
    for (const r of runs) r.release()
    await Promise.all([a, b])
  })

  it('should reject the requests a failed run served and still run the ones queued behind it', async () => {
    const { coalescer, runs } = gatedTask()
    const first = coalescer.request('story', ['a'])
    await tick()
    const second = coalescer.request('story', ['b'])
    runs[0]!.fail(new Error('deadlock'))
    await expect(first).rejects.toThrow('deadlock')
    await tick()
    expect(runs).toHaveLength(2)
    runs[1]!.release()
    await expect(second).resolves.toBeUndefined()
    expect(coalescer.busy('story')).toBe(false)
  })

  it('should settle every request once, with a run that started after it, whatever the interleaving and failures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('request', 'release', 'fail'), { minLength: 1, maxLength: 30 }), async (steps) => {
        const { coalescer, runs, bump } = gatedTask()
        const asked: { version: number; settled: number; servedBy?: (typeof runs)[number] }[] = []
        const ended = new Set<(typeof runs)[number]>()
        const endNext = (how: 'release' | 'fail') => {
          const run = runs.find((r) => !ended.has(r))
          if (!run) return
          ended.add(run)
          if (how === 'release') run.release()
          else run.fail(new Error('run failed'))
        }
        for (const step of steps) {
          if (step === 'request') {
            const entry: (typeof asked)[number] = { version: bump(), settled: 0 }
            asked.push(entry)
            const settle = () => {
              entry.settled++
              entry.servedBy = runs.find((r) => r.ask.includes(String(entry.version)))
            }
            void coalescer.request('k', [String(entry.version)]).then(settle, settle)
          } else {
            endNext(step)
          }
          await tick()
        }
        // Drain: end whatever is left until every request settled.
        for (let i = 0; i < 40 && asked.some((a) => !a.settled); i++) {
          endNext('release')
          await tick()
        }
        for (const a of asked) {
          // Settled once, by the one run that carried it, which started at or after its change.
          expect(a.settled).toBe(1)
          expect(runs.filter((r) => r.ask.includes(String(a.version)))).toHaveLength(1)
          expect(a.servedBy!.sawVersion).toBeGreaterThanOrEqual(a.version)
        }
        // One run at a time and folding: never more runs than requests, and nothing kept after.
        expect(runs.length).toBeLessThanOrEqual(asked.length)
        expect(coalescer.busy('k')).toBe(false)
      }),
      { numRuns: 200 },
    )
  })
})
