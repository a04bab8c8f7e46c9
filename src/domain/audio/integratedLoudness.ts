/**
 * Integrated loudness (ITU-R BS.1770-4 / EBU R128) of mono float samples, in plain TypeScript:
 * K-weighting (the standard's two biquads, derived for any sample rate as libebur128 does),
 * 400 ms blocks every 100 ms, the absolute gate at -70 LUFS and the relative gate 10 LU below.
 *
 * This is the gain search's estimate only: it agrees with the libebur128 meter (src/audio/codec/
 * loudnessMeter.ts, tested to within 0.01 LU) without crossing into WASM and copying the samples
 * there, which matters because a line's gain search measures 3-5 times. Every figure that is
 * stored or judged (the decoded file's loudness and true peak) comes from libebur128.
 */

/** Direct-form coefficients of one biquad: y = b0 x + b1 x1 + b2 x2 - a1 y1 - a2 y2. */
type Biquad = { b0: number; b1: number; b2: number; a1: number; a2: number }

const kWeightingCache = new Map<number, [Biquad, Biquad]>()

/** The K-weighting pre-filter (high shelf) and RLB high-pass for `sampleRate` (BS.1770's analogue prototypes, bilinear transform). */
export function kWeighting(sampleRate: number): [Biquad, Biquad] {
  const cached = kWeightingCache.get(sampleRate)
  if (cached) return cached
  let f0 = 1681.974450955533
  const G = 3.999843853973347
  let Q = 0.7071752369554196
  let K = Math.tan((Math.PI * f0) / sampleRate)
  const Vh = 10 ** (G / 20)
  const Vb = Vh ** 0.4996667741545416
  let a0 = 1 + K / Q + K * K
  const shelf: Biquad = {
    b0: (Vh + (Vb * K) / Q + K * K) / a0,
    b1: (2 * (K * K - Vh)) / a0,
    b2: (Vh - (Vb * K) / Q + K * K) / a0,
    a1: (2 * (K * K - 1)) / a0,
    a2: (1 - K / Q + K * K) / a0,
  }
  f0 = 38.13547087602444
  Q = 0.5003270373238773
  K = Math.tan((Math.PI * f0) / sampleRate)
  a0 = 1 + K / Q + K * K
  const highPass: Biquad = { b0: 1, b1: -2, b2: 1, a1: (2 * (K * K - 1)) / a0, a2: (1 - K / Q + K * K) / a0 }
  const filters: [Biquad, Biquad] = [shelf, highPass]
  kWeightingCache.set(sampleRate, filters)
  return filters
}

const ABSOLUTE_GATE_LUFS = -70
const RELATIVE_GATE_LU = -10
const toLufs = (meanSquare: number) => -0.691 + 10 * Math.log10(meanSquare)

/**
 * Integrated loudness in LUFS of mono samples (-1..1 full scale); -Infinity for silence or less
 * than one 400 ms block.
 */
export function integratedLoudness(samples: Float32Array, sampleRate: number): number {
  const [s, h] = kWeighting(sampleRate)
  const step = Math.round(sampleRate / 10)
  const steps = Math.floor(samples.length / step)
  // K-weighted energy of each 100 ms step; a gating block is 4 consecutive steps.
  const energy = new Float64Array(steps)
  let x1 = 0
  let x2 = 0
  let y1 = 0
  let y2 = 0
  let z1 = 0
  let z2 = 0
  let i = 0
  for (let k = 0; k < steps; k++) {
    let sum = 0
    for (const end = i + step; i < end; i++) {
      const x = samples[i]!
      const y = s.b0 * x + s.b1 * x1 + s.b2 * x2 - s.a1 * y1 - s.a2 * y2
      x2 = x1
      x1 = x
      const z = y - 2 * y1 + y2 - h.a1 * z1 - h.a2 * z2
      y2 = y1
      y1 = y
      z2 = z1
      z1 = z
      sum += z * z
    }
    energy[k] = sum
  }
  const blocks = steps - 3
  if (blocks <= 0) return Number.NEGATIVE_INFINITY
  const block = new Float64Array(blocks)
  const absolute = 10 ** ((ABSOLUTE_GATE_LUFS + 0.691) / 10)
  let gatedSum = 0
  let gatedCount = 0
  for (let b = 0; b < blocks; b++) {
    const ms = (energy[b]! + energy[b + 1]! + energy[b + 2]! + energy[b + 3]!) / (4 * step)
    block[b] = ms
    if (ms > absolute) {
      gatedSum += ms
      gatedCount++
    }
  }
  if (gatedCount === 0) return Number.NEGATIVE_INFINITY
  const relative = (gatedSum / gatedCount) * 10 ** (RELATIVE_GATE_LU / 10)
  let sum = 0
  let count = 0
  for (let b = 0; b < blocks; b++) {
    if (block[b]! > absolute && block[b]! > relative) {
      sum += block[b]!
      count++
    }
  }
  return count ? toLufs(sum / count) : Number.NEGATIVE_INFINITY
}
