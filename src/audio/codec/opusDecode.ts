import { createRequire } from 'node:module'

/** 48 kHz: what Opus decodes to and what a player hears. */
export const DECODE_RATE = 48000
const MAX_FRAME = 5760 // 120 ms at 48 kHz, the longest Opus packet

/** The parts of opus-encdec's Emscripten decoder module (libopus 1.3.1 in WASM) we call. */
type OpusDecoderLib = {
  isReady: boolean
  onready: (() => void) | null
  onAbort?: (what: unknown) => void
  _opus_decoder_create(rate: number, channels: number, errorPtr: number): number
  _opus_decode_float(decoder: number, dataPtr: number, len: number, pcmPtr: number, frameSize: number, decodeFec: number): number
  _opus_decoder_destroy(decoder: number): void
  _malloc(bytes: number): number
  _free(ptr: number): void
  HEAPU8: Uint8Array
  HEAP32: Int32Array
  HEAPF32: Float32Array
}

export type DecodedOpus = { samples: Float32Array; sampleRate: typeof DECODE_RATE }

/**
 * Decodes a mono Ogg/Opus file to 48 kHz float samples the way a player does (RFC 7845): drops
 * the header's pre-skip and ends at the last page's granule position. Throws on anything that is
 * not a mono Ogg/Opus stream.
 */
export async function decodeOggOpus(bytes: Uint8Array): Promise<DecodedOpus> {
  const { packets, preSkip, endGranule } = demux(bytes)
  const lib = await loadDecoder()
  const scratch = lib._malloc(4)
  const decoder = lib._opus_decoder_create(DECODE_RATE, 1, scratch)
  const error = lib.HEAP32[scratch >> 2]
  lib._free(scratch)
  if (!decoder || error !== 0) throw new Error(`libopus could not create a decoder (error ${error})`)
  const maxPacket = packets.reduce((m, p) => Math.max(m, p.length), 1)
  const dataPtr = lib._malloc(maxPacket)
  const pcmPtr = lib._malloc(MAX_FRAME * 4)
  const out = new Float32Array(Math.max(0, endGranule))
  let written = 0
  let skipped = 0
  try {
    for (const [i, packet] of packets.entries()) {
      lib.HEAPU8.set(packet, dataPtr)
      const n = lib._opus_decode_float(decoder, dataPtr, packet.length, pcmPtr, MAX_FRAME, 0)
      if (n < 0) throw new Error(`libopus could not decode packet ${i} (error ${n})`)
      let frame = lib.HEAPF32.subarray(pcmPtr >> 2, (pcmPtr >> 2) + n)
      if (skipped < preSkip) {
        const drop = Math.min(preSkip - skipped, frame.length)
        skipped += drop
        frame = frame.subarray(drop)
      }
      const room = out.length - written
      if (room <= 0) break
      out.set(frame.subarray(0, room), written)
      written += Math.min(room, frame.length)
    }
  } finally {
    lib._opus_decoder_destroy(decoder)
    lib._free(pcmPtr)
    lib._free(dataPtr)
  }
  return { samples: out.subarray(0, written), sampleRate: DECODE_RATE }
}

/** Packets of the first logical stream, the OpusHead's pre-skip and the playable length in samples. */
function demux(bytes: Uint8Array): { packets: Uint8Array[]; preSkip: number; endGranule: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const packets: Uint8Array[] = []
  let pending: Uint8Array[] = []
  let granule = 0n
  let pos = 0
  while (pos < bytes.length) {
    if (pos + 27 > bytes.length || view.getUint32(pos, false) !== 0x4f676753) throw new Error(`Not an Ogg page at byte ${pos}`)
    const pageGranule = view.getBigInt64(pos + 6, true)
    const count = view.getUint8(pos + 26)
    let body = pos + 27 + count
    for (let s = 0; s < count; s++) {
      const len = view.getUint8(pos + 27 + s)
      pending.push(bytes.subarray(body, body + len))
      body += len
      if (len < 255) {
        packets.push(concat(pending))
        pending = []
      }
    }
    if (body > bytes.length) throw new Error('Truncated Ogg page')
    if (pageGranule >= 0n) granule = pageGranule
    pos = body
  }
  const head = packets[0]
  if (!head || head.length < 19 || new TextDecoder().decode(head.subarray(0, 8)) !== 'OpusHead') throw new Error('Not an Ogg/Opus stream (no OpusHead)')
  if (head[9] !== 1) throw new Error(`Expected mono Opus, got ${head[9]} channels`)
  const preSkip = head[10]! | (head[11]! << 8)
  // packets[1] is OpusTags; audio follows.
  return { packets: packets.slice(2), preSkip, endGranule: Number(granule) - preSkip }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

let decoderLib: Promise<OpusDecoderLib> | undefined

function loadDecoder(): Promise<OpusDecoderLib> {
  decoderLib ??= new Promise<OpusDecoderLib>((resolve, reject) => {
    const require = createRequire(import.meta.url)
    const lib = require('opus-encdec/dist/libopus-decoder.wasm.js') as OpusDecoderLib
    if (lib.isReady) return resolve(lib)
    lib.onready = () => resolve(lib)
    lib.onAbort = (what) => reject(new Error(`libopus decoder (WASM) failed to load: ${String(what)}`))
  }).catch((error: unknown) => {
    decoderLib = undefined
    throw error
  })
  return decoderLib
}
