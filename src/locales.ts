/**
 * The one list of content locales. Adding a locale: one line here plus a migration
 * (`npm run payload -- migrate:create add-locale-xx`), because Payload stores locales as a Postgres enum.
 */
export type LocaleDef = {
  code: string
  label: string
  /** BCP-47 code Sarvam Bulbul expects (target_language_code). */
  sarvam: string
  /** espeak-ng voice for the offline provider. */
  espeak: string
  /** Script the text is written in. */
  script: 'Latn' | 'Deva' | 'Beng' | 'Taml' | 'Telu' | 'Knda' | 'Mlym' | 'Gujr' | 'Guru' | 'Orya'
  fallback?: string
}

export const LOCALES = [
  { code: 'en', label: 'English', sarvam: 'en-IN', espeak: 'en', script: 'Latn' },
  { code: 'hi', label: 'हिन्दी (Hindi)', sarvam: 'hi-IN', espeak: 'hi', script: 'Deva' },
  { code: 'bn', label: 'বাংলা (Bengali)', sarvam: 'bn-IN', espeak: 'bn', script: 'Beng' },
  { code: 'ta', label: 'தமிழ் (Tamil)', sarvam: 'ta-IN', espeak: 'ta', script: 'Taml' },
  { code: 'te', label: 'తెలుగు (Telugu)', sarvam: 'te-IN', espeak: 'te', script: 'Telu' },
  { code: 'kn', label: 'ಕನ್ನಡ (Kannada)', sarvam: 'kn-IN', espeak: 'kn', script: 'Knda' },
  { code: 'ml', label: 'മലയാളം (Malayalam)', sarvam: 'ml-IN', espeak: 'ml', script: 'Mlym' },
  { code: 'mr', label: 'मराठी (Marathi)', sarvam: 'mr-IN', espeak: 'mr', script: 'Deva' },
  { code: 'gu', label: 'ગુજરાતી (Gujarati)', sarvam: 'gu-IN', espeak: 'gu', script: 'Gujr' },
  { code: 'pa', label: 'ਪੰਜਾਬੀ (Punjabi)', sarvam: 'pa-IN', espeak: 'pa', script: 'Guru' },
  { code: 'od', label: 'ଓଡ଼ିଆ (Odia)', sarvam: 'od-IN', espeak: 'or', script: 'Orya' },
  { code: 'hi-mixed', label: 'Hinglish (Hindi-English)', sarvam: 'hi-IN', espeak: 'hi', script: 'Latn', fallback: 'hi' },
] as const satisfies readonly LocaleDef[]

export type LocaleCode = (typeof LOCALES)[number]['code']

export const DEFAULT_LOCALE: LocaleCode = 'en'

export const LOCALE_CODES: LocaleCode[] = LOCALES.map((l) => l.code)

export function isLocale(code: unknown): code is LocaleCode {
  return typeof code === 'string' && (LOCALE_CODES as string[]).includes(code)
}

export function getLocale(code: LocaleCode): LocaleDef {
  return LOCALES.find((l) => l.code === code)!
}

/** The chain a reader falls back through: hi-mixed -> hi -> en; ta -> en. */
export function fallbackChain(code: LocaleCode): LocaleCode[] {
  const chain: LocaleCode[] = [code]
  let cur: LocaleDef = getLocale(code)
  while (cur.fallback && !chain.includes(cur.fallback as LocaleCode)) {
    chain.push(cur.fallback as LocaleCode)
    cur = getLocale(cur.fallback as LocaleCode)
  }
  if (!chain.includes(DEFAULT_LOCALE)) chain.push(DEFAULT_LOCALE)
  return chain
}

/** The HTML `lang` of a locale's text (hi-mixed is Hindi in Latin script: `hi-Latn`). */
export function htmlLang(code: string): string {
  return code === 'hi-mixed' ? 'hi-Latn' : code
}
