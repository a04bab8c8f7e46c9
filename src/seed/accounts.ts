/** Sample staff accounts created by the seed (change the passwords on any shared machine). */
export const SEED_ADMIN = {
  email: process.env.SEED_ADMIN_EMAIL || 'admin@bhashakahani.local',
  password: process.env.SEED_ADMIN_PASSWORD || 'kahani-admin',
}

export const SEED_STAFF = [
  { email: 'editor@bhashakahani.local', password: 'kahani-editor', name: 'Meena (editor)', role: 'editor' as const, locales: [] },
  { email: 'hindi@bhashakahani.local', password: 'kahani-hindi', name: 'Ravi (Hindi translator)', role: 'translator' as const, locales: ['hi', 'hi-mixed'] },
  { email: 'tamil@bhashakahani.local', password: 'kahani-tamil', name: 'Kavya (Tamil translator)', role: 'translator' as const, locales: ['ta'] },
]
