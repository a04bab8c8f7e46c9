import { createProvider } from '@/audio/providers/createProvider'
import type { TtsProvider } from '@/audio/providers/types'
import type { ProviderIdentity } from '@/domain/audio/variants'

let instance: TtsProvider | undefined

/**
 * The TTS provider of this process, created once from the environment on first use: it holds the
 * Sarvam rate limiter, so every task of the process shares one request budget.
 */
export function audioProvider(): TtsProvider {
  instance ??= createProvider()
  return instance
}

/**
 * Replaces the process's provider (a benchmark counting engine calls, a test pointing the real
 * SDK at a local server). Returns the previous one.
 */
export function setAudioProvider(provider: TtsProvider | undefined): TtsProvider | undefined {
  const previous = instance
  instance = provider
  return previous
}

/** What the content key records about the provider. Settings are per line; none are set yet. */
export function providerIdentity(provider: TtsProvider): ProviderIdentity {
  return { provider: provider.name, model: provider.model, settings: {} }
}
