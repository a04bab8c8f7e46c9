import type { IpMode } from '@/domain/listener/clientIp'
import { RateLimiter, type Rate } from '@/domain/listener/rateLimit'
import { resetSettings, settings } from '@/settings'

/**
 * Listener API settings (from `settings()`, see .env.example), built once per process.
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
  const { payload, listener } = settings()
  g.__bkListenerSettings = {
    secret: payload.secret,
    tokenTtlSec: Math.round(listener.tokenTtlDays * 86_400),
    ipMode: listener.ipMode,
    limits: {
      analyticsPerListener: limiter(listener.limits.analyticsPerListener),
      analyticsPerIp: limiter(listener.limits.analyticsPerIp),
      movesPerListener: limiter(listener.limits.movesPerListener),
      signInPerIp: limiter(listener.limits.signInPerIp),
    },
  }
  return g.__bkListenerSettings
}

/** Forgets the settings and the rate limiters' state (tests change the environment between cases). */
export function resetListenerSettings(): void {
  delete g.__bkListenerSettings
  resetSettings()
}
