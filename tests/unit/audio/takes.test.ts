import { describe, expect, it } from 'vitest'

import { DEFAULT_TRANSLATOR_MAX_TAKES, mayTakeAgain, takeCapMessage, translatorTakeLimit } from '@/domain/audio/takes'

describe('translatorTakeLimit', () => {
  it.each<[number | undefined, string, number | null]>([
    [undefined, 'sarvam', DEFAULT_TRANSLATOR_MAX_TAKES],
    [undefined, 'local', null],
    [0, 'sarvam', null],
    [0, 'local', null],
    [2, 'sarvam', 2],
    [2, 'local', 2],
  ])('should read AUDIO_TRANSLATOR_MAX_TAKES=%s with the %s provider as %s', (configured, provider, limit) => {
    expect(translatorTakeLimit(configured, provider)).toBe(limit)
  })
})

describe('mayTakeAgain', () => {
  it.each<[number, number | null, boolean]>([
    [0, 5, true],
    [4, 5, true],
    [5, 5, false],
    [9, 5, false],
    [1000, null, true],
  ])('should allow a line with %d takes one more under a cap of %s: %s', (takes, limit, ok) => {
    expect(mayTakeAgain(takes, limit)).toBe(ok)
  })
})

describe('takeCapMessage', () => {
  it('should name the setting, say when the cap is the default, and mention billing only for a paid provider', () => {
    expect(takeCapMessage(5, 5, 'sarvam', undefined)).toBe(
      'This line has been voiced again 5 times, the most a translator may ask for (5: the default for the sarvam provider; AUDIO_TRANSLATOR_MAX_TAKES sets it). Each take is billed. An editor can regenerate it.',
    )
    expect(takeCapMessage(1, 1, 'local', 1)).toBe('This line has been voiced again 1 time, the most a translator may ask for (1: AUDIO_TRANSLATOR_MAX_TAKES=1). An editor can regenerate it.')
  })
})
