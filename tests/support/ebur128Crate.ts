import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The Rust `ebur128` crate as the npm package `ebur128-wasm` builds it (test-only reference for
 * the libebur128 meter the app uses; the package is built for bundlers, so the .wasm is
 * instantiated here the way its own glue does). Integrated LUFS and true peak in dBTP.
 */
type Exports = {
  memory: WebAssembly.Memory
  __wbindgen_malloc(bytes: number, align?: number): number
  ebur128_integrated_mono(rate: number, ptr: number, len: number): number
  ebur128_true_peak_mono(rate: number, ptr: number, len: number): number
}

let instance: Exports | undefined

function crate(): Exports {
  if (instance) return instance
  const require = createRequire(path.join(process.cwd(), 'package.json'))
  const module = new WebAssembly.Module(readFileSync(require.resolve('ebur128-wasm/ebur128_wasm_bg.wasm')))
  const imports: Record<string, () => unknown> = {}
  for (const imp of WebAssembly.Module.imports(module)) {
    imports[imp.name] = imp.name.startsWith('__wbg_error')
      ? () => {
          throw new Error('ebur128 (crate) panicked')
        }
      : () => 0
  }
  instance = new WebAssembly.Instance(module, { './ebur128_wasm_bg.js': imports }).exports as unknown as Exports
  return instance
}

function call(fn: 'ebur128_integrated_mono' | 'ebur128_true_peak_mono', sampleRate: number, samples: Float32Array): number {
  const w = crate()
  const ptr = w.__wbindgen_malloc(samples.length * 4, 4)
  new Float32Array(w.memory.buffer, ptr, samples.length).set(samples)
  return w[fn](sampleRate, ptr, samples.length)
}

export const crateIntegratedLufs = (samples: Float32Array, sampleRate: number) => call('ebur128_integrated_mono', sampleRate, samples)
export const crateTruePeakDbtp = (samples: Float32Array, sampleRate: number) => call('ebur128_true_peak_mono', sampleRate, samples)
