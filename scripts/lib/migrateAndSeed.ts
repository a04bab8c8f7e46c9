import type { Payload } from 'payload'

import type { SeedAccounts } from '@/seed/accounts'

/**
 * No staff account exists: the first admin registers at /admin with the one-time setup token.
 * The token is printed only when this start generated it (an operator's own token is never echoed).
 */
function announceFirstAdminSetup(): void {
  const generated = process.env.BK_SETUP_TOKEN_GENERATED === '1' && process.env.ADMIN_SETUP_TOKEN
  console.log(
    [
      '',
      '  No staff account exists yet. Create the first admin at /admin/create-first-user',
      generated
        ? `  with this one-time setup token (generated for this start): ${process.env.ADMIN_SETUP_TOKEN}`
        : process.env.ADMIN_SETUP_TOKEN
          ? '  with the ADMIN_SETUP_TOKEN this server was started with.'
          : '  after setting ADMIN_SETUP_TOKEN (first-register is closed without it).',
      '',
    ].join('\n'),
  )
}

/**
 * Brings the database to the latest committed migration and, when asked, seeds the sample
 * content into an empty database. Used by `npm run dev`, `npm start` and `npm run seed`.
 */
export async function migrateAndSeed(opts: { seed: 'always' | 'when-empty' | 'never'; accounts: SeedAccounts }): Promise<{ linesQueued: number }> {
  let linesQueued = 0
  const payload = await loadPayload()
  try {
    const { migrate } = await import('@/db/migrate')
    await migrate(payload)
    const empty = opts.seed === 'when-empty' && (await payload.count({ collection: 'stories' })).totalDocs === 0
    if (opts.seed === 'always' || empty) {
      const { seed } = await import('@/seed/seed')
      await seed(payload)
      const { voiceSampleStories } = await import('@/audio/jobs/voiceSampleStories')
      linesQueued = await voiceSampleStories(payload, (msg) => console.log(`[bhasha-kahani] ${msg}`))
    }
    if (opts.accounts === 'dev') {
      const { ensureStaff } = await import('@/seed/seed')
      await ensureStaff(payload)
    }
    if ((await payload.count({ collection: 'editors' })).totalDocs === 0) announceFirstAdminSetup()
    return { linesQueued }
  } finally {
    await payload.destroy()
  }
}

export async function loadPayload(): Promise<Payload> {
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  return getPayload({ config })
}
