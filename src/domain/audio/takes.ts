/**
 * How many times a translator may have one line voiced again (`POST /api/audio-files/:id/regenerate`).
 * Each retake with a paid provider is billed, and any translator of a locale may reject and
 * regenerate its lines, so their retakes are capped per line; editors and admins, who answer for
 * the budget, are not. AUDIO_TRANSLATOR_MAX_TAKES: unset means 5 for a paid provider and no cap for
 * the offline local one; 0 means no cap.
 */
export const DEFAULT_TRANSLATOR_MAX_TAKES = 5

/** The cap on a line's takes a translator may ask for; null when there is none. */
export function translatorTakeLimit(configured: number | undefined, providerName: string): number | null {
  if (configured === undefined) return providerName === 'local' ? null : DEFAULT_TRANSLATOR_MAX_TAKES
  return configured === 0 ? null : configured
}

/** Whether one more take of a line that has had `takes` is within `limit` (null: no cap). */
export function mayTakeAgain(takes: number, limit: number | null): boolean {
  return limit === null || takes < limit
}

/** The 429 message for a translator's take over the cap. */
export function takeCapMessage(takes: number, limit: number, providerName: string, configured: number | undefined): string {
  const setting = configured === undefined ? `the default for the ${providerName} provider; AUDIO_TRANSLATOR_MAX_TAKES sets it` : `AUDIO_TRANSLATOR_MAX_TAKES=${configured}`
  const billed = providerName === 'local' ? '' : ' Each take is billed.'
  return `This line has been voiced again ${takes} ${takes === 1 ? 'time' : 'times'}, the most a translator may ask for (${limit}: ${setting}).${billed} An editor can regenerate it.`
}
