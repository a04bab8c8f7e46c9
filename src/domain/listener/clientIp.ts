/**
 * Client addresses as the listener API keeps them. Which address a request comes from is decided
 * by the app server (src/server/clientAddress.ts: the socket peer, X-Forwarded-For only from
 * TRUSTED_PROXIES, via proxy-addr); here it is only normalised and, for storage, truncated.
 */
import ipaddr from 'ipaddr.js'
import net from 'node:net'

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

export const IP_MODES = ['full', 'truncate', 'none'] as const
export type IpMode = (typeof IP_MODES)[number]

/**
 * What is stored of an address: `full`; `truncate` (default: IPv4 /24, IPv6 /48, enough for
 * regional counts and abuse ranges, not a household); or `none`.
 */
export function storedIp(ip: string | null, mode: IpMode): string | null {
  if (!ip || mode === 'none') return null
  if (mode === 'full') return ip
  if (!ipaddr.isValid(ip)) return null
  const parsed = ipaddr.process(ip) // IPv4-mapped IPv6 becomes IPv4
  const keep = parsed.kind() === 'ipv4' ? 3 : 6 // bytes: /24, /48
  const bytes = parsed.toByteArray().map((b, i) => (i < keep ? b : 0))
  return ipaddr.fromByteArray(bytes).toString()
}
