import { z } from 'zod'

import { TtsError } from '@/domain/audio/ttsError'
import { createLocalProvider } from '@/audio/providers/localProvider'
import type { Clock, Sleep } from '@/audio/providers/rateLimit'
import { createSarvamProvider } from '@/audio/providers/sarvamProvider'
import { DEFAULT_SARVAM_MODEL, SARVAM_MODELS, type SarvamModel } from '@/domain/audio/speakers'
import type { TtsProvider } from '@/audio/providers/types'

const positiveInt = (name: string, fallback: number) =>
  z.coerce.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).positive(`${name} must be positive`).default(fallback)

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

const EnvSchema = z.object({
  TTS_PROVIDER: z.preprocess(emptyToUndefined, z.enum(['sarvam', 'local']).optional()),
  SARVAM_API_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
  SARVAM_MODEL: z.preprocess(
    emptyToUndefined,
    z.enum(SARVAM_MODELS as [SarvamModel, ...SarvamModel[]], { error: `SARVAM_MODEL must be one of ${SARVAM_MODELS.join(', ')}` }).default(DEFAULT_SARVAM_MODEL),
  ),
  SARVAM_BASE_URL: z.preprocess(emptyToUndefined, z.url({ error: 'SARVAM_BASE_URL must be a URL' }).optional()),
  SARVAM_RPM: z.preprocess(emptyToUndefined, positiveInt('SARVAM_RPM', 30)),
  SARVAM_MAX_ATTEMPTS: z.preprocess(emptyToUndefined, positiveInt('SARVAM_MAX_ATTEMPTS', 5)),
  SARVAM_TIMEOUT_SECONDS: z.preprocess(emptyToUndefined, positiveInt('SARVAM_TIMEOUT_SECONDS', 60)),
  ESPEAK_BACKEND: z.preprocess(emptyToUndefined, z.enum(['auto', 'binary', 'wasm']).default('auto')),
})

export type ProviderEnv = Readonly<Record<string, string | undefined>>
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
export function createProvider(env: ProviderEnv = process.env, deps: ProviderDeps = {}): TtsProvider {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    throw new TtsError('INVALID_CONFIG', `Invalid TTS configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`)
  }
  const config = parsed.data
  const choice = config.TTS_PROVIDER ?? (config.SARVAM_API_KEY ? 'sarvam' : 'local')
  if (choice === 'local') return createLocalProvider({ backend: config.ESPEAK_BACKEND })
  if (!config.SARVAM_API_KEY) throw new TtsError('INVALID_CONFIG', 'TTS_PROVIDER=sarvam needs SARVAM_API_KEY')
  return createSarvamProvider({
    apiKey: config.SARVAM_API_KEY,
    model: config.SARVAM_MODEL,
    baseUrl: config.SARVAM_BASE_URL,
    requestsPerMinute: config.SARVAM_RPM,
    maxAttempts: config.SARVAM_MAX_ATTEMPTS,
    timeoutSeconds: config.SARVAM_TIMEOUT_SECONDS,
    ...deps,
  })
}
