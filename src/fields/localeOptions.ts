import { LOCALES } from '@/locales'

export const localeOptions = LOCALES.map((l) => ({ label: l.label, value: l.code }))
