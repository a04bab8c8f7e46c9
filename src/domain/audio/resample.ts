/** Taps on each side of the interpolation point (at the input rate, when upsampling). */
const HALF_TAPS = 16
/** Above this many distinct phases, kernels are computed per sample instead of tabulated. */
const MAX_TABLE_PHASES = 4096

/**
 * Convert 16-bit PCM at `from` Hz to float samples (-1..1) at `to` Hz with a Blackman-windowed
 * sinc (polyphase: one kernel per distinct fractional position, e.g. 160 for 22050 -> 24000).
 * When downsampling the cut-off drops to the new Nyquist, so nothing aliases. Pure and
 * deterministic: identical input gives identical output.
 */
export function resampleToFloat(samples: Int16Array, from: number, to: number): Float32Array {
  assertRate(from)
  assertRate(to)
  if (from === to) return int16ToFloat(samples)
  const g = gcd(from, to)
  const up = to / g
  const down = from / g
  const cutoff = Math.min(1, to / from)
  const half = Math.ceil(HALF_TAPS / cutoff)
  const kernelFor = kernelSource(from, to, up, cutoff, half)
  const out = new Float32Array(Math.round((samples.length * to) / from))
  const n = samples.length
  const taps = 2 * half
  for (let j = 0; j < out.length; j++) {
    const base = Math.floor((j * down) / up)
    const kernel = kernelFor((j * down) % up)
    const first = base - half + 1
    let acc = 0
    if (first >= 0 && first + taps <= n) {
      // Inside the signal (all but the first and last few samples): no bounds to check.
      for (let k = 0; k < taps; k++) acc += samples[first + k]! * kernel[k]!
    } else {
      for (let k = 0; k < taps; k++) {
        const i = first + k
        if (i >= 0 && i < n) acc += samples[i]! * kernel[k]!
      }
    }
    out[j] = Math.max(-1, Math.min(1, acc / 32768))
  }
  return out
}

/** 16-bit PCM as float samples (-1..1). A plain loop: `Float32Array.from(x, fn)` is ~20x slower. */
export function int16ToFloat(samples: Int16Array): Float32Array {
  const out = new Float32Array(samples.length)
  for (let i = 0; i < samples.length; i++) out[i] = samples[i] / 32768
  return out
}

/**
 * Float samples (-1..1) as 16-bit PCM: rounded half up (as Math.round), clamped to the 16-bit
 * range. `Math.floor(x + 0.5)` is Math.round's value for every float32 times 2^15 (x + 0.5 is
 * exact there; tested) at a quarter of its cost in V8, which the normaliser pays once per encode.
 */
export function floatToInt16(samples: Float32Array): Int16Array {
  const n = samples.length
  const out = new Int16Array(n)
  for (let i = 0; i < n; i++) {
    const x = samples[i]! * 32768
    out[i] = x >= 32767 ? 32767 : x <= -32768 ? -32768 : Math.floor(x + 0.5)
  }
  return out
}

/** Tabulated kernels per rate pair (a conversion uses the same ones every time). */
const tables = new Map<string, Float32Array[]>()

/** Kernel for phase p (input position base + p/up), tabulated when there are few phases. */
function kernelSource(from: number, to: number, up: number, cutoff: number, half: number): (phase: number) => Float32Array {
  const build = (phase: number) => buildKernel(phase / up, cutoff, half)
  if (up > MAX_TABLE_PHASES) return build
  const key = `${from}:${to}`
  let table = tables.get(key)
  if (!table) tables.set(key, (table = Array.from({ length: up }, (_, phase) => build(phase))))
  const kernels = table
  return (phase) => kernels[phase]!
}

/** Weights for input samples base-half+1 .. base+half, interpolating at base + frac. */
function buildKernel(frac: number, cutoff: number, half: number): Float32Array {
  const weights = new Float64Array(2 * half)
  let sum = 0
  for (let k = 0; k < weights.length; k++) {
    const x = frac + half - 1 - k
    const w = cutoff * sinc(cutoff * x) * blackman(x / half)
    weights[k] = w
    sum += w
  }
  return Float32Array.from(weights, (w) => w / sum)
}

function sinc(x: number): number {
  if (x === 0) return 1
  const px = Math.PI * x
  return Math.sin(px) / px
}

/** Blackman window over -1..1. */
function blackman(t: number): number {
  if (Math.abs(t) >= 1) return 0
  const a = Math.PI * (t + 1)
  return 0.42 - 0.5 * Math.cos(a) + 0.08 * Math.cos(2 * a)
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

function assertRate(rate: number): void {
  if (!Number.isInteger(rate) || rate < 1000 || rate > 384000) {
    throw new RangeError(`Sample rate must be an integer from 1000 to 384000 Hz, got ${rate}`)
  }
}
