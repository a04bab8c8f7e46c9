/**
 * Where in a signal its true peak can be, so a true-peak meter need only read those stretches.
 *
 * A true-peak meter (BS.1770 Annex 2) upsamples with an FIR interpolator and takes the largest
 * magnitude. Each interpolated value is a weighted sum of nearby samples, so it is at most
 * `gainBound` (the largest sum of |weights| of one interpolation phase) times the largest of those
 * samples. Any value whose samples all stay under `maxSample / gainBound` is therefore under
 * `maxSample`, itself a lower bound of the true peak: it cannot be the peak. The windows cover every
 * sample at or above that level with `pad` samples of context on each side, so that a meter run on a
 * window alone (its interpolator starting from silence) sees the full neighbourhood of every
 * candidate, and the made-up values at a window's edges come from samples under the level.
 *
 * The loudness meter's 4x interpolator (libebur128's: a 49-tap Hann-windowed sinc, 13 taps per
 * phase) has at most 1.86 as its sum of |weights| (the half-sample phase); 2 leaves a margin.
 * `pad` must exceed the taps of one phase. The meter reads the windows as one signal, joined by
 * `TRUE_PEAK_WINDOW_GAP` zeros (joinWindows): about a fifth of a decoded line, in one call.
 */
export const TRUE_PEAK_GAIN_BOUND = 2
export const TRUE_PEAK_WINDOW_PAD = 16
/**
 * Zeros between two windows joined into one signal: more than the taps of one phase, so the
 * interpolator has forgotten a window before the next starts, as if each were read alone. What it
 * makes of a window's last samples and the zeros comes from samples under the level: under the
 * peak, like the made-up values at a window's start. Windows closer than this are read as one.
 */
export const TRUE_PEAK_WINDOW_GAP = 16

/** Half-open [start, end) sample ranges, in order, that hold every candidate for the true peak. */
export function truePeakWindows(
  samples: Float32Array,
  opts: { gainBound?: number; pad?: number } = {},
): [number, number][] {
  const gainBound = opts.gainBound ?? TRUE_PEAK_GAIN_BOUND
  const pad = opts.pad ?? TRUE_PEAK_WINDOW_PAD
  const n = samples.length
  let max = 0
  for (let i = 0; i < n; i++) {
    const a = Math.abs(samples[i]!)
    if (a > max) max = a
  }
  if (max === 0) return []
  const level = max / gainBound
  const windows: [number, number][] = []
  for (let i = 0; i < n; i++) {
    if (Math.abs(samples[i]!) < level) continue
    const start = Math.max(0, i - pad)
    const end = Math.min(n, i + pad + 1)
    const last = windows.at(-1)
    if (last && start - last[1] <= TRUE_PEAK_WINDOW_GAP) last[1] = end
    else windows.push([start, end])
  }
  return windows
}

/** The windows' samples in order, `TRUE_PEAK_WINDOW_GAP` zeros between two: one signal to meter. */
export function joinWindows(samples: Float32Array, windows: readonly [number, number][]): Float32Array {
  const length = windows.reduce((n, [start, end]) => n + end - start, 0) + Math.max(0, windows.length - 1) * TRUE_PEAK_WINDOW_GAP
  const out = new Float32Array(length)
  let at = 0
  for (const [start, end] of windows) {
    out.set(samples.subarray(start, end), at)
    at += end - start + TRUE_PEAK_WINDOW_GAP
  }
  return out
}
