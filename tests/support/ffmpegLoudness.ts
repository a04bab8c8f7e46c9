import { spawnSync } from 'node:child_process'

/**
 * Loudness of an audio file as Debian ffmpeg's `ebur128` filter measures it (integrated LUFS and
 * true peak, 4x oversampled): the independent meter our own measurement is checked against.
 * Test-only: production never shells out to ffmpeg.
 */
export function ffmpegLoudness(file: string): { integratedLufs: number; truePeakDbtp: number } {
  const run = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128=peak=true', '-f', 'null', '-'], { encoding: 'utf8' })
  if (run.error) throw run.error
  if (run.status !== 0) throw new Error(`ffmpeg failed (${run.status}):\n${run.stderr.slice(-800)}`)
  const summary = run.stderr.slice(run.stderr.lastIndexOf('Summary:'))
  const i = /I:\s+(-?[\d.]+|-inf) LUFS/.exec(summary)
  const p = /Peak:\s+(-?[\d.]+|-inf) dBFS/.exec(summary)
  if (!i || !p) throw new Error(`No ebur128 summary in ffmpeg's output:\n${run.stderr.slice(-800)}`)
  const num = (s: string) => (s === '-inf' ? Number.NEGATIVE_INFINITY : Number(s))
  return { integratedLufs: num(i[1]!), truePeakDbtp: num(p[1]!) }
}
