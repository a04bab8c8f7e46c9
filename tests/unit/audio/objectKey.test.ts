import { describe, expect, it } from 'vitest'

import { audioObjectKey, audioPublicUrl, isAudioObjectKey } from '@/domain/audio/objectKey'

const sha = 'ab'.repeat(32)

describe('audio object keys', () => {
  it('should address an object by the sha256 of its bytes', () => {
    expect(audioObjectKey(sha)).toBe(`audio/${sha}.opus`)
    expect(isAudioObjectKey(audioObjectKey(sha))).toBe(true)
  })

  it.each(['', 'abc', 'AB'.repeat(32), `${sha}0`])('should refuse %j as a digest', (bad) => {
    expect(() => audioObjectKey(bad)).toThrow(RangeError)
  })

  it.each(['media/x.png', `audio/${sha}.mp3`, 'audio/../x.opus', `audio/${sha}.opus.bak`])('should not claim %s', (key) => {
    expect(isAudioObjectKey(key)).toBe(false)
  })
})

describe('audioPublicUrl', () => {
  const row = { id: 'f00', r2Url: `audio/${sha}.opus` }

  it('should use the CDN when the bucket has a public URL', () => {
    expect(audioPublicUrl(row, { publicBaseUrl: 'https://cdn.example.com/' })).toBe(`https://cdn.example.com/audio/${sha}.opus`)
  })

  it('should use the counting play endpoint otherwise', () => {
    expect(audioPublicUrl(row)).toBe('/api/audio-files/f00/play')
    expect(audioPublicUrl(row, { serverUrl: 'https://api.example.com/' })).toBe('https://api.example.com/api/audio-files/f00/play')
  })

  it('should keep an absolute URL stored in the row', () => {
    expect(audioPublicUrl({ id: 'f00', r2Url: 'https://old.example.com/a.opus' }, { publicBaseUrl: 'https://cdn' })).toBe('https://old.example.com/a.opus')
  })
})
