/**
 * Rates of rate limits: at most `limit` requests per fixed window of `windowSec` seconds per key.
 * The limits themselves are kept in Postgres, shared by every process (src/listener/rateLimits.ts).
 */
export type Rate = { limit: number; windowSec: number }

/** Parses "120/60" or "120/1m" (requests per window); "0" or "off" disables the limit (null). */
export function parseRate(text: string | undefined, fallback: Rate | null): Rate | null {
  if (text === undefined || text.trim() === '') return fallback
  const t = text.trim().toLowerCase()
  if (t === 'off' || t === '0') return null
  const match = /^(\d+)\s*\/\s*(\d+)?\s*(s|m|h)?$/.exec(t)
  if (!match) throw new Error(`Invalid rate "${text}": expected e.g. "120/60" (requests per seconds), "600/1m" or "off".`)
  const limit = Number(match[1])
  const unit = match[3] === 'h' ? 3600 : match[3] === 'm' ? 60 : 1
  const windowSec = Number(match[2] ?? 1) * unit
  if (limit <= 0 || windowSec <= 0) throw new Error(`Invalid rate "${text}": limit and window must be positive.`)
  return { limit, windowSec }
}
