import { TtsError } from '@/domain/audio/ttsError'
import type { PcmAudio } from '@/audio/providers/types'

const WAVE_FORMAT_PCM = 1
const WAVE_FORMAT_EXTENSIBLE = 0xfffe

type WavFormat = { channels: number; sampleRate: number; bitsPerSample: number }

/**
 * Parse a 16-bit PCM WAV (mono, or stereo averaged to mono). Tolerant of streamed headers whose
 * RIFF/data sizes are placeholders (0 or 0xFFFFFFFF): the data then runs to the end of the buffer.
 * Anything else (not RIFF/WAVE, compressed, no data) is a `MALFORMED_AUDIO` error.
 */
export function parseWav(buf: Uint8Array, what = 'audio'): PcmAudio {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  const fail = (why: string) => new TtsError('MALFORMED_AUDIO', `Malformed WAV ${what}: ${why}`)
  if (buf.byteLength < 12 || ascii(buf, 0, 4) !== 'RIFF' || ascii(buf, 8, 4) !== 'WAVE') {
    throw fail(`not a RIFF/WAVE file (${buf.byteLength} bytes)`)
  }
  let format: WavFormat | undefined
  let offset = 12
  while (offset + 8 <= buf.byteLength) {
    const id = ascii(buf, offset, 4)
    const declared = view.getUint32(offset + 4, true)
    const body = offset + 8
    if (id === 'fmt ') {
      format = readFormat(view, body, declared, fail)
    } else if (id === 'data') {
      if (!format) throw fail('data chunk before fmt chunk')
      const size = declared === 0 || body + declared > buf.byteLength ? buf.byteLength - body : declared
      return { samples: toMono(buf.subarray(body, body + size), format.channels), sampleRate: format.sampleRate }
    }
    offset = body + declared + (declared % 2)
  }
  throw fail('no data chunk')
}

function readFormat(view: DataView, at: number, size: number, fail: (why: string) => TtsError): WavFormat {
  if (size < 16 || at + 16 > view.byteLength) throw fail('truncated fmt chunk')
  const tag = view.getUint16(at, true)
  const channels = view.getUint16(at + 2, true)
  const sampleRate = view.getUint32(at + 4, true)
  const bitsPerSample = view.getUint16(at + 14, true)
  const isPcm = tag === WAVE_FORMAT_PCM || (tag === WAVE_FORMAT_EXTENSIBLE && size >= 40 && view.getUint16(at + 24, true) === WAVE_FORMAT_PCM)
  if (!isPcm || bitsPerSample !== 16) throw fail(`unsupported encoding (format ${tag}, ${bitsPerSample} bits); need 16-bit PCM`)
  if (channels < 1 || channels > 2) throw fail(`unsupported channel count ${channels}`)
  if (sampleRate < 8000 || sampleRate > 192000) throw fail(`implausible sample rate ${sampleRate}`)
  return { channels, sampleRate, bitsPerSample }
}

function toMono(data: Uint8Array, channels: number): Int16Array {
  const frames = Math.floor(data.byteLength / (2 * channels))
  const view = new DataView(data.buffer, data.byteOffset, frames * 2 * channels)
  const out = new Int16Array(frames)
  for (let i = 0; i < frames; i++) {
    let sum = 0
    for (let c = 0; c < channels; c++) sum += view.getInt16((i * channels + c) * 2, true)
    out[i] = Math.round(sum / channels)
  }
  return out
}

function ascii(buf: Uint8Array, at: number, len: number): string {
  return String.fromCharCode(...buf.subarray(at, at + len))
}

/** A canonical 44-byte-header mono 16-bit PCM WAV. */
export function encodeWav({ samples, sampleRate }: PcmAudio): Buffer {
  const dataBytes = samples.length * 2
  const out = Buffer.alloc(44 + dataBytes)
  out.write('RIFF', 0, 'ascii')
  out.writeUInt32LE(36 + dataBytes, 4)
  out.write('WAVEfmt ', 8, 'ascii')
  out.writeUInt32LE(16, 16)
  out.writeUInt16LE(WAVE_FORMAT_PCM, 20)
  out.writeUInt16LE(1, 22)
  out.writeUInt32LE(sampleRate, 24)
  out.writeUInt32LE(sampleRate * 2, 28)
  out.writeUInt16LE(2, 32)
  out.writeUInt16LE(16, 34)
  out.write('data', 36, 'ascii')
  out.writeUInt32LE(dataBytes, 40)
  for (let i = 0; i < samples.length; i++) out.writeInt16LE(samples[i], 44 + i * 2)
  return out
}

/** Join PCM parts end to end; they must share one sample rate. */
export function concatPcm(parts: readonly PcmAudio[]): PcmAudio {
  if (parts.length === 0) throw new TtsError('MALFORMED_AUDIO', 'No audio parts to join')
  const sampleRate = parts[0].sampleRate
  const mismatch = parts.find((p) => p.sampleRate !== sampleRate)
  if (mismatch) {
    throw new TtsError('MALFORMED_AUDIO', `Audio parts differ in sample rate (${sampleRate} Hz and ${mismatch.sampleRate} Hz)`)
  }
  const samples = new Int16Array(parts.reduce((n, p) => n + p.samples.length, 0))
  let at = 0
  for (const p of parts) {
    samples.set(p.samples, at)
    at += p.samples.length
  }
  return { samples, sampleRate }
}
