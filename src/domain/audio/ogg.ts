/** Ogg framing (RFC 3533) and the Opus header packets (RFC 7845), written by hand so the bytes
 * depend on nothing but the input: fixed serial, no timestamps. */

const CRC_TABLE = buildCrcTable()

function buildCrcTable(): Uint32Array {
  const table = new Uint32Array(256)
  for (let i = 0; i < 256; i++) {
    let r = i << 24
    for (let b = 0; b < 8; b++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1
    table[i] = r >>> 0
  }
  return table
}

/** Ogg's CRC-32: polynomial 0x04c11db7, initial 0, not reflected, no final xor. */
export function oggCrc(data: Uint8Array): number {
  let crc = 0
  for (let i = 0; i < data.length; i++) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ data[i]) & 0xff]) >>> 0
  return crc >>> 0
}

export const OGG_BOS = 0x02
export const OGG_EOS = 0x04
/** Segments one page's lacing table can hold. */
export const MAX_SEGMENTS = 255

export type OggPage = {
  packets: readonly Uint8Array[]
  granule: bigint
  serial: number
  sequence: number
  flags: number
}

/** Lacing values of one packet: 255s then the remainder (0 when the length is a multiple of 255). */
export function lacing(length: number): number[] {
  return [...Array<number>(Math.floor(length / 255)).fill(255), length % 255]
}

/** One complete Ogg page holding whole packets (the caller keeps their lacing within 255). */
export function oggPage({ packets, granule, serial, sequence, flags }: OggPage): Buffer {
  const segments = packets.flatMap((p) => lacing(p.length))
  if (segments.length > MAX_SEGMENTS) throw new RangeError(`Ogg page needs ${segments.length} segments (max 255)`)
  const header = Buffer.alloc(27 + segments.length)
  header.write('OggS', 0, 'ascii')
  header.writeUInt8(0, 4)
  header.writeUInt8(flags, 5)
  header.writeBigInt64LE(granule, 6)
  header.writeUInt32LE(serial, 14)
  header.writeUInt32LE(sequence, 18)
  header.writeUInt32LE(0, 22)
  header.writeUInt8(segments.length, 26)
  Buffer.from(segments).copy(header, 27)
  const page = Buffer.concat([header, ...packets])
  page.writeUInt32LE(oggCrc(page), 22)
  return page
}

/** The OpusHead identification packet (mono, channel mapping family 0). */
export function opusHead({ preSkip, inputSampleRate }: { preSkip: number; inputSampleRate: number }): Buffer {
  const head = Buffer.alloc(19)
  head.write('OpusHead', 0, 'ascii')
  head.writeUInt8(1, 8) // version
  head.writeUInt8(1, 9) // channels
  head.writeUInt16LE(preSkip, 10)
  head.writeUInt32LE(inputSampleRate, 12)
  head.writeInt16LE(0, 16) // output gain
  head.writeUInt8(0, 18) // mapping family
  return head
}

/** The OpusTags comment packet with a fixed vendor string and no comments. */
export function opusTags(vendor: string): Buffer {
  const v = Buffer.from(vendor, 'utf8')
  const tags = Buffer.alloc(8 + 4 + v.length + 4)
  tags.write('OpusTags', 0, 'ascii')
  tags.writeUInt32LE(v.length, 8)
  v.copy(tags, 12)
  tags.writeUInt32LE(0, 12 + v.length)
  return tags
}

export type ParsedOggPage = { flags: number; granule: bigint; serial: number; sequence: number; body: Buffer; size: number }

/** Walk and verify every page (capture pattern, version, bounds, CRC); throws a RangeError naming
 * the first bad page. */
export function readOggPages(buf: Buffer): ParsedOggPage[] {
  const pages: ParsedOggPage[] = []
  let at = 0
  while (at < buf.length) {
    const page = readPageAt(buf, at, pages.length)
    pages.push(page)
    at += page.size
  }
  return pages
}

function readPageAt(buf: Buffer, at: number, index: number): ParsedOggPage {
  const bad = (why: string) => new RangeError(`Ogg page ${index} at byte ${at}: ${why}`)
  if (at + 27 > buf.length) throw bad('truncated header')
  if (buf.toString('ascii', at, at + 4) !== 'OggS') throw bad('missing OggS capture pattern')
  if (buf[at + 4] !== 0) throw bad(`unknown stream structure version ${buf[at + 4]}`)
  const nSegments = buf[at + 26]
  const headerSize = 27 + nSegments
  if (at + headerSize > buf.length) throw bad('truncated segment table')
  let bodySize = 0
  for (let i = 0; i < nSegments; i++) bodySize += buf[at + 27 + i]
  const size = headerSize + bodySize
  if (at + size > buf.length) throw bad('truncated body')
  const page = Buffer.from(buf.subarray(at, at + size))
  const stored = page.readUInt32LE(22)
  page.writeUInt32LE(0, 22)
  if (oggCrc(page) !== stored) throw bad('CRC mismatch')
  return {
    flags: buf[at + 5],
    granule: buf.readBigInt64LE(at + 6),
    serial: buf.readUInt32LE(at + 14),
    sequence: buf.readUInt32LE(at + 18),
    body: buf.subarray(at + headerSize, at + size),
    size,
  }
}
