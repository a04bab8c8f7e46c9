import { readdirSync, readFileSync } from 'node:fs'
import { threadId } from 'node:worker_threads'

import { describe, expect, it } from 'vitest'

import { EncodeRejected, encodeInPool } from '@/audio/codec/encodePool'
import { encodeNormalised } from '@/audio/codec/normalizeLoudness'
import { measureLoudness } from '@/audio/codec/loudnessMeter'
import { encodeOpus } from '@/audio/codec/opus'
import { decodeOggOpus } from '@/audio/codec/opusDecode'
import { LOUDNESS_TARGET } from '@/domain/audio/loudness'
import { AUDIO_NICE } from '@/audio/codec/backgroundPriority'
import { runShutdownHooks } from '@/lifecycle/shutdown'
import { speechLikePcm } from '../../support/pcm'

describe('encodeInPool', () => {
  it('should encode on a worker thread the same bytes and loudness as encodeNormalised on this one', async () => {
    const lines = [speechLikePcm(2.5, 22050, 120), speechLikePcm(1.5, 24000, 210)]
    const pooled = await Promise.all(lines.map((pcm) => encodeInPool(pcm.samples, pcm.sampleRate)))
    for (const [i, pcm] of lines.entries()) {
      const here = await encodeNormalised(pcm.samples, pcm.sampleRate, encodeOpus)
      expect(pooled[i]!.threadId).not.toBe(threadId)
      expect(pooled[i]!.bytes.equals(here.bytes)).toBe(true)
      expect(pooled[i]!.loudness).toEqual(here.loudness)
    }
  })

  it('should encode at a lower priority than the event loop (the requests go first)', async () => {
    const pcm = speechLikePcm(1, 24000)
    await encodeInPool(pcm.samples, pcm.sampleRate)
    // Each thread of this process is a task with its own nice value (stat field 19).
    const nice = (tid: string) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ').pop()!.split(' ')[16])
    const tasks = readdirSync('/proc/self/task')
    const main = nice(String(process.pid))
    expect(main).toBeLessThan(AUDIO_NICE)
    // The encode thread that just ran (idle threads stay 30 s) is at AUDIO_NICE.
    expect(tasks.map(nice)).toContain(AUDIO_NICE)
  })

  it('should encode plain Ogg/Opus without a loudness when asked not to normalise', async () => {
    const pcm = speechLikePcm(1, 24000)
    const plain = await encodeInPool(pcm.samples, pcm.sampleRate, { mode: 'plain' })
    expect(plain.loudness).toBeNull()
    expect(plain.bytes.equals(await encodeOpus(pcm.samples, pcm.sampleRate))).toBe(true)
  })

  it('should encode plain Ogg/Opus and measure it as decoded when asked to measure only', async () => {
    const pcm = speechLikePcm(1, 24000)
    const measured = await encodeInPool(pcm.samples, pcm.sampleRate, { mode: 'measured' })
    expect(measured.bytes.equals(await encodeOpus(pcm.samples, pcm.sampleRate))).toBe(true)
    const decoded = await decodeOggOpus(measured.bytes)
    expect(measured.loudness).toEqual(measureLoudness(decoded.samples, decoded.sampleRate))
    // Not normalised: the source's own level, not the target's.
    expect(Math.abs(measured.loudness!.integratedLufs - LOUDNESS_TARGET.integratedLufs)).toBeGreaterThan(LOUDNESS_TARGET.toleranceLu)
  })

  it('should reject with the normaliser\'s reason when a line cannot be normalised', async () => {
    const error = await encodeInPool(new Int16Array(24000), 24000).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EncodeRejected)
    expect((error as Error).message).toMatch(/Cannot normalise silence/)
  })

  it('should finish a line in flight while the shutdown hooks run (the audio worker waits for it)', async () => {
    const pcm = speechLikePcm(3, 24000)
    const inFlight = encodeInPool(pcm.samples, pcm.sampleRate)
    await runShutdownHooks(() => undefined)
    expect((await inFlight).loudness).not.toBeNull()
  })
})
