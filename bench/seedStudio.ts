/**
 * Child of bench/studio.ts: migrates and seeds the sample stories plus the Studio's benchmark
 * stories: a 40-node story (bench/storyGenerator.ts) and a 200-node, 400-choice one.
 */
import { reportImported } from '../scripts/lib/runTypeScript'

const { loadPayload } = await import('../scripts/lib/migrateAndSeed')
const { migrate } = await import('@/db/migrate')
const { loadSeedStories, seedStories } = await import('@/seed/seed')
const { generateStory, generateWideStory } = await import('./storyGenerator')
reportImported()

const payload = await loadPayload()
await migrate(payload)
const forty = { ...generateStory(1, 40), slug: 'bench-studio-40' }
const wide = { ...generateWideStory(1, 200), slug: 'bench-studio-200' }
await seedStories(payload, [...loadSeedStories(), forty, wide])
await payload.destroy()
process.exit(0)
