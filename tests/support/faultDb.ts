/**
 * Helper process for tests/faults: on the database of DATABASE_URL (migrated here), `seed` creates
 * a story fixture and prints `FIXTURE {json}`; `deactivate <storyId>` deactivates it through the
 * Local API (its hooks notify every process).
 */
import { createStory } from './fixtures'
import { testPayload } from './payload'

const payload = await testPayload()
const [command, id] = process.argv.slice(2)
if (command === 'seed') {
  const story = await createStory(payload)
  console.log(`FIXTURE ${JSON.stringify({ storyId: story.storyId, slug: story.slug, nodeIds: story.nodeIds })}`)
} else if (command === 'deactivate') {
  await payload.update({ collection: 'stories', id: id!, data: { isActive: false } })
  console.log('DONE')
} else throw new Error(`unknown command ${command}`)
process.exit(0)
