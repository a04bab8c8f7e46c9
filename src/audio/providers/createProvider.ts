import { TtsError } from '@/domain/audio/ttsError'
import { createLocalProvider } from '@/audio/providers/localProvider'
import type { Clock, Sleep } from '@/audio/providers/rateLimit'
import { createSarvamProvider } from '@/audio/providers/sarvamProvider'
import type { TtsProvider } from '@/audio/providers/types'
import { parseSettings, settings, SettingsError, type Env, type TtsSettings } from '@/settings'

export type ProviderEnv = Env
export type ProviderDeps = { sleep?: Sleep; now?: Clock; random?: () => number }

/**
 * The TTS provider this environment asks for:
 * - `sarvam` when `SARVAM_API_KEY` is set (model `SARVAM_MODEL`, default bulbul:v3; server
 *   `SARVAM_BASE_URL`, default Sarvam's; `SARVAM_RPM` default 30; `SARVAM_MAX_ATTEMPTS` default 5;
 *   `SARVAM_TIMEOUT_SECONDS` default 60);
 * - else `local` espeak-ng (`ESPEAK_BACKEND` auto | binary | wasm).
 * `TTS_PROVIDER=local|sarvam` overrides the choice. Create it once per process and reuse it: the
 * Sarvam rate limit lives in the provider.
 */
export function createProvider(env?: ProviderEnv, deps: ProviderDeps = {}): TtsProvider {
  const config = ttsSettings(env)
  const choice = config.provider ?? (config.sarvamApiKey ? 'sarvam' : 'local')
  if (choice === 'local') return createLocalProvider({ backend: config.espeakBackend })
  if (!config.sarvamApiKey) throw new TtsError('INVALID_CONFIG', 'TTS_PROVIDER=sarvam needs SARVAM_API_KEY')
  return createSarvamProvider({
    apiKey: config.sarvamApiKey,
    model: config.sarvamModel,
    baseUrl: config.sarvamBaseUrl,
    requestsPerMinute: config.sarvamRpm,
    maxAttempts: config.sarvamMaxAttempts,
    timeoutSeconds: config.sarvamTimeoutSeconds,
    ...deps,
  })
}

/** The process's TTS settings, or those of `env` (a benchmark or test choosing a provider). */
function ttsSettings(env: ProviderEnv | undefined): TtsSettings {
  try {
    return env ? parseSettings(env).tts : settings().tts
  } catch (error) {
    if (error instanceof SettingsError) throw new TtsError('INVALID_CONFIG', `Invalid TTS configuration: ${error.message}`, { cause: error })
    throw error
  }
}
