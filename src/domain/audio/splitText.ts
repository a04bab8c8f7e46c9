/**
 * Split text into chunks of at most `maxChars` UTF-16 code units (never more code points than
 * that either), for TTS engines that limit the characters of one request.
 *
 * Preference for where a chunk ends, always as late as the limit allows:
 * 1. a sentence end: `.` `!` `?` `।` (danda) `॥` (double danda), with any closing quotes or
 *    brackets, followed by whitespace or the end; or a line break;
 * 2. a clause mark: `,` `;` `:` `—` followed by whitespace;
 * 3. whitespace;
 * 4. a grapheme boundary (a word longer than the limit), so a vowel sign is never cut from its
 *    consonant.
 * Chunks are trimmed; apart from that whitespace, no character is lost or reordered.
 */
export function splitText(text: string, maxChars: number): string[] {
  if (!Number.isInteger(maxChars) || maxChars < 1) {
    throw new RangeError(`maxChars must be a positive integer, got ${maxChars}`)
  }
  const chunks: string[] = []
  let rest = text.trim()
  while (rest.length > maxChars) {
    const cut = bestCut(rest, maxChars)
    const chunk = rest.slice(0, cut).trim()
    if (chunk) chunks.push(chunk)
    rest = rest.slice(cut).trimStart()
  }
  if (rest) chunks.push(rest)
  return chunks
}

const SENTENCE_END = /[.!?।॥]+["'”’»)\]]*(?=\s|$)|\n/g
const CLAUSE_END = /[,;:—،](?=\s)/g
const WHITESPACE = /\s/g

/** Index (1..maxChars) at which to end the first chunk of `text` (longer than maxChars). */
function bestCut(text: string, maxChars: number): number {
  // One character of look-ahead: a mark exactly at the limit still needs its following space.
  const window = text.slice(0, maxChars + 1)
  return (
    lastMatchEnd(window, SENTENCE_END, maxChars) ??
    lastMatchEnd(window, CLAUSE_END, maxChars) ??
    lastMatchStart(window, WHITESPACE, maxChars) ??
    graphemeCut(text, maxChars)
  )
}

function lastMatchEnd(window: string, pattern: RegExp, maxChars: number): number | undefined {
  let best: number | undefined
  for (const m of window.matchAll(pattern)) {
    const end = m.index + m[0].length
    if (end <= maxChars && end > 0) best = end
  }
  return best
}

function lastMatchStart(window: string, pattern: RegExp, maxChars: number): number | undefined {
  let best: number | undefined
  for (const m of window.matchAll(pattern)) {
    if (m.index <= maxChars && m.index > 0) best = m.index
  }
  return best
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Last grapheme boundary within maxChars; a code point boundary if one grapheme is too long. */
function graphemeCut(text: string, maxChars: number): number {
  let cut = 0
  for (const { index } of graphemes.segment(text.slice(0, maxChars + 1))) {
    if (index > maxChars) break
    cut = index
  }
  if (cut > 0) return cut
  return codePointCut(text, maxChars)
}

function codePointCut(text: string, maxChars: number): number {
  const code = text.charCodeAt(maxChars - 1)
  const isHighSurrogate = code >= 0xd800 && code <= 0xdbff
  return isHighSurrogate && maxChars > 1 ? maxChars - 1 : maxChars
}
