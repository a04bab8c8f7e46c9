import crypto from 'node:crypto'

/**
 * Hash of a source text a translation was made from: sha256 of its UTF-8 bytes, hex. Postgres
 * computes the same value with `encode(sha256(convert_to(text, 'UTF8')), 'hex')` (the backfill
 * migration does), so nothing may normalise the text first.
 */
export function textHash(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex')
}
