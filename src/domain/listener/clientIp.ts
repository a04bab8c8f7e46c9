/**
 * The client's IP address behind reverse proxies. `X-Forwarded-For` is a list the client can
 * prepend anything to, so it is read from the right: starting at the socket peer, each hop is
 * trusted only while it is a configured trusted proxy, and the first untrusted address is the
 * client. With no trusted proxies the header is ignored entirely.
 */
import net from 'node:net'

export type Cidr = { family: 4 | 6; bits: bigint; prefix: number }

function toBigInt(ip: string): { family: 4 | 6; value: bigint } | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped) ip = mapped[1]!
  const family = net.isIP(ip)
  if (family === 4) {
    return { family: 4, value: ip.split('.').reduce((acc, part) => (acc << 8n) + BigInt(Number(part)), 0n) }
  }
  if (family === 6) {
    const [head, tail] = ip.split('::') as [string, string | undefined]
    const parse = (s: string | undefined) => (s ? s.split(':') : [])
    let groups = parse(head)
    let rest = parse(tail)
    // An embedded IPv4 tail (::ffff:1.2.3.4 handled above; others rare) takes two groups.
    const last = (tail === undefined ? groups : rest).at(-1)
    if (last && last.includes('.')) {
      const v4 = toBigInt(last)!.value
      const replace = [((v4 >> 16n) & 0xffffn).toString(16), (v4 & 0xffffn).toString(16)]
      if (tail === undefined) groups = [...groups.slice(0, -1), ...replace]
      else rest = [...rest.slice(0, -1), ...replace]
    }
    const all = tail === undefined ? groups : [...groups, ...Array(8 - groups.length - rest.length).fill('0'), ...rest]
    return { family: 6, value: all.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g || '0', 16)), 0n) }
  }
  return null
}

/** Parses "10.0.0.0/8, 192.168.1.7, fd00::/8" (comma or space separated). Throws on a bad entry. */
export function parseTrustedProxies(text: string | undefined): Cidr[] {
  if (!text) return []
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      const [ip, prefixText] = entry.split('/') as [string, string | undefined]
      const parsed = toBigInt(ip)
      if (!parsed) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range.`)
      const max = parsed.family === 4 ? 32 : 128
      const prefix = prefixText === undefined ? max : Number(prefixText)
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) throw new Error(`TRUSTED_PROXIES: bad prefix in "${entry}".`)
      return { family: parsed.family, bits: parsed.value >> BigInt(max - prefix), prefix }
    })
}

export function inCidrs(ip: string, cidrs: Cidr[]): boolean {
  const parsed = toBigInt(ip)
  if (!parsed) return false
  return cidrs.some((c) => c.family === parsed.family && parsed.value >> BigInt((c.family === 4 ? 32 : 128) - c.prefix) === c.bits)
}

/** Strips brackets, zone ids, ports and the IPv4-mapped prefix; null when it is not an IP. */
export function normalizeIp(raw: string | null | undefined): string | null {
  if (!raw) return null
  let ip = raw.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip)
  if (bracketed) ip = bracketed[1]!
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(':'))
  ip = ip.replace(/%.*$/, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped) ip = mapped[1]!
  return net.isIP(ip) ? ip : null
}

/**
 * The client address: the socket peer unless it is a trusted proxy, in which case
 * X-Forwarded-For is walked from the right past trusted proxies.
 */
export function clientIp(peer: string | null, forwardedFor: string | null, trusted: Cidr[]): string | null {
  let current = normalizeIp(peer)
  if (!current || trusted.length === 0 || !forwardedFor) return current
  const hops = forwardedFor.split(',').map((h) => h.trim()).filter(Boolean)
  while (current && inCidrs(current, trusted) && hops.length > 0) {
    const next = normalizeIp(hops.pop())
    if (!next) return current // garbage from a hop we cannot trust: stop at the last good one
    current = next
  }
  return current
}

export const IP_MODES = ['full', 'truncate', 'none'] as const
export type IpMode = (typeof IP_MODES)[number]

/**
 * What is stored of an address: `full`; `truncate` (default: IPv4 /24, IPv6 /48, enough for
 * regional counts and abuse ranges, not a household); or `none`.
 */
export function storedIp(ip: string | null, mode: IpMode): string | null {
  if (!ip || mode === 'none') return null
  if (mode === 'full') return ip
  const parsed = toBigInt(ip)
  if (!parsed) return null
  if (parsed.family === 4) {
    const v = (parsed.value >> 8n) << 8n
    return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join('.')
  }
  const v = (parsed.value >> 80n) << 80n
  const groups = [...Array(8)].map((_, i) => ((v >> BigInt(112 - i * 16)) & 0xffffn).toString(16))
  return `${groups.slice(0, 3).join(':')}::`
}
