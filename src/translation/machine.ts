import { SarvamAIClient, type SarvamAI } from 'sarvamai'

import { TokenBucket, realSleep } from '@/audio/providers/rateLimit'
import { RetriesExhausted, withRetries } from '@/audio/providers/retry'
import { classifySarvamError } from '@/audio/providers/sarvamProvider'
import { splitText } from '@/domain/audio/splitText'
import { getLocale, type LocaleCode } from '@/locales'
import { settings, type TtsSettings } from '@/settings'

/** Mayura's request limit: longer texts are sent in sentence-sized pieces. */
export const MAYURA_MAX_CHARS = 1000

export type MachineTranslator = {
  model: string
  translate(text: string, from: LocaleCode, to: LocaleCode): Promise<string>
}

export class MachineTranslationError extends Error {}

/**
 * What we ask Mayura for: colloquial Indian language as a child hears it spoken
 * (`modern-colloquial`); Hinglish is Hindi in code-mixed mode written in Latin script.
 */
export function translationRequest(input: string, from: LocaleCode, to: LocaleCode): SarvamAI.TranslationRequest {
  const hinglish = to === 'hi-mixed'
  return {
    input,
    source_language_code: getLocale(from).sarvam as SarvamAI.TranslateSourceLanguage,
    target_language_code: getLocale(to).sarvam as SarvamAI.TranslateTargetLanguage,
    model: 'mayura:v1',
    mode: hinglish ? 'code-mixed' : 'modern-colloquial',
    ...(hinglish ? { output_script: 'roman' as SarvamAI.TransliterateMode } : {}),
    numerals_format: 'international',
  }
}

const g = globalThis as { __bkTranslateBucket?: TokenBucket }

/**
 * Sarvam Mayura through the official `sarvamai` SDK, or null without SARVAM_API_KEY (then the
 * machine-draft action is hidden). Same policy as the voice provider: requests share one client-side
 * rate limit (SARVAM_RPM), 429 waits for Retry-After, 5xx and timeouts back off with jitter.
 */
export function machineTranslator(tts: TtsSettings = settings().tts): MachineTranslator | null {
  const apiKey = tts.sarvamApiKey
  if (!apiKey) return null
  const client = new SarvamAIClient({
    apiSubscriptionKey: apiKey,
    ...(tts.sarvamBaseUrl ? { baseUrl: tts.sarvamBaseUrl } : {}),
    maxRetries: 0,
    timeoutInSeconds: tts.sarvamTimeoutSeconds,
  })
  const bucket = (g.__bkTranslateBucket ??= new TokenBucket({ perMinute: tts.sarvamRpm, sleep: realSleep }))
  const maxAttempts = tts.sarvamMaxAttempts
  return {
    model: 'mayura:v1',
    async translate(text, from, to) {
      const parts: string[] = []
      for (const piece of splitText(text, MAYURA_MAX_CHARS)) {
        try {
          const { value } = await withRetries(
            async () => {
              const response = await client.text.translate(translationRequest(piece, from, to), { maxRetries: 0 })
              if (typeof response?.translated_text !== 'string') throw new MachineTranslationError('Sarvam translate returned no translated_text')
              return response.translated_text
            },
            { maxAttempts, sleep: realSleep, beforeAttempt: () => bucket.take(), classify: (error) => classifySarvamError(error, Date.now()) },
          )
          parts.push(value)
        } catch (error) {
          const detail = error instanceof RetriesExhausted ? error.failure.detail : error instanceof Error ? error.message : String(error)
          throw new MachineTranslationError(`Sarvam translate (${from} -> ${to}) failed: ${detail}`)
        }
      }
      return parts.join(' ')
    },
  }
}
