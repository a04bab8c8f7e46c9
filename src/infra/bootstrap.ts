import type { Payload } from 'payload'

/**
 * Brings the database to the latest committed migration and, when asked, seeds the sample
 * content into an empty database. Used by `npm run dev`, `npm start` and `npm run seed`.
 */
export async function migrateAndSeed(opts: { seed: 'always' | 'when-empty' | 'never' }): Promise<void> {
  const payload = await loadPayload()
  try {
    const { migrate } = await import('@/db/migrate')
    await migrate(payload)
    const empty = opts.seed === 'when-empty' && (await payload.count({ collection: 'stories' })).totalDocs === 0
    if (opts.seed === 'always' || empty) {
      const { seed } = await import('@/seed/seed')
      await seed(payload)
      const { voiceSampleStories } = await import('@/audio/jobs/voiceSampleStories')
      await voiceSampleStories(payload, (msg) => console.log(`[bhasha-kahani] ${msg}`))
    }
  } finally {
    await payload.destroy()
  }
}

export async function loadPayload(): Promise<Payload> {
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  return getPayload({ config })
}
