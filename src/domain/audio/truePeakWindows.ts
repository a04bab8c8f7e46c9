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
 * phase) has at most 1.86 as its sum of |weights| (the half-sample phase); 2 leaves a margin, and
 * reads about a third of a decoded line. `pad` must exceed the taps of one phase.
 */
export const TRUE_PEAK_GAIN_BOUND = 2
export const TRUE_PEAK_WINDOW_PAD = 32
/** Windows closer than this are read as one (each read has a fixed cost). */
const MERGE_GAP = 256

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
    if (last && start - last[1] < MERGE_GAP) last[1] = end
    else windows.push([start, end])
  }
  return windows
}
