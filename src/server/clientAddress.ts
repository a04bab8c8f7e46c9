import type { IncomingMessage } from 'node:http'

import net from 'node:net'
import proxyaddr from 'proxy-addr'

import { settings } from '@/settings'

export type Trust = (address: string, hop: number) => boolean

/**
 * TRUSTED_PROXIES (IPs or CIDR ranges, comma or space separated, or proxy-addr's names
 * loopback/linklocal/uniquelocal; checked by the settings, so a bad entry stops the server at start
 * naming the variable) compiled for proxy-addr.
 */
export function trustFromSettings(entries: string[] = settings().listener.trustedProxies): Trust {
  return proxyaddr.compile(entries)
}

const plain = (address: string | undefined | null): string | null => {
  if (!address) return null
  const ip = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')
  return net.isIP(ip) ? ip : null
}

/**
 * The client's address, from the socket peer, walking X-Forwarded-For from the right only past
 * trusted proxies (proxy-addr). The request leaves here with X-Forwarded-For set to exactly that
 * address, or `unknown` when there is none (a hop we trust forwarded garbage), so nothing behind
 * this server can read a client-chosen value. Rate limits key an unknown address on one shared key.
 */
export function pinClientAddress(req: IncomingMessage, trust: Trust): string | null {
  let address: string | null
  try {
    address = req.socket.remoteAddress ? plain(proxyaddr(req as Parameters<typeof proxyaddr>[0], trust)) : null
  } catch {
    address = null
  }
  req.headers['x-forwarded-for'] = address ?? 'unknown'
  delete req.headers['x-real-ip']
  delete req.headers.forwarded
  return address
}
