import { describe, expect, it } from 'vitest'

import { concatPcm, encodeWav, parseWav } from '@/audio/codec/wav'
import { speechLikePcm } from '../../support/pcm'

describe('parseWav', () => {
  it('should read back what encodeWav wrote', () => {
    const pcm = speechLikePcm(0.5, 22050)
    expect(parseWav(encodeWav(pcm))).toEqual(pcm)
  })

  it('should tolerate streamed placeholder sizes', () => {
    const wav = encodeWav(speechLikePcm(0.25))
    wav.writeUInt32LE(0xffffffff, 4)
    wav.writeUInt32LE(0xffffffff, 40)
    expect(parseWav(wav).samples.length).toBe(6000)
  })

  it('should skip unknown chunks before the data', () => {
    const wav = encodeWav(speechLikePcm(0.1))
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc\0')])
    const withList = Buffer.concat([wav.subarray(0, 36), list, wav.subarray(36)])
    expect(parseWav(withList).samples.length).toBe(2400)
  })

  it('should average stereo to mono', () => {
    const wav = encodeWav({ samples: Int16Array.from([100, 300, -100, -300]), sampleRate: 8000 })
    wav.writeUInt16LE(2, 22) // two channels: the four samples become two frames
    expect(Array.from(parseWav(wav).samples)).toEqual([200, -200])
  })

  it('should reject data that is not a WAV', () => {
    expect(() => parseWav(Buffer.from('not a wave'))).toThrow(/Malformed WAV audio: not a RIFF\/WAVE file/)
  })

  it('should reject a compressed WAV', () => {
    const wav = encodeWav(speechLikePcm(0.1))
    wav.writeUInt16LE(3, 20) // IEEE float
    expect(() => parseWav(wav)).toThrow(/unsupported encoding \(format 3, 16 bits\)/)
  })
})

describe('concatPcm', () => {
  it('should join parts end to end', () => {
    const joined = concatPcm([
      { samples: Int16Array.from([1, 2]), sampleRate: 8000 },
      { samples: Int16Array.from([3]), sampleRate: 8000 },
    ])
    expect(Array.from(joined.samples)).toEqual([1, 2, 3])
  })

  it('should refuse parts at different sample rates', () => {
    expect(() =>
      concatPcm([
        { samples: Int16Array.from([1]), sampleRate: 8000 },
        { samples: Int16Array.from([1]), sampleRate: 16000 },
      ]),
    ).toThrow(/differ in sample rate/)
  })
})
