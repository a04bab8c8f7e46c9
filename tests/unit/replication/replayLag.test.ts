import { describe, expect, it } from 'vitest'

import { keepMarks, parseLsn, replayLag, withinLag, type WalMark } from '@/domain/replication/replayLag'

describe('parseLsn', () => {
  it('should read a pg_lsn as its high and low 32 bits', () => {
    expect(parseLsn('0/0')).toBe(0n)
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n)
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n)
    expect(parseLsn('FFFFFFFF/FFFFFFFF')).toBe(2n ** 64n - 1n)
    // Ordered as WAL is: a higher segment beats any lower offset.
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true)
  })

  it('should refuse what is not a WAL position', () => {
    for (const bad of ['', '16', '16/', '/1', 'G/1', '1/2/3', '123456789/0']) expect(() => parseLsn(bad), bad).toThrow(RangeError)
  })
})

describe('replayLag', () => {
  const marks: WalMark[] = [
    { lsn: 100n, at: 1_000 },
    { lsn: 200n, at: 2_000 },
    { lsn: 200n, at: 3_000 }, // an idle primary: the same position, later
    { lsn: 350n, at: 4_000 },
  ]

  it('should count the lag from the newest mark the standby has replayed', () => {
    expect(replayLag(350n, marks, 4_010)).toEqual({ ms: 10, bound: 'at-most' })
    expect(replayLag(400n, marks, 4_010)).toEqual({ ms: 10, bound: 'at-most' })
    // Past 200 but short of 350: it has what the primary had at 3000, maybe not at 4000.
    expect(replayLag(300n, marks, 4_010)).toEqual({ ms: 1_010, bound: 'at-most' })
    expect(replayLag(100n, marks, 4_010)).toEqual({ ms: 3_010, bound: 'at-most' })
  })

  it('should read an idle primary streaming no commits as no lag, whatever the time since the last commit', () => {
    // The primary did not move between the marks: a standby at that position is as fresh as it.
    expect(replayLag(200n, [{ lsn: 200n, at: 0 }, { lsn: 200n, at: 60_000 }], 60_005)).toEqual({ ms: 5, bound: 'at-most' })
  })

  it('should read a standby behind every mark as lagging at least since the oldest, never within a bound', () => {
    const lag = replayLag(50n, marks, 4_010)
    expect(lag).toEqual({ ms: 3_010, bound: 'at-least' })
    expect(withinLag(lag, 10_000)).toBe(false)
    expect(withinLag(replayLag(50n, [{ lsn: 60n, at: 4_000 }], 4_001), 10_000)).toBe(false)
  })

  it('should know nothing without marks', () => {
    expect(replayLag(50n, [], 1)).toBeNull()
    expect(withinLag(null, 5_000)).toBe(false)
  })

  it('should let a standby take reads only within the bound', () => {
    expect(withinLag(replayLag(350n, marks, 4_300), 300)).toBe(true)
    expect(withinLag(replayLag(350n, marks, 4_301), 300)).toBe(false)
  })
})

describe('keepMarks', () => {
  it('should keep the young marks and the newest older one', () => {
    const marks: WalMark[] = [
      { lsn: 1n, at: 0 },
      { lsn: 2n, at: 1_000 },
      { lsn: 3n, at: 9_500 },
      { lsn: 4n, at: 9_900 },
    ]
    expect(keepMarks(marks, 10_000, 5_000)).toEqual([marks[1], marks[2], marks[3]])
    expect(keepMarks(marks, 100_000, 5_000)).toEqual([marks[3]])
    expect(keepMarks([], 1, 5)).toEqual([])
  })
})
