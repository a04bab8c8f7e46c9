import { TtsError } from '@/domain/audio/ttsError'
import type { SynthesizeRequest, TtsProvider } from '@/audio/providers/types'
import { isLocale, type LocaleCode } from '@/locales'

/** The checks every provider makes before spending a request: text to say, a locale it speaks. */
export function assertSpeakable(provider: Pick<TtsProvider, 'name' | 'languages'>, request: SynthesizeRequest): LocaleCode {
  if (typeof request.text !== 'string' || request.text.trim() === '') {
    throw new TtsError('EMPTY_TEXT', 'Cannot synthesise empty text: the line has nothing to say')
  }
  const { locale } = request
  if (!isLocale(locale) || !provider.languages.includes(locale)) {
    throw new TtsError(
      'UNSUPPORTED_LOCALE',
      `The ${provider.name} TTS provider cannot speak locale "${String(locale)}"; it speaks: ${provider.languages.join(', ')}`,
    )
  }
  return locale
}

/** Characters as a TTS service counts them: Unicode code points. */
export function countChars(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}
