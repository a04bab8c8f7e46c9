import type { PcmAudio } from '@/audio/providers/types'

/** A deterministic speech-like signal: a tone with a 3 Hz syllable envelope plus light noise. */
export function speechLikePcm(seconds: number, sampleRate = 24000, freq = 180): PcmAudio {
  const samples = new Int16Array(Math.round(seconds * sampleRate))
  let seed = 12345
  for (let i = 0; i < samples.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0
    const noise = ((seed >>> 16) / 65536 - 0.5) * 600
    const t = i / sampleRate
    const envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t)
    samples[i] = Math.round(9000 * envelope * Math.sin(2 * Math.PI * freq * t) + noise)
  }
  return { samples, sampleRate }
}

/** A fake clock whose sleep advances time instantly and records every wait. */
export function fakeTime(start = 1_000_000) {
  let now = start
  const sleeps: number[] = []
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      now += ms
    },
    sleeps,
  }
}
