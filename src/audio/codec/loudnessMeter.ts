import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { LoudnessMeasurement } from '@/domain/audio/loudness'
import { joinWindows, truePeakWindows } from '@/domain/audio/truePeakWindows'

/**
 * EBU R128 / ITU-R BS.1770 loudness of mono float samples: integrated loudness (LUFS, gated) and
 * true peak (dBTP, 4x oversampled), measured by libebur128, the reference C implementation,
 * compiled to WASM (./libebur128: upstream sources unmodified, our 40-line entry points, the
 * build script and the reason it replaced the `ebur128-wasm` package, which is 3-4x slower).
 */
type Exports = {
  memory: WebAssembly.Memory
  buffer_alloc(bytes: number): number
  buffer_free(ptr: number): void
  integrated_mono(rate: number, ptr: number, frames: number): number
  true_peak_mono(rate: number, ptr: number, frames: number): number
}

/** WASI's "function not supported": libebur128's stdio is linked in but only used on error paths. */
const ENOSYS = 52

let exportsOnce: Exports | undefined

function wasm(): Exports {
  if (exportsOnce) return exportsOnce
  // Read from the project at run time: a module-relative URL is rewritten by Next's bundler into a
  // `[project]/…` path that does not exist on disk.
  const module = new WebAssembly.Module(readFileSync(path.join(process.cwd(), 'src/audio/codec/libebur128/ebur128.wasm')))
  const wasi: Record<string, () => number> = {}
  for (const imp of WebAssembly.Module.imports(module)) wasi[imp.name] = () => ENOSYS
  const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasi })
  exportsOnce = instance.exports as unknown as Exports
  return exportsOnce
}

function call(fn: 'integrated_mono' | 'true_peak_mono', sampleRate: number, samples: Float32Array): number {
  const w = wasm()
  const ptr = w.buffer_alloc(samples.length * 4)
  if (!ptr) throw new Error(`libebur128 (WASM) could not allocate ${samples.length} samples`)
  try {
    new Float32Array(w.memory.buffer, ptr, samples.length).set(samples)
    const result = w[fn](sampleRate, ptr, samples.length)
    if (Number.isNaN(result)) throw new Error(`libebur128 (WASM) failed to measure ${samples.length} samples at ${sampleRate} Hz`)
    return result
  } finally {
    w.buffer_free(ptr)
  }
}

/** Loudness of mono samples (-1..1 full scale) at `sampleRate`. Silence reads -Infinity LUFS. */
export function measureLoudness(samples: Float32Array, sampleRate: number): LoudnessMeasurement {
  if (samples.length === 0) return { integratedLufs: Number.NEGATIVE_INFINITY, truePeakDbtp: Number.NEGATIVE_INFINITY }
  const integratedLufs = call('integrated_mono', sampleRate, samples)
  return { integratedLufs, truePeakDbtp: measureTruePeak(samples, sampleRate) }
}

/**
 * True peak (dBTP), read by libebur128 only where it can be (src/domain/audio/truePeakWindows.ts: the
 * stretches within 6 dB of the sample peak, with context, joined by silence into one read): the
 * same figure as a read of the whole signal (tested) at a fraction of the cost, which the
 * normaliser pays once per encode.
 */
export function measureTruePeak(samples: Float32Array, sampleRate: number): number {
  const windows = truePeakWindows(samples)
  if (windows.length === 0) return Number.NEGATIVE_INFINITY
  return truePeakDb(sampleRate, joinWindows(samples, windows))
}

/** True peak (dBTP) read over the whole signal (what measureTruePeak must equal). */
export function measureTruePeakWhole(samples: Float32Array, sampleRate: number): number {
  if (samples.length === 0) return Number.NEGATIVE_INFINITY
  return truePeakDb(sampleRate, samples)
}

const truePeakDb = (sampleRate: number, samples: Float32Array) => 20 * Math.log10(call('true_peak_mono', sampleRate, samples))
