/**
 * A standby's replay lag, measured against the primary instead of the standby's own clock.
 *
 * Each probe first reads the primary's flushed WAL position (a mark: everything the primary had
 * committed at that moment lies at or before it), then the standby's replayed position. A standby
 * that has replayed up to a mark holds every commit the primary had when the mark was taken, so
 * its lag is at most the time since the newest such mark. That bound is exact where a standby-side
 * measure is not: WAL without commits (autovacuum, checkpoints) streaming to an idle standby does
 * not read as lag, and a standby cut off from an idle primary reads as caught up only until the
 * primary writes again. Its granularity is the probe interval: a standby a few ms behind a busy
 * primary reads as lagging by up to one interval (DATABASE_REPLICA_MAX_LAG_MS should be several).
 */

export type WalMark = { lsn: bigint; at: number }

/** A pg_lsn as text (`16/B374D848`: high and low 32 bits in hex) as a number. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text.trim())
  if (!match) throw new RangeError(`Not a WAL position (pg_lsn): "${text}"`)
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`)
}

/**
 * The standby's lag (ms) at `now`, given its replayed position and the primary's marks: the time
 * since the newest mark it has replayed (`bound: 'at-most'`). Behind every mark: at least the time
 * since the oldest (`bound: 'at-least'`), which can never be shown to be within a limit.
 */
export function replayLag(replayed: bigint, marks: readonly WalMark[], now: number): { ms: number; bound: 'at-most' | 'at-least' } | null {
  let newest: WalMark | undefined
  let oldest: WalMark | undefined
  for (const mark of marks) {
    if (mark.lsn <= replayed && (!newest || mark.at > newest.at)) newest = mark
    if (!oldest || mark.at < oldest.at) oldest = mark
  }
  if (newest) return { ms: Math.max(0, now - newest.at), bound: 'at-most' }
  return oldest ? { ms: Math.max(0, now - oldest.at), bound: 'at-least' } : null
}

/** Whether a standby with this lag may take reads. */
export function withinLag(lag: ReturnType<typeof replayLag>, maxLagMs: number): boolean {
  return lag !== null && lag.bound === 'at-most' && lag.ms <= maxLagMs
}

/**
 * The marks still worth keeping at `now`: those younger than `keepMs`, and the newest older one
 * (a standby that replayed it but none since is judged by it, and reads as lagging).
 */
export function keepMarks(marks: readonly WalMark[], now: number, keepMs: number): WalMark[] {
  const young = marks.filter((m) => now - m.at < keepMs)
  const old = marks.filter((m) => now - m.at >= keepMs).sort((a, b) => b.at - a.at)[0]
  return old ? [old, ...young] : young
}
