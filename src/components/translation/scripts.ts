import { getLocale, isLocale } from '@/locales'

const NOTO: Record<string, string> = {
  Latn: 'Noto Sans',
  Deva: 'Noto Sans Devanagari',
  Beng: 'Noto Sans Bengali',
  Taml: 'Noto Sans Tamil',
  Telu: 'Noto Sans Telugu',
  Knda: 'Noto Sans Kannada',
  Mlym: 'Noto Sans Malayalam',
  Gujr: 'Noto Sans Gujarati',
  Guru: 'Noto Sans Gurmukhi',
  Orya: 'Noto Sans Oriya',
}

/** The Noto font family stack for a locale's script. */
export function fontFor(locale: string | null | undefined): string {
  const script = isLocale(locale) ? getLocale(locale).script : 'Latn'
  return `"${NOTO[script] ?? 'Noto Sans'}", "Noto Sans", system-ui, sans-serif`
}
