import { afterEach, describe, expect, it } from 'vitest'

import { autoVoiceEnabled } from '@/audio/jobs/autoVoiceTask'
import { resetSettings } from '@/settings'

const saved = process.env.AUTO_VOICE

afterEach(() => {
  if (saved === undefined) delete process.env.AUTO_VOICE
  else process.env.AUTO_VOICE = saved
  resetSettings()
})

function withAutoVoice(value: string | undefined) {
  if (value === undefined) delete process.env.AUTO_VOICE
  else process.env.AUTO_VOICE = value
  resetSettings()
}

describe('AUTO_VOICE', () => {
  it('should be on for the offline local provider and off for paid Sarvam when unset', () => {
    withAutoVoice(undefined)
    expect(autoVoiceEnabled({ name: 'local' })).toBe(true)
    expect(autoVoiceEnabled({ name: 'sarvam' })).toBe(false)
  })

  it.each([
    ['on', true],
    ['true', true],
    ['1', true],
    ['off', false],
    ['false', false],
    ['0', false],
  ])('should follow AUTO_VOICE=%s for every provider', (value, on) => {
    withAutoVoice(value)
    expect(autoVoiceEnabled({ name: 'local' })).toBe(on)
    expect(autoVoiceEnabled({ name: 'sarvam' })).toBe(on)
  })
})
