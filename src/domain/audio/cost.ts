/** Sarvam Bulbul list price (v3): about ₹30 per 10,000 characters. */
export const DEFAULT_RUPEES_PER_10K = 30

export type CostOptions = { rupeesPer10k?: number }

/**
 * Estimated cost in rupees (rounded to paise) of voicing `chars` characters.
 * Sarvam bills per character sent, so this is linear; pass the provider-reported character count.
 */
export function estimateCost(chars: number, { rupeesPer10k = DEFAULT_RUPEES_PER_10K }: CostOptions = {}): number {
  if (!Number.isInteger(chars) || chars < 0) {
    throw new RangeError(`chars must be a non-negative integer, got ${chars}`)
  }
  if (!Number.isFinite(rupeesPer10k) || rupeesPer10k < 0) {
    throw new RangeError(`rupeesPer10k must be a non-negative number, got ${rupeesPer10k}`)
  }
  return Math.round((chars * rupeesPer10k) / 100) / 100
}
