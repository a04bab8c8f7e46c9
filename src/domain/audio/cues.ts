/**
 * Read-along cues: when each sentence of a voiced line starts and ends, in seconds.
 *
 * A line is voiced one sentence at a time; each sentence's speech is trimmed of the silence the
 * engine puts around it and the sentences are joined with a fixed pause, so the cue boundaries
 * are known exactly from the sentence durations rather than guessed from the text.
 */

export type Cue = { start: number; end: number; text: string }

const SENTENCE_END = /[.!?।॥]+["'”’»)\]]*(?=\s|$)|\n/gu

/**
 * Sentences of `text`, trimmed, in order: a sentence ends at `.` `!` `?` `।` `॥` (with closing
 * quotes/brackets) followed by whitespace or the end, or at a line break. A mark inside a word
 * (`3.5`, `a.m.x`) does not end one. Joined with single spaces they give back the text's words.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = []
  let from = 0
  for (const m of text.matchAll(SENTENCE_END)) {
    const to = m.index + m[0].length
    push(out, text.slice(from, to).trim())
    from = to
  }
  push(out, text.slice(from).trim())
  return out
}

/** A piece without a letter or digit ("...", "!") is not a sentence of its own: it joins the last. */
function push(out: string[], sentence: string): void {
  if (!sentence) return
  if (out.length && !/[\p{L}\p{N}]/u.test(sentence)) out[out.length - 1] += sentence
  else out.push(sentence)
}

export type Segment = { text: string; durationSec: number }

/**
 * Cues for sentences voiced back to back: `leadSec` of silence first, then each sentence's speech
 * followed by `gapSec` of silence. Times in seconds rounded to milliseconds.
 */
export function cuesFor(segments: readonly Segment[], opts: { leadSec: number; gapSec: number }): Cue[] {
  const cues: Cue[] = []
  let t = opts.leadSec
  segments.forEach((s, i) => {
    if (!(s.durationSec >= 0)) throw new RangeError(`Segment ${i} has no duration (${s.durationSec})`)
    cues.push({ start: ms(t), end: ms(t + s.durationSec), text: s.text })
    t += s.durationSec + opts.gapSec
  })
  return cues
}

const ms = (x: number) => Math.round(x * 1000) / 1000

/** A WebVTT file of the cues (https://www.w3.org/TR/webvtt1/): numbered cues, text escaped. */
export function toWebVtt(cues: readonly Cue[]): string {
  const blocks = cues.map((c, i) => `${i + 1}\n${timestamp(c.start)} --> ${timestamp(c.end)}\n${escapeCueText(c.text)}`)
  return ['WEBVTT', ...blocks].join('\n\n') + '\n'
}

function timestamp(sec: number): string {
  const total = Math.round(sec * 1000)
  const h = Math.floor(total / 3_600_000)
  const m = Math.floor((total % 3_600_000) / 60_000)
  const s = Math.floor((total % 60_000) / 1000)
  const milli = total % 1000
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(milli, 3)}`
}

const pad = (n: number, w: number) => String(n).padStart(w, '0')

/** Cue text may not hold `-->`, a blank line, or raw `&` `<` `>`. */
function escapeCueText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n\s*\n/g, '\n')
}

/** Index of the first and one past the last sample louder than `threshold` (0..1), or null for silence. */
export function speechBounds(samples: Float32Array, threshold: number): { start: number; end: number } | null {
  let start = 0
  while (start < samples.length && Math.abs(samples[start]!) < threshold) start++
  if (start === samples.length) return null
  let end = samples.length
  while (end > start && Math.abs(samples[end - 1]!) < threshold) end--
  return { start, end }
}

/**
 * Silent stretches of at least `minSec` (no sample in a `windowSec` window louder than
 * `threshold`) inside the audio, as [start, end] seconds: where one sentence stops and the next
 * begins. Leading and trailing silence is not reported.
 */
export function silenceGaps(samples: Float32Array, sampleRate: number, opts: { threshold: number; minSec: number; windowSec?: number }): [number, number][] {
  const win = Math.max(1, Math.round(sampleRate * (opts.windowSec ?? 0.005)))
  const gaps: [number, number][] = []
  let silentFrom: number | null = null
  let heard = false
  for (let i = 0; i < samples.length; i += win) {
    let peak = 0
    for (let j = i; j < Math.min(samples.length, i + win); j++) peak = Math.max(peak, Math.abs(samples[j]!))
    if (peak < opts.threshold) {
      if (silentFrom === null) silentFrom = i
    } else {
      if (silentFrom !== null && heard && (i - silentFrom) / sampleRate >= opts.minSec) gaps.push([silentFrom / sampleRate, i / sampleRate])
      silentFrom = null
      heard = true
    }
  }
  return gaps
}
