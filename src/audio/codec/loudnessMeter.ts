import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

import type { LoudnessMeasurement } from '@/domain/audio/loudness'
import { truePeakWindows } from '@/domain/audio/truePeakWindows'

/**
 * EBU R128 / ITU-R BS.1770 loudness of mono float samples: integrated loudness (LUFS, gated) and
 * true peak (dBTP, 4x oversampled), measured by the `ebur128` Rust crate compiled to WASM
 * (npm `ebur128-wasm`).
 *
 * That package is built for bundlers (it imports its .wasm as an ES module, which Node 20 cannot
 * load), so this file instantiates the same .wasm itself and calls its exports the way the
 * package's own glue does (copy the samples into WASM memory with its allocator, which the Rust
 * side takes ownership of and frees). Its only imports report a Rust panic, which we turn into a
 * thrown error.
 */
type Exports = {
  memory: WebAssembly.Memory
  __wbindgen_malloc(bytes: number, align?: number): number
  ebur128_integrated_mono(rate: number, ptr: number, len: number): number
  ebur128_true_peak_mono(rate: number, ptr: number, len: number): number
}

let exportsOnce: Exports | undefined

function wasm(): Exports {
  if (exportsOnce) return exportsOnce
  // Resolved at run time from the project (a literal specifier is rewritten by Next's bundler into
  // a `[project]/…` path that does not exist on disk).
  const require = createRequire(path.join(process.cwd(), 'package.json'))
  const specifier = ['ebur128-wasm', 'ebur128_wasm_bg.wasm'].join('/')
  const module = new WebAssembly.Module(readFileSync(require.resolve(specifier)))
  const panic = () => {
    throw new Error('ebur128 (WASM) panicked while measuring loudness')
  }
  const imports: Record<string, () => unknown> = {}
  for (const imp of WebAssembly.Module.imports(module)) imports[imp.name] = imp.name.startsWith('__wbg_error') ? panic : () => 0
  const instance = new WebAssembly.Instance(module, { './ebur128_wasm_bg.js': imports })
  exportsOnce = instance.exports as unknown as Exports
  return exportsOnce
}

function call(fn: 'ebur128_integrated_mono' | 'ebur128_true_peak_mono', sampleRate: number, samples: Float32Array): number {
  const w = wasm()
  const ptr = w.__wbindgen_malloc(samples.length * 4, 4)
  new Float32Array(w.memory.buffer, ptr, samples.length).set(samples)
  return w[fn](sampleRate, ptr, samples.length)
}

/** Loudness of mono samples (-1..1 full scale) at `sampleRate`. Silence reads -Infinity LUFS. */
export function measureLoudness(samples: Float32Array, sampleRate: number): LoudnessMeasurement {
  if (samples.length === 0) return { integratedLufs: Number.NEGATIVE_INFINITY, truePeakDbtp: Number.NEGATIVE_INFINITY }
  const integratedLufs = call('ebur128_integrated_mono', sampleRate, samples)
  return { integratedLufs, truePeakDbtp: measureTruePeak(samples, sampleRate) }
}

/**
 * True peak (dBTP), read by ebur128 only where it can be (src/domain/audio/truePeakWindows.ts: the
 * stretches within 6 dB of the sample peak, with context): the same figure as a read of the whole
 * signal (tested) at a fraction of the cost, which the normaliser pays once per encode.
 */
export function measureTruePeak(samples: Float32Array, sampleRate: number): number {
  let peak = Number.NEGATIVE_INFINITY
  for (const [start, end] of truePeakWindows(samples)) peak = Math.max(peak, call('ebur128_true_peak_mono', sampleRate, samples.subarray(start, end)))
  return peak
}

/** True peak (dBTP) read over the whole signal (what measureTruePeak must equal). */
export function measureTruePeakWhole(samples: Float32Array, sampleRate: number): number {
  if (samples.length === 0) return Number.NEGATIVE_INFINITY
  return call('ebur128_true_peak_mono', sampleRate, samples)
}
