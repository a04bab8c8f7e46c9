import { IP_MODES, type IpMode } from '@/domain/listener/clientIp'
import { parseRate, RateLimiter, type Rate } from '@/domain/listener/rateLimit'

/**
 * Listener API settings from the environment (see .env.example), read once per process.
 *
 * Rate limits are per process (in memory): with N app processes behind a load balancer the
 * effective limit is up to N times the configured one.
 */
export type ListenerSettings = {
  secret: string
  tokenTtlSec: number
  ipMode: IpMode
  limits: {
    analyticsPerListener: RateLimiter | null
    analyticsPerIp: RateLimiter | null
    movesPerListener: RateLimiter | null
    signInPerIp: RateLimiter | null
  }
}

const g = globalThis as typeof globalThis & { __bkListenerSettings?: ListenerSettings }

const limiter = (rate: Rate | null) => (rate ? new RateLimiter(rate) : null)

export function listenerSettings(): ListenerSettings {
  if (g.__bkListenerSettings) return g.__bkListenerSettings
  const env = process.env
  const ipMode = (env.ANALYTICS_IP_MODE || 'truncate') as IpMode
  if (!IP_MODES.includes(ipMode)) throw new Error(`ANALYTICS_IP_MODE must be one of ${IP_MODES.join(', ')}; got "${ipMode}".`)
  const ttlDays = Number(env.LISTENER_TOKEN_TTL_DAYS || 90)
  if (!(ttlDays > 0)) throw new Error('LISTENER_TOKEN_TTL_DAYS must be a positive number.')
  g.__bkListenerSettings = {
    secret: env.PAYLOAD_SECRET || '',
    tokenTtlSec: Math.round(ttlDays * 86_400),
    ipMode,
    limits: {
      analyticsPerListener: limiter(parseRate(env.RATE_LIMIT_ANALYTICS_LISTENER, { limit: 120, windowSec: 60 })),
      analyticsPerIp: limiter(parseRate(env.RATE_LIMIT_ANALYTICS_IP, { limit: 3000, windowSec: 60 })),
      movesPerListener: limiter(parseRate(env.RATE_LIMIT_PROGRESS_LISTENER, { limit: 300, windowSec: 60 })),
      signInPerIp: limiter(parseRate(env.RATE_LIMIT_SIGNIN_IP, { limit: 60, windowSec: 60 })),
    },
  }
  return g.__bkListenerSettings
}

/** Forgets the settings (tests change the environment between cases). */
export function resetListenerSettings(): void {
  delete g.__bkListenerSettings
}
