/**
 * A save recompiles only the bundles it can change (src/domain/story/bundleScope.ts), and the
 * stored bundles stay exactly what a full recompile gives.
 */
import { createLocalReq, type CollectionBeforeOperationHook, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { LOCK } from '@/db/locks'
import { primaryPool } from '@/db/postgres'
import { compileBundle } from '@/domain/story/bundle'
import { LOCALE_CODES } from '@/locales'
import { lockStoryBundles, recompileStoryBundles } from '@/services/storyBundles'
import { loadStoryGraph } from '@/services/storyGraph'

import { createStaff, gql, rest, type Staff } from '../support/api'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'

let payload: Payload
let server: TestServer
let editor: Staff
let story: StoryFixture

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  editor = await createStaff(payload, server.url, 'editor')
  story = await createStory(payload, { isActive: true })
})

afterAll(async () => {
  await story?.cleanup()
  if (editor) await payload.delete({ collection: 'editors', id: editor.id })
  await server?.close()
})

type Row = { languageCode: string; version: string; updatedAt: string }

/** The story's translation rows by locale. */
async function rows(storyId = story.storyId): Promise<Record<string, Row>> {
  const found = await payload.find({ collection: 'story-translations', where: { story: { equals: storyId } }, depth: 0, limit: 0, pagination: false })
  return Object.fromEntries(found.docs.map((r) => [r.languageCode, r as unknown as Row]))
}

/** Locales whose row was written since `before`. */
function rewritten(before: Record<string, Row>, after: Record<string, Row>): string[] {
  return LOCALE_CODES.filter((l) => before[l]?.updatedAt !== after[l]?.updatedAt)
}

/** Every stored bundle equals what compiling the story now gives. */
async function expectExact(storyId = story.storyId): Promise<void> {
  const graph = (await loadStoryGraph(await createLocalReq({}, payload), storyId))!
  const stored = await rows(storyId)
  for (const locale of LOCALE_CODES) expect({ locale, version: stored[locale]?.version }).toEqual({ locale, version: compileBundle(graph, locale).version })
}

async function patch(path: string, body: Record<string, unknown>): Promise<void> {
  const res = await rest(server.url, 'PATCH', path, { token: editor.token, body })
  expect(res.status).toBe(200)
}

describe('recompiling after a save', () => {
  it('should rewrite only Hindi and Hinglish after a Hindi text edit, leaving every bundle exact', async () => {
    const before = await rows()
    expect(Object.keys(before).sort()).toEqual([...LOCALE_CODES].sort())

    await patch(`story-nodes/${story.nodeIds[1]}?locale=hi&depth=0`, { textContent: 'कौआ क्या करे?' })

    const after = await rows()
    expect(rewritten(before, after)).toEqual(['hi', 'hi-mixed'])
    expect(after.hi!.version).not.toBe(before.hi!.version)
    await expectExact()
  })

  it('should rewrite only Tamil after a Tamil choice text edit', async () => {
    const before = await rows()

    await patch(`story-choices/${story.choiceIds[0]}?locale=ta&depth=0`, { textContent: 'தண்ணீர் குடி' })

    expect(rewritten(before, await rows())).toEqual(['ta'])
    await expectExact()
  })

  it('should rewrite every locale after an English (source) text edit', async () => {
    const before = await rows()

    await patch(`story-nodes/${story.nodeIds[2]}?locale=en&depth=0`, { textContent: 'The crow drinks the cool water.' })

    expect(rewritten(before, await rows())).toEqual(LOCALE_CODES)
    await expectExact()
  })

  it('should rewrite every locale after a structural change saved in one locale', async () => {
    const before = await rows()

    // Saved with ?locale=ta (the choice has Tamil text now), but its target changes: every
    // locale's bundle changes.
    await patch(`story-choices/${story.choiceIds[0]}?locale=ta&depth=0`, { nextNode: story.nodeIds[3] })

    expect(rewritten(before, await rows())).toEqual(LOCALE_CODES)
    await expectExact()
  })

  it('should keep every bundle exact when two people save lines of one story at the same moment', async () => {
    // Each save recompiles in its own transaction from what it can see: without one recompile of a
    // story at a time, the later commit writes a bundle that lacks the other save's line.
    for (let round = 0; round < 4; round++) {
      await Promise.all([
        patch(`story-nodes/${story.nodeIds[0]}?locale=en&depth=0`, { textContent: `Round ${round}: the crow is thirsty.` }),
        patch(`story-nodes/${story.nodeIds[2]}?locale=en&depth=0`, { textContent: `Round ${round}: the crow drinks.` }),
      ])
      await expectExact()
    }
    const en = (await payload.find({ collection: 'story-translations', where: { and: [{ story: { equals: story.storyId } }, { languageCode: { equals: 'en' } }] }, depth: 0 })).docs[0]!
    const texts = JSON.stringify(en.contentJson)
    expect(texts).toContain('Round 3: the crow is thirsty.')
    expect(texts).toContain('Round 3: the crow drinks.')
  })

  it("should give a story its rows once when two lines are saved at once before it has any", async () => {
    // A story written with compilation skipped (audio fixtures) has no rows yet: both saves would
    // create the same (story, language) rows, and the unique index would fail one of them.
    const bare = await createStory(payload, { compileBundles: false })
    try {
      const saves = await Promise.all(
        [0, 2].map((i) => rest(server.url, 'PATCH', `story-nodes/${bare.nodeIds[i]}?locale=en&depth=0`, { token: editor.token, body: { textContent: `Saved at once ${i}.` } })),
      )
      expect(saves.map((r) => r.status)).toEqual([200, 200])
      const found = await payload.find({ collection: 'story-translations', where: { story: { equals: bare.storyId } }, depth: 0, limit: 0, pagination: false })
      expect(found.docs.map((r) => r.languageCode).sort()).toEqual([...LOCALE_CODES].sort())
      const en = JSON.stringify(found.docs.find((r) => r.languageCode === 'en')!.contentJson)
      expect(en).toContain('Saved at once 0.')
      expect(en).toContain('Saved at once 2.')
    } finally {
      await bare.cleanup()
    }
  })

  it('should move a locale through review while its lines are saved, with neither waiting on the other for good', async () => {
    // A go-live change writes the locale's row and recompiles; a text save recompiles and writes
    // the same row: both take the story's bundle lock first, so neither deadlocks.
    for (const [round, state] of (['in_review', 'draft', 'in_review', 'draft', 'in_review', 'draft', 'in_review', 'draft'] as const).entries()) {
      const [moved, saved] = await Promise.all([
        rest(server.url, 'POST', `stories/${story.storyId}/publication`, { token: editor.token, body: { locale: 'hi', state } }),
        rest(server.url, 'PATCH', `story-nodes/${story.nodeIds[1]}?locale=hi&depth=0`, { token: editor.token, body: { textContent: `कौआ सोचता है (${round})` } }),
      ])
      expect([moved.status, saved.status]).toEqual([200, 200])
      expect((await rows()).hi).toMatchObject({ publicationState: state })
      await expectExact()
    }
  })

  it.each(['REST', 'GraphQL'] as const)('should answer 503 (%s), and save nothing, when Postgres stops a save as a deadlock victim', async (api) => {
    // Another transaction (a script, a bulk job) holds the story's English row and then wants the
    // node the save has just written: Postgres breaks the cycle by stopping one of them. The save
    // waited first, so its deadlock check runs first and it is the one stopped (40P01): a moment's
    // conflict, not a bug, so the answer is 503 ("send it again") and nothing is written.
    const nodeId = story.nodeIds[2]!
    const before = (await payload.findByID({ collection: 'story-nodes', id: nodeId, locale: 'en', depth: 0 })).textContent
    const enRow = (await rows()).en as unknown as { id: string }
    const other = await primaryPool(payload).connect()
    try {
      await other.query('BEGIN')
      await other.query('UPDATE story_translations SET updated_at = updated_at WHERE id = $1', [enRow.id])
      const { rows: me } = await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
      const text = `Never saved: a deadlock victim (${api}).`
      const saving =
        api === 'REST'
          ? rest(server.url, 'PATCH', `story-nodes/${nodeId}?locale=en&depth=0`, { token: editor.token, body: { textContent: text } })
          : gql(server.url, `mutation { updateStoryNode(id: "${nodeId}", locale: en, data: { textContent: "${text}" }) { id } }`, editor.token)
      // The save has written its node and now waits for the English row this transaction holds.
      for (let waited = 0; ; waited += 50) {
        const { rows: blocked } = await primaryPool(payload).query('SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [me[0]!.pid])
        if (blocked.length) break
        if (waited > 20_000) throw new Error('the save never waited for the held row')
        await new Promise((r) => setTimeout(r, 50))
      }
      const taking = other.query('UPDATE story_nodes SET updated_at = updated_at WHERE id = $1', [nodeId])
      const res = await saving
      const failure = res.body.errors?.[0]
      if (api === 'REST') {
        expect(res.status, JSON.stringify(res.body)).toBe(503)
        expect(res.headers.get('retry-after')).toBe('1')
      } else {
        // GraphQL answers HTTP 200 with the error in the body: its statusCode says 503.
        expect(res.body.data?.updateStoryNode ?? null, JSON.stringify(res.body)).toBeNull()
        expect(failure?.extensions, JSON.stringify(res.body)).toMatchObject({ statusCode: 503, retryAfter: 1 })
      }
      expect(failure?.message).toMatch(/at the same moment, so this one was not saved: send it again/)
      await taking
      await other.query('ROLLBACK')
    } finally {
      other.release()
    }
    expect((await payload.findByID({ collection: 'story-nodes', id: nodeId, locale: 'en', depth: 0 })).textContent).toBe(before)
    await expectExact()
  })

  it("should refuse a locale that is not ready at once, without waiting for a recompile of the story", async () => {
    // Another process is recompiling the story (it holds the story's bundle lock) while an editor
    // asks to publish Bengali, which has no text: the refusal needs no lock and must not wait.
    const holder = await primaryPool(payload).connect()
    let released = false
    const release = async () => {
      if (released) return
      released = true
      await holder.query('SELECT pg_advisory_unlock($1::int, hashtext($2))', [LOCK.bundles, story.storyId])
    }
    let fallback: NodeJS.Timeout | undefined
    try {
      await holder.query('SELECT pg_advisory_lock($1::int, hashtext($2))', [LOCK.bundles, story.storyId])
      // Let go after a while whatever happens, so a request that waits for the lock still ends.
      fallback = setTimeout(() => void release(), 15_000)
      const refused = await rest(server.url, 'POST', `stories/${story.storyId}/publication`, { token: editor.token, body: { locale: 'bn', state: 'published' } })
      const answeredWhileHeld = !released
      expect(refused.status, JSON.stringify(refused.body)).toBe(409)
      expect(refused.body.errors[0].code).toBe('LOCALE_NOT_READY')
      expect(answeredWhileHeld).toBe(true)

      // A move that is made waits for the recompile in progress, then is made.
      const moving = rest(server.url, 'POST', `stories/${story.storyId}/publication`, { token: editor.token, body: { locale: 'bn', state: 'in_review' } })
      let answeredEarly = false
      void moving.then(() => (answeredEarly = !released))
      await new Promise((r) => setTimeout(r, 300))
      await release()
      const moved = await moving
      expect(moved.status, JSON.stringify(moved.body)).toBe(200)
      expect(answeredEarly).toBe(false)
      expect((await rows()).bn).toMatchObject({ publicationState: 'in_review' })
      expect((await rest(server.url, 'POST', `stories/${story.storyId}/publication`, { token: editor.token, body: { locale: 'bn', state: 'draft' } })).status).toBe(200)
    } finally {
      clearTimeout(fallback)
      await release()
      holder.release()
    }
  })

  it('should refuse to take the bundle lock outside a transaction, and recompile in a transaction of its own when called outside one', async () => {
    // Outside a transaction the lock would be released the moment it was granted: it guards nothing.
    const bare = await createLocalReq({}, payload)
    await expect(lockStoryBundles(bare, story.storyId)).rejects.toThrow(/needs the request's transaction/)

    // A script's bare request: the recompile opens its own transaction, so it takes the lock and
    // waits for a recompile in progress (held here) before it writes.
    await primaryPool(payload).query(`UPDATE story_nodes_locales SET text_content = 'Written by a script.' WHERE _parent_id = $1 AND _locale = 'en'`, [story.nodeIds[0]])
    const holder = await primaryPool(payload).connect()
    try {
      await holder.query('SELECT pg_advisory_lock($1::int, hashtext($2))', [LOCK.bundles, story.storyId])
      let done = false
      const recompiling = recompileStoryBundles(await createLocalReq({}, payload), story.storyId).then(() => (done = true))
      await new Promise((r) => setTimeout(r, 500))
      expect(done).toBe(false)
      await holder.query('SELECT pg_advisory_unlock($1::int, hashtext($2))', [LOCK.bundles, story.storyId])
      await recompiling
    } finally {
      holder.release()
    }
    expect(JSON.stringify((await rows()).en)).toContain('Written by a script.')
    await expectExact()
  })

  it('should rewrite nothing after a change no bundle reads (a card position)', async () => {
    const before = await rows()

    await patch(`story-nodes/${story.nodeIds[0]}?locale=en&depth=0`, { metadata: { studio: { position: { x: 40, y: 80 } } } })

    expect(rewritten(before, await rows())).toEqual([])
    await expectExact()
  })
})

describe('a bulk update or delete', () => {
  const EXTRA = 24
  let bulk: StoryFixture
  let extraIds: string[] = []

  beforeAll(async () => {
    bulk = await createStory(payload, { isActive: true })
    for (let i = 0; i < EXTRA; i++) {
      const node = await payload.create({
        collection: 'story-nodes',
        locale: 'en',
        context: { skipBundleCompile: true },
        data: { story: bulk.storyId, nodeType: 'narration', displayOrder: 10 + i, textContent: `Extra line ${i}.`, character: bulk.characterId },
      })
      extraIds.push(node.id)
    }
    await recompileStoryBundles(await createLocalReq({}, payload), bulk.storyId)
    payload.collections['story-translations'].config.hooks.beforeOperation.push(countReads)
  })

  afterAll(async () => {
    const hooks = payload.collections['story-translations'].config.hooks.beforeOperation
    if (hooks.includes(countReads)) hooks.splice(hooks.indexOf(countReads), 1)
    await bulk?.cleanup()
  })

  // A recompile reads the story's translation rows once (recompileStoryBundles): counted by a hook
  // this block adds to the collection, per story.
  const reads = new Map<string, number>()
  const countReads: CollectionBeforeOperationHook = ({ args, operation }) => {
    const story = operation === 'read' ? (args as { where?: { story?: { equals?: unknown } } }).where?.story?.equals : undefined
    if (typeof story === 'string') reads.set(story, (reads.get(story) ?? 0) + 1)
    return args
  }
  /** Recompiles of the bulk story so far. */
  const recompiles = () => reads.get(bulk.storyId) ?? 0

  // Payload runs a bulk operation's documents at once in one transaction; each document's hook
  // recompiled the whole story (24 recompiles for 24 lines; a bulk delete of the e2e suite's audio
  // files took 8-9 s). Now the ones that arrive during a recompile fold into one more.
  it('should recompile a story a few times, not once per line, when many of its lines are edited at once, and leave every bundle exact', async () => {
    const before = recompiles()
    const res = await rest(server.url, 'PATCH', `story-nodes?where[story][equals]=${bulk.storyId}&where[displayOrder][greater_than_equal]=10&locale=en&depth=0`, {
      token: editor.token,
      body: { textContent: 'Every extra line says this now.' },
    })
    expect(res.status).toBe(200)
    expect((res.body as { docs: unknown[] }).docs).toHaveLength(EXTRA)
    const made = recompiles() - before
    expect(made).toBeGreaterThanOrEqual(1)
    expect(made).toBeLessThanOrEqual(4)
    expect(JSON.stringify((await rows(bulk.storyId)).en)).toContain('Every extra line says this now.')
    await expectExact(bulk.storyId)
  })

  it('should do the same for a bulk delete, and leave no deleted line in any bundle', async () => {
    const before = recompiles()
    const res = await rest(server.url, 'DELETE', `story-nodes?where[story][equals]=${bulk.storyId}&where[displayOrder][greater_than_equal]=10`, { token: editor.token })
    expect(res.status).toBe(200)
    expect((res.body as { docs: unknown[] }).docs).toHaveLength(EXTRA)
    const made = recompiles() - before
    expect(made).toBeGreaterThanOrEqual(1)
    expect(made).toBeLessThanOrEqual(4)
    const en = JSON.stringify((await rows(bulk.storyId)).en)
    for (const id of extraIds) expect(en).not.toContain(id)
    await expectExact(bulk.storyId)
  })
})
