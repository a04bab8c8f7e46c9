import { createRequire } from 'node:module'

import { TtsError } from '@/domain/audio/ttsError'
import { OGG_BOS, OGG_EOS, MAX_SEGMENTS, lacing, oggPage, opusHead, opusTags } from '@/domain/audio/ogg'
import { resampleToFloat } from '@/domain/audio/resample'

/** Sample rates libopus encodes natively; anything else is resampled to the next one up. */
const OPUS_RATES = [8000, 12000, 16000, 24000, 48000] as const
const GRANULE_RATE = 48000
const FRAME_MS = 20
const MAX_PACKET_BYTES = 4000
const PACKETS_PER_PAGE = 50
/** Fixed, so identical input gives byte-identical files. */
const STREAM_SERIAL = 0x62686b31 // "bhk1"
const VENDOR = 'libopus 1.3.1 (opus-encdec)'

export const DEFAULT_OPUS_BITRATE = 24_000
/** libopus's own default is 10; 5 roughly halves the CPU time for slightly lower quality. */
export const DEFAULT_OPUS_COMPLEXITY = 5

// libopus constants (opus_defines.h)
/**
 * AUDIO, not VOIP: at complexity 5 and 24 kbps the VOIP (SILK) path reshapes speech waveforms
 * enough that the decoded true peak lands up to 4 dB above the encoded PCM's, which defeats loudness
 * normalisation (-1.5 dBTP as heard); the AUDIO path stays within ~1 dB at the same size.
 */
const OPUS_APPLICATION_AUDIO = 2049
const OPUS_SET_BITRATE = 4002
const OPUS_SET_VBR = 4006
const OPUS_SET_COMPLEXITY = 4010
const OPUS_SET_VBR_CONSTRAINT = 4020
const OPUS_SET_SIGNAL = 4024
const OPUS_SIGNAL_VOICE = 3001
const OPUS_GET_LOOKAHEAD = 4027

/** The parts of opus-encdec's Emscripten module (libopus 1.3.1 compiled to WASM) we call. */
type OpusLib = {
  isReady: boolean
  onready: (() => void) | null
  onAbort?: (what: unknown) => void
  _opus_encoder_create(rate: number, channels: number, application: number, errorPtr: number): number
  _opus_encoder_ctl(encoder: number, request: number, varargsPtr: number): number
  _opus_encode_float(encoder: number, pcmPtr: number, frameSize: number, outPtr: number, maxBytes: number): number
  _opus_encoder_destroy(encoder: number): void
  _malloc(bytes: number): number
  _free(ptr: number): void
  HEAPU8: Uint8Array
  HEAP32: Int32Array
  HEAPF32: Float32Array
}

export type OpusOptions = {
  /** Bits per second (default 24 kbps: ~3 KB per second of speech). */
  bitrate?: number
  /** 0-10 (default 5, `DEFAULT_OPUS_COMPLEXITY`; libopus's own default is 10, at twice the CPU time). */
  complexity?: number
}

/**
 * Encode mono 16-bit PCM as Ogg/Opus (24 kbps VBR, constrained, voice-tuned; ~3 KB per second of
 * speech). Input at a rate Opus does not take (espeak's 22050 Hz) is resampled first. 20 ms
 * frames, the last padded with silence; pre-skip from the encoder's look-ahead; the final granule
 * trims the padding. Deterministic: identical input gives byte-identical output.
 */
export async function encodeOpus(pcm: Int16Array, sampleRate: number, options: OpusOptions = {}): Promise<Buffer> {
  if (pcm.length === 0) throw new TtsError('MALFORMED_AUDIO', 'Cannot encode empty audio (0 samples)')
  const rate = opusRateFor(sampleRate)
  const input = resampleToFloat(pcm, sampleRate, rate)
  const lib = await loadOpusLib()
  const { packets, lookahead } = encodePackets(lib, input, rate, { bitrate: options.bitrate ?? DEFAULT_OPUS_BITRATE, complexity: options.complexity ?? DEFAULT_OPUS_COMPLEXITY })
  const toGranule = GRANULE_RATE / rate
  return muxOggOpus(packets, {
    preSkip: lookahead * toGranule,
    inputSampleRate: sampleRate,
    frameGranules: (rate / (1000 / FRAME_MS)) * toGranule,
    endGranule: (lookahead + input.length) * toGranule,
  })
}

export function opusRateFor(sampleRate: number): number {
  return OPUS_RATES.find((r) => r >= sampleRate) ?? 48000
}

function encodePackets(lib: OpusLib, input: Float32Array, rate: number, settings: Required<OpusOptions>) {
  const frame = (rate * FRAME_MS) / 1000
  const scratch = lib._malloc(8)
  const pcmPtr = lib._malloc(frame * 4)
  const outPtr = lib._malloc(MAX_PACKET_BYTES)
  const encoder = createEncoder(lib, rate, scratch)
  try {
    configure(lib, encoder, scratch, settings)
    const lookahead = getLookahead(lib, encoder, scratch)
    const frames = Math.ceil((input.length + lookahead) / frame)
    const packets: Uint8Array[] = []
    for (let f = 0; f < frames; f++) {
      const heap = lib.HEAPF32.subarray(pcmPtr >> 2, (pcmPtr >> 2) + frame)
      heap.fill(0)
      heap.set(input.subarray(f * frame, Math.min(input.length, (f + 1) * frame)))
      const bytes = lib._opus_encode_float(encoder, pcmPtr, frame, outPtr, MAX_PACKET_BYTES)
      if (bytes < 0) throw new TtsError('ENGINE_FAILED', `libopus failed to encode frame ${f} (error ${bytes})`)
      packets.push(lib.HEAPU8.slice(outPtr, outPtr + bytes))
    }
    return { packets, lookahead }
  } finally {
    lib._opus_encoder_destroy(encoder)
    lib._free(outPtr)
    lib._free(pcmPtr)
    lib._free(scratch)
  }
}

function createEncoder(lib: OpusLib, rate: number, scratch: number): number {
  const encoder = lib._opus_encoder_create(rate, 1, OPUS_APPLICATION_AUDIO, scratch)
  const error = lib.HEAP32[scratch >> 2]
  if (!encoder || error !== 0) {
    throw new TtsError('ENGINE_FAILED', `libopus could not create an encoder at ${rate} Hz (error ${error})`)
  }
  return encoder
}

/** Emscripten passes C varargs as a pointer to a buffer holding them: scratch[0] is that buffer. */
function setCtl(lib: OpusLib, encoder: number, request: number, value: number, scratch: number): void {
  lib.HEAP32[scratch >> 2] = value
  const result = lib._opus_encoder_ctl(encoder, request, scratch)
  if (result !== 0) throw new TtsError('ENGINE_FAILED', `libopus rejected ctl ${request}=${value} (error ${result})`)
}

function configure(lib: OpusLib, encoder: number, scratch: number, { bitrate, complexity }: Required<OpusOptions>): void {
  setCtl(lib, encoder, OPUS_SET_BITRATE, bitrate, scratch)
  setCtl(lib, encoder, OPUS_SET_VBR, 1, scratch)
  setCtl(lib, encoder, OPUS_SET_VBR_CONSTRAINT, 1, scratch)
  setCtl(lib, encoder, OPUS_SET_COMPLEXITY, complexity, scratch)
  setCtl(lib, encoder, OPUS_SET_SIGNAL, OPUS_SIGNAL_VOICE, scratch)
}

function getLookahead(lib: OpusLib, encoder: number, scratch: number): number {
  const resultPtr = scratch + 4
  lib.HEAP32[scratch >> 2] = resultPtr
  const result = lib._opus_encoder_ctl(encoder, OPUS_GET_LOOKAHEAD, scratch)
  if (result !== 0) throw new TtsError('ENGINE_FAILED', `libopus could not report its look-ahead (error ${result})`)
  return lib.HEAP32[resultPtr >> 2]
}

type MuxInfo = { preSkip: number; inputSampleRate: number; frameGranules: number; endGranule: number }

function muxOggOpus(packets: readonly Uint8Array[], info: MuxInfo): Buffer {
  const serial = STREAM_SERIAL
  const pages: Buffer[] = [
    oggPage({ packets: [opusHead(info)], granule: 0n, serial, sequence: 0, flags: OGG_BOS }),
    oggPage({ packets: [opusTags(VENDOR)], granule: 0n, serial, sequence: 1, flags: 0 }),
  ]
  const groups = groupIntoPages(packets)
  let done = 0
  groups.forEach((group, i) => {
    done += group.length
    const isLast = i === groups.length - 1
    // The last page's granule stops at the real end: the decoder trims the padding after it.
    const granule = isLast ? info.endGranule : done * info.frameGranules
    pages.push(oggPage({ packets: group, granule: BigInt(granule), serial, sequence: pages.length, flags: isLast ? OGG_EOS : 0 }))
  })
  return Buffer.concat(pages)
}

function groupIntoPages(packets: readonly Uint8Array[]): Uint8Array[][] {
  const groups: Uint8Array[][] = []
  let current: Uint8Array[] = []
  let segments = 0
  for (const p of packets) {
    const need = lacing(p.length).length
    if (current.length === PACKETS_PER_PAGE || segments + need > MAX_SEGMENTS) {
      groups.push(current)
      current = []
      segments = 0
    }
    current.push(p)
    segments += need
  }
  if (current.length) groups.push(current)
  return groups
}

let opusLib: Promise<OpusLib> | undefined

function loadOpusLib(): Promise<OpusLib> {
  opusLib ??= new Promise<OpusLib>((resolve, reject) => {
    const require = createRequire(import.meta.url)
    const lib = require('opus-encdec/dist/libopus-encoder.wasm.js') as OpusLib
    if (lib.isReady) return resolve(lib)
    lib.onready = () => resolve(lib)
    lib.onAbort = (what) => reject(new TtsError('ENGINE_FAILED', `libopus (WASM) failed to load: ${String(what)}`))
  }).catch((error: unknown) => {
    opusLib = undefined
    throw error
  })
  return opusLib
}
