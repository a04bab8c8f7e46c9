/**
 * Child of bench/run.ts: migrates and seeds the benchmark data set (50 generated stories x 40
 * nodes x 4 locales, plus the sample stories) through the Local API, then prints the ids it needs.
 */
import { reportImported } from '../scripts/lib/runTypeScript'

const { loadPayload } = await import('../scripts/lib/migrateAndSeed')
const { migrate } = await import('@/db/migrate')
const { loadSeedStories, seedStories } = await import('@/seed/seed')
const { generateStory } = await import('./storyGenerator')
reportImported()

const payload = await loadPayload()
await migrate(payload)
const count = Number(process.env.BENCH_STORIES || 50)
const started = Date.now()
await seedStories(payload, [...loadSeedStories(), ...Array.from({ length: count }, (_, i) => generateStory(i + 1))])
console.log(`[bench] seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`)
await payload.destroy()
process.exit(0)
