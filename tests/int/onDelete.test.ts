import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { primaryPool } from '@/db/postgres'

import { uid } from '../support/api'
import { createStory } from '../support/fixtures'
import { testPayload } from '../support/payload'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

async function count(sql: string, params: unknown[]): Promise<number> {
  const { rows } = await primaryPool(payload).query<{ n: string }>(`SELECT count(*)::int AS n FROM ${sql}`, params)
  return Number(rows[0]!.n)
}

async function addAudio(nodeId: string) {
  return payload.create({
    collection: 'audio-files',
    data: { node: nodeId, languageCode: 'en', speakerId: uid('spk'), r2Url: 'audio/test.opus' },
  })
}

describe('ON DELETE rules hold in the database', () => {
  it('should remove translations, characters, nodes, choices and audio when a story is deleted', async () => {
    const s = await createStory(payload)
    await addAudio(s.nodeIds[0]!)
    expect(await count('story_translations WHERE story_id = $1', [s.storyId])).toBeGreaterThan(0)
    await payload.delete({ collection: 'stories', id: s.storyId })
    expect(await count('story_translations WHERE story_id = $1', [s.storyId])).toBe(0)
    expect(await count('characters WHERE story_id = $1', [s.storyId])).toBe(0)
    expect(await count('story_nodes WHERE id = ANY($1::uuid[])', [s.nodeIds])).toBe(0)
    expect(await count('story_choices WHERE id = ANY($1::uuid[])', [s.choiceIds])).toBe(0)
    expect(await count('audio_files WHERE node_id = ANY($1::uuid[])', [s.nodeIds])).toBe(0)
  })

  it("should null nodes' character when a character is deleted", async () => {
    const s = await createStory(payload)
    await payload.delete({ collection: 'characters', id: s.characterId })
    expect(await count('story_nodes WHERE story_id = $1 AND character_id IS NULL', [s.storyId])).toBe(4)
    await s.cleanup()
  })

  it('should remove a node’s choices and audio and null choices pointing at it when a node is deleted', async () => {
    const s = await createStory(payload)
    const [, decide, endA] = s.nodeIds as [string, string, string, string]
    await addAudio(decide)
    await payload.delete({ collection: 'story-nodes', id: endA })
    expect(await count('story_choices WHERE node_id = $1 AND next_node_id IS NULL', [decide])).toBe(1)
    await payload.delete({ collection: 'story-nodes', id: decide })
    expect(await count('story_choices WHERE node_id = $1', [decide])).toBe(0)
    expect(await count('audio_files WHERE node_id = $1', [decide])).toBe(0)
    await s.cleanup()
  })

  it('should remove progress and bookmarks but keep analytics (with nulls) when a listener is deleted', async () => {
    const s = await createStory(payload)
    const user = await payload.create({ collection: 'users', data: { anonymousId: uid('device-abcdefabcdef') } })
    await payload.create({ collection: 'user-progress', data: { user: user.id, story: s.storyId, currentNode: s.nodeIds[0] } })
    await payload.create({ collection: 'bookmarks', data: { user: user.id, story: s.storyId } })
    const event = await payload.create({
      collection: 'analytics-events',
      data: { user: user.id, story: s.storyId, node: s.nodeIds[0], eventType: 'story_start', ipAddress: '203.0.113.9' },
    })
    await payload.delete({ collection: 'users', id: user.id })
    expect(await count('user_progress WHERE user_id = $1', [user.id])).toBe(0)
    expect(await count('bookmarks WHERE user_id = $1', [user.id])).toBe(0)
    expect(await count('analytics_events WHERE id = $1 AND user_id IS NULL', [event.id])).toBe(1)
    await s.cleanup()
    expect(await count('analytics_events WHERE id = $1 AND story_id IS NULL AND node_id IS NULL', [event.id])).toBe(1)
    await payload.delete({ collection: 'analytics-events', id: event.id })
  })

  it('should null a progress row’s current node when that node is deleted', async () => {
    const s = await createStory(payload)
    const user = await payload.create({ collection: 'users', data: { anonymousId: uid('device-abcdefabcdef') } })
    const p = await payload.create({ collection: 'user-progress', data: { user: user.id, story: s.storyId, currentNode: s.nodeIds[0] } })
    await payload.delete({ collection: 'story-nodes', id: s.nodeIds[0]! })
    expect(await count('user_progress WHERE id = $1 AND current_node_id IS NULL', [p.id])).toBe(1)
    await payload.delete({ collection: 'users', id: user.id })
    await s.cleanup()
  })
})
