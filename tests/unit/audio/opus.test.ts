import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { readOggPages, OGG_BOS, OGG_EOS } from '@/domain/audio/ogg'
import { DEFAULT_OPUS_COMPLEXITY, encodeOpus } from '@/audio/codec/opus'
import { probeAudio } from '@/audio/codec/probe'
import { speechLikePcm } from '../../support/pcm'

describe('encodeOpus', () => {
  it('should give byte-identical output for identical input', async () => {
    const { samples, sampleRate } = speechLikePcm(3)
    const [a, b] = [await encodeOpus(samples, sampleRate), await encodeOpus(samples.slice(), sampleRate)]
    expect(a.equals(b)).toBe(true)
  })

  it('should give different output for different input', async () => {
    const a = speechLikePcm(2, 24000, 180)
    const b = speechLikePcm(2, 24000, 220)
    expect((await encodeOpus(a.samples, 24000)).equals(await encodeOpus(b.samples, 24000))).toBe(false)
  })

  it.each([24000, 22050, 16000, 44100])('should stay under 4 KB per second of speech at %d Hz input', async (rate) => {
    const { samples } = speechLikePcm(10, rate)
    const bytes = await encodeOpus(samples, rate)
    expect(bytes.length / 10).toBeLessThan(4096)
    expect(bytes.length / 10).toBeGreaterThan(1500)
  })

  it.each([24000, 22050, 16000, 48000, 8000])('should keep the exact duration of %d Hz input', async (rate) => {
    const { samples } = speechLikePcm(2.345, rate)
    const probe = await probeAudio(await encodeOpus(samples, rate))
    expect(probe.durationSec).toBeCloseTo(samples.length / rate, 3)
  })

  it('should write OpusHead, OpusTags and audio pages with one serial, pre-skip and an end-of-stream page', async () => {
    const { samples } = speechLikePcm(2.5, 22050)
    const pages = readOggPages(await encodeOpus(samples, 22050))
    const [head, tags] = pages
    expect(head.flags).toBe(OGG_BOS)
    expect(head.body.toString('ascii', 0, 8)).toBe('OpusHead')
    const preSkip = head.body.readUInt16LE(10)
    expect(preSkip).toBeGreaterThan(0)
    expect(head.body.readUInt32LE(12)).toBe(22050)
    expect(tags.body.toString('ascii', 0, 8)).toBe('OpusTags')
    expect(new Set(pages.map((p) => p.serial)).size).toBe(1)
    expect(pages.map((p) => p.sequence)).toEqual(pages.map((_, i) => i))
    const last = pages[pages.length - 1]
    expect(last.flags).toBe(OGG_EOS)
    expect(Number(last.granule)).toBe(preSkip + Math.round((samples.length * 48000) / 22050 / 2) * 2)
  })

  it.each([
    [24000, '45ee05346bb5323d1d4aa9cc34521dae79552979106387f2fc6885ec5a6e4dba'],
    [22050, '3e2dcc83ff844516c194c282c36dcfef9a16a9b7920988919d352360b8fb99ef'],
  ])('should encode the same input to the same known bytes (%d Hz, complexity 5, application audio)', async (rate, sha256) => {
    const { samples } = speechLikePcm(2, rate)
    const bytes = await encodeOpus(samples, rate)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256)
    expect((await encodeOpus(samples, rate, { complexity: DEFAULT_OPUS_COMPLEXITY })).equals(bytes)).toBe(true)
    expect(DEFAULT_OPUS_COMPLEXITY).toBe(5)
  })

  it('should encode with the complexity it is given', async () => {
    const { samples } = speechLikePcm(2)
    const byComplexity = await Promise.all([0, 5, 10].map((complexity) => encodeOpus(samples, 24000, { complexity })))
    const hashes = byComplexity.map((b) => createHash('sha256').update(b).digest('hex'))
    expect(new Set(hashes).size).toBe(3)
  })

  it('should refuse a complexity libopus does not take', async () => {
    await expect(encodeOpus(speechLikePcm(1).samples, 24000, { complexity: 11 })).rejects.toThrow(/libopus rejected ctl 4010=11/)
  })

  it('should refuse empty audio', async () => {
    await expect(encodeOpus(new Int16Array(0), 24000)).rejects.toThrow(/Cannot encode empty audio/)
  })
})

describe('probeAudio', () => {
  it('should report duration, size and sha256', async () => {
    const bytes = await encodeOpus(speechLikePcm(1.5).samples, 24000)
    const probe = await probeAudio(bytes)
    expect(probe).toMatchObject({ bytes: bytes.length })
    expect(probe.durationSec).toBeCloseTo(1.5, 3)
    expect(probe.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('should reject an empty buffer', async () => {
    await expect(probeAudio(Buffer.alloc(0))).rejects.toThrow(/Malformed Ogg\/Opus audio \(0 bytes\): empty buffer/)
  })

  it('should reject bytes that are not Ogg', async () => {
    await expect(probeAudio(Buffer.from('RIFF....WAVEfmt not ogg at all, sorry'))).rejects.toThrow(/missing OggS capture pattern/)
  })

  it('should reject a truncated file', async () => {
    const bytes = await encodeOpus(speechLikePcm(2).samples, 24000)
    await expect(probeAudio(bytes.subarray(0, bytes.length - 100))).rejects.toThrow(/truncated body/)
  })

  it('should reject a file with a corrupted byte', async () => {
    const bytes = Buffer.from(await encodeOpus(speechLikePcm(2).samples, 24000))
    bytes[bytes.length - 50] ^= 0xff
    await expect(probeAudio(bytes)).rejects.toThrow(/CRC mismatch/)
  })

  it('should reject a well-framed Ogg stream that is not Opus', async () => {
    const { oggPage } = await import('@/domain/audio/ogg')
    const page = oggPage({ packets: [Buffer.from('\x01vorbis-ish header')], granule: 0n, serial: 1, sequence: 0, flags: OGG_BOS | OGG_EOS })
    await expect(probeAudio(page)).rejects.toMatchObject({ code: 'MALFORMED_AUDIO' })
  })
})
