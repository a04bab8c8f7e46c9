import type { IpMode } from '@/domain/listener/clientIp'
import type { Rate } from '@/domain/listener/rateLimit'
import { resetSettings, settings } from '@/settings'

/**
 * Listener API settings (from `settings()`, see .env.example), built once per process.
 *
 * The rates of the rate limits; the limits themselves are shared by every process through
 * Postgres (src/listener/rateLimits.ts).
 */
export type ListenerSettings = {
  secret: string
  tokenTtlSec: number
  ipMode: IpMode
  limits: Record<LimitName, Rate | null>
}

export type LimitName = 'analyticsPerListener' | 'analyticsPerIp' | 'movesPerListener' | 'signInPerIp'

const g = globalThis as typeof globalThis & { __bkListenerSettings?: ListenerSettings }

export function listenerSettings(): ListenerSettings {
  if (g.__bkListenerSettings) return g.__bkListenerSettings
  const { payload, listener } = settings()
  g.__bkListenerSettings = {
    secret: payload.secret,
    tokenTtlSec: Math.round(listener.tokenTtlDays * 86_400),
    ipMode: listener.ipMode,
    limits: {
      analyticsPerListener: listener.limits.analyticsPerListener,
      analyticsPerIp: listener.limits.analyticsPerIp,
      movesPerListener: listener.limits.movesPerListener,
      signInPerIp: listener.limits.signInPerIp,
    },
  }
  return g.__bkListenerSettings
}

/** Forgets the settings (tests change the environment between cases). */
export function resetListenerSettings(): void {
  delete g.__bkListenerSettings
  resetSettings()
}
