import type { LocaleCode } from '@/locales'

/**
 * What `code_mix_ratio` (numeric 0.00-1.00 on every audio variant) means.
 *
 * It is a *measurement of the text that was voiced*, stored with the audio, not a generation knob.
 * Sarvam Bulbul has no code-mix parameter: code-mixing lives in the text the translator wrote, and
 * the TTS voices whatever mix it is given. A knob we could not pass to the engine would be a lie;
 * a measurement is reproducible (same text -> same ratio), cheap, and useful: editors see how much
 * English a Hinglish line carries, QA can flag a `hi-mixed` line that is really pure English
 * (~1.0) or pure Hindi (~0.0), and the player can prefer lighter mixes for younger listeners.
 *
 * - 0 means the locale's own language voiced as is (pure language). `en` is always 0: English is
 *   the base language there, not a mix.
 * - `hi-mixed` (Hinglish, Latin script): the share of English words among the words we can
 *   classify, estimated with a small list of English words children's stories use
 *   ({@link measureCodeMix}). Spellings that are also common Hinglish words ("main", "to", "the",
 *   "is") are ambiguous and left out of the count.
 * - Other Indian locales (native script): the share of words written in Latin script, i.e. English
 *   words embedded in, say, Devanagari text ("मेरा phone").
 *
 * Values are rounded to the two decimals the database stores.
 */
export function codeMixRatio(locale: LocaleCode, text: string): number {
  if (locale === 'en') return 0
  if (locale === 'hi-mixed') return measureCodeMix(text)
  return latinWordShare(text)
}

/** Estimated share (0.00-1.00) of English words in Latin-script Hinglish text. */
export function measureCodeMix(text: string): number {
  let english = 0
  let hindi = 0
  for (const word of words(text)) {
    if (AMBIGUOUS.has(word)) continue
    if (isLatin(word) && ENGLISH.has(word)) english++
    else hindi++
  }
  return ratio(english, english + hindi)
}

function latinWordShare(text: string): number {
  const all = words(text)
  return ratio(all.filter(isLatin).length, all.length)
}

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{M}]+(?:'[\p{L}]+)?/gu) ?? []).map((w) => w.replace(/'.*$/, ''))
}

function isLatin(word: string): boolean {
  return /^[a-z]+$/.test(word)
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100) / 100
}

/** Spellings that are as likely Hinglish as English: not counted either way. */
const AMBIGUOUS = new Set([
  'main', 'me', 'to', 'the', 'is', 'us', 'so', 'do', 'par', 'hi', 'he', 'ha', 'na', 'bat', 'sun',
  'man', 'log', 'pass', 'more', 'hum', 'din', 'pool', 'bus', 'ban', 'kill', 'lay',
])

const ENGLISH = new Set(
  `a an and or but if then than this that these those it its i you we they she his her him our
  your their them my mine what who where when why how which all some any no not yes very too also
  just only again now here there up down in on at of for from with without into out over under
  about after before be been being am are was were has have had will would can could should must
  may might shall go goes went going come came get got make made take took give gave see saw look
  say said tell told know think want like love play run walk jump eat drink sleep read write sing
  dance call help open close stop start find found keep let put try ask need feel thank thanks
  please sorry okay ok hello bye good bad nice happy sad big small little new old long short fast
  slow hot cold best better beautiful scared angry funny friend friends family mother father mom
  dad mummy papa brother sister baby boy girl teacher school class homework book story game games
  ball toy toys phone car train park garden tree trees flower flowers water food lunch dinner
  breakfast cake chocolate sweet sweets birthday party gift day night morning evening time today
  tomorrow yesterday week one two three four five six seven eight nine ten first last next every
  house home room door window road city village forest river sky sun moon star stars rain king
  queen prince princess magic dragon monkey elephant tiger lion dog cat bird fish cow horse rabbit
  really actually suddenly finally always never sometimes maybe problem idea plan surprise
  adventure secret treasure box bag shoes dress colour color red blue green yellow white black
  team win lost match picture photo video computer doctor police market shop money`.split(/\s+/),
)
