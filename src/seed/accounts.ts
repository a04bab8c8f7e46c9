import { settings, type Settings } from '@/settings'

/**
 * Development staff accounts with documented passwords. They are created only when SEED_ACCOUNTS
 * is `dev`, which is the default for the embedded database (`npm run dev`, `npm start` without
 * DATABASE_URL) and never the default against an external database.
 */
export const SEED_ADMIN = {
  get email(): string {
    return settings().seed.adminEmail
  },
  get password(): string {
    return settings().seed.adminPassword
  },
}

export const SEED_STAFF = [
  { email: 'editor@bhashakahani.local', password: 'kahani-editor', name: 'Meena (editor)', role: 'editor' as const, locales: [] },
  { email: 'hindi@bhashakahani.local', password: 'kahani-hindi', name: 'Ravi (Hindi translator)', role: 'translator' as const, locales: ['hi', 'hi-mixed'] },
  { email: 'tamil@bhashakahani.local', password: 'kahani-tamil', name: 'Kavya (Tamil translator)', role: 'translator' as const, locales: ['ta'] },
]

export type SeedAccounts = Settings['seed']['accounts']

/** SEED_ACCOUNTS, or its default: `dev` on the embedded database (BK_EMBEDDED_DATABASE=1), `none` on an external one. */
export function seedAccountsMode(): SeedAccounts {
  return settings().seed.accounts
}
