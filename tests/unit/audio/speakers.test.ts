import { describe, expect, it } from 'vitest'

import { castModelOf, castSpeaker, castSpeakersFor, duplicateCastLocales, MODEL_VOICES, VOICE_SLOTS, genderOf, resolveSarvamSpeaker, speakersFor } from '@/domain/audio/speakers'
import { planAudio } from '@/domain/audio/variants'

describe('Sarvam speaker map', () => {
  it('should map every spec speaker to a voice the model declares', () => {
    for (const model of ['bulbul:v2', 'bulbul:v3'] as const) {
      for (const slot of VOICE_SLOTS) expect(MODEL_VOICES[model]).toContain(resolveSarvamSpeaker(model, slot.spec))
    }
  })

  it('should keep every spec speaker distinct on bulbul:v3', () => {
    const voices = VOICE_SLOTS.map((s) => resolveSarvamSpeaker('bulbul:v3', s.spec))
    expect(new Set(voices).size).toBe(VOICE_SLOTS.length)
  })

  it('should keep the four leading voices of each gender distinct on bulbul:v2', () => {
    const voices = ['meera', 'pavithra', 'maitreyi', 'diya', 'arvind', 'amol', 'amartya'].map((s) => resolveSarvamSpeaker('bulbul:v2', s))
    expect(new Set(voices).size).toBe(7)
  })

  it('should preserve gender across models', () => {
    for (const slot of VOICE_SLOTS) {
      expect(genderOf(slot['bulbul:v3'])).toBe(slot.gender)
      expect(genderOf(slot['bulbul:v2'])).toBe(slot.gender)
    }
  })

  it('should accept names case-insensitively', () => {
    expect(resolveSarvamSpeaker('bulbul:v3', ' Meera ')).toBe('ritu')
  })

  it('should list spec speakers and model voices as valid speakers', () => {
    expect(speakersFor('bulbul:v2')).toEqual(expect.arrayContaining(['meera', 'arvind', 'anushka', 'hitesh']))
    expect(speakersFor('bulbul:v2')).not.toContain('shubh')
  })

  it('should name the valid speakers when the speaker is unknown', () => {
    expect(() => resolveSarvamSpeaker('bulbul:v3', 'nobody')).toThrow(/Unknown speaker "nobody" for Sarvam bulbul:v3\. Valid speakers: meera,.* shubh/)
  })
})

describe('voice cast', () => {
  it.each([
    ['the cast speaker of the locale', { bulbulSpeaker: 'meera', voiceCast: [{ locale: 'ta', speaker: 'Arvind' }] }, 'ta', 'arvind'],
    ['the default speaker in a locale without a cast entry', { bulbulSpeaker: 'Meera', voiceCast: [{ locale: 'ta', speaker: 'arvind' }] }, 'hi', 'meera'],
    ['the default speaker for a blank cast entry', { bulbulSpeaker: 'meera', voiceCast: [{ locale: 'hi', speaker: '  ' }] }, 'hi', 'meera'],
    ['the narrator without a character', null, 'hi', 'diya'],
  ] as const)('should pick %s', (_name, character, locale, expected) => {
    expect(castSpeaker(character, locale, 'diya', 'bulbul:v3')).toBe(expected)
  })

  describe('per model', () => {
    const crow = {
      bulbulSpeaker: 'arvind',
      voiceCast: [
        { locale: 'hi', speaker: 'amol' },
        { locale: 'hi', model: 'bulbul:v3', speaker: 'Shubh' },
        { locale: 'ta', model: 'bulbul:v2', speaker: 'karun' },
        { locale: 'bn', model: 'bulbul:v3', speaker: ' ' },
      ],
    }
    it.each([
      ['the model’s own entry over the entry for every model', 'hi', 'bulbul:v3', 'shubh'],
      ['the entry for every model when the model has none', 'hi', 'bulbul:v2', 'amol'],
      ['the entry for every model with the local voices', 'hi', 'local', 'amol'],
      ['the model’s entry where there is no entry for every model', 'ta', 'bulbul:v2', 'karun'],
      ['the default speaker where only another model has an entry', 'ta', 'bulbul:v3', 'arvind'],
      ['the default speaker for a blank model entry', 'bn', 'bulbul:v3', 'arvind'],
    ] as const)('should pick %s', (_name, locale, model, expected) => {
      expect(castSpeaker(crow, locale, 'diya', model)).toBe(expected)
    })

    it('should name the cast model of a provider', () => {
      expect(castModelOf({ name: 'sarvam', model: 'bulbul:v2' })).toBe('bulbul:v2')
      expect(castModelOf({ name: 'sarvam', model: 'bulbul:v3' })).toBe('bulbul:v3')
      expect(castModelOf({ name: 'local', model: 'espeak-ng:helper' })).toBe('local')
    })

    it('should offer each model its own speakers', () => {
      expect(castSpeakersFor('bulbul:v3')).toContain('shubh')
      expect(castSpeakersFor('bulbul:v2')).not.toContain('shubh')
      expect(castSpeakersFor('local')).toEqual(expect.arrayContaining(['shubh', 'anushka', 'meera']))
    })
  })

  it('should name locales cast twice for the same model', () => {
    expect(duplicateCastLocales([{ locale: 'hi' }, { locale: 'ta' }, { locale: 'hi' }])).toEqual(['hi'])
    expect(duplicateCastLocales([{ locale: 'hi' }, { locale: null }, { locale: null }])).toEqual([])
    expect(duplicateCastLocales([{ locale: 'hi' }, { locale: 'hi', model: 'bulbul:v3' }, { locale: 'hi', model: 'bulbul:v2' }])).toEqual([])
    expect(duplicateCastLocales([{ locale: 'hi', model: 'bulbul:v3' }, { locale: 'hi', model: 'bulbul:v3' }])).toEqual(['hi (bulbul:v3)'])
  })

  it('should plan a cast locale with the cast speaker (a new content key there only)', () => {
    const identity = { provider: 'local', model: 'espeak-ng' }
    const line = { id: 'n1', speaker: 'meera', texts: { en: 'Hello', hi: 'नमस्ते' } }
    const plain = planAudio({ nodes: [line], locales: ['en', 'hi'], identity, rows: [], jobs: [] })
    const cast = planAudio({ nodes: [{ ...line, speakers: { hi: 'arvind' } }], locales: ['en', 'hi'], identity, rows: [], jobs: [] })
    expect(cast.items.map((i) => i.speaker)).toEqual(['meera', 'arvind'])
    expect(cast.items[0]!.contentKey).toBe(plain.items[0]!.contentKey)
    expect(cast.items[1]!.contentKey).not.toBe(plain.items[1]!.contentKey)
  })
})
