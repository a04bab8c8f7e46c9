import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, gql, rest, type Staff } from '../support/api'
import { createStory, type StoryFixture } from '../support/fixtures'
import { startTestServer, type TestServer } from '../support/httpServer'
import { testPayload } from '../support/payload'

let payload: Payload
let server: TestServer
let admin: Staff
let editor: Staff
let tamil: Staff
let active: StoryFixture
let inactive: StoryFixture

beforeAll(async () => {
  payload = await testPayload()
  server = await startTestServer()
  ;[admin, editor, tamil] = await Promise.all([
    createStaff(payload, server.url, 'admin'),
    createStaff(payload, server.url, 'editor'),
    createStaff(payload, server.url, 'translator', ['ta']),
  ])
  active = await createStory(payload)
  inactive = await createStory(payload, { isActive: false })
})

afterAll(async () => {
  await active?.cleanup()
  await inactive?.cleanup()
  await payload.delete({ collection: 'editors', where: { id: { in: [admin.id, editor.id, tamil.id] } } })
  await server?.close()
})

const nodeText = async (id: string, locale: 'en' | 'hi' | 'ta') =>
  (await payload.findByID({ collection: 'story-nodes', id, locale, fallbackLocale: false, depth: 0 })).textContent

describe('the public', () => {
  it('should read an active story', async () => {
    const res = await rest(server.url, 'GET', `stories/${active.storyId}`)
    expect(res.status).toBe(200)
    expect(res.body.slug).toBe(active.slug)
  })

  it('should not see an inactive story in lists', async () => {
    const res = await rest(server.url, 'GET', `stories?where[slug][equals]=${inactive.slug}`)
    expect(res.body.totalDocs).toBe(0)
  })

  it('should get 404 for an inactive story by id', async () => {
    expect((await rest(server.url, 'GET', `stories/${inactive.storyId}`)).status).toBe(404)
  })

  it.each(['story-nodes', 'characters', 'story-choices', 'story-translations', 'audio-files'])(
    'should not see %s of an inactive story',
    async (collection) => {
      const res = await rest(server.url, 'GET', `${collection}?where[story][equals]=${inactive.storyId}`)
      expect(res.status).toBe(200)
      expect(res.body.totalDocs).toBe(0)
    },
  )

  it('should see the nodes and choices of an active story', async () => {
    const nodes = await rest(server.url, 'GET', `story-nodes?where[story][equals]=${active.storyId}`)
    const choices = await rest(server.url, 'GET', `story-choices?where[story][equals]=${active.storyId}`)
    expect(nodes.body.totalDocs).toBe(4)
    expect(choices.body.totalDocs).toBe(2)
  })

  it('should not see an inactive story through GraphQL', async () => {
    const res = await gql(server.url, `{ Stories(where: { slug: { equals: "${inactive.slug}" } }) { totalDocs } }`)
    expect(res.body.data.Stories.totalDocs).toBe(0)
  })

  it.each(['users', 'user-progress', 'bookmarks', 'analytics-events', 'editors'])('should be denied %s', async (collection) => {
    expect((await rest(server.url, 'GET', collection)).status).toBe(403)
  })

  it('should not create a story', async () => {
    const res = await rest(server.url, 'POST', 'stories', { body: { slug: 'x', title: 'x', ageRange: '4-6', region: 'x' } })
    expect(res.status).toBe(403)
  })

  it('should not update a node', async () => {
    const res = await rest(server.url, 'PATCH', `story-nodes/${active.nodeIds[0]}`, { body: { textContent: 'hacked' } })
    expect(res.status).toBe(403)
    expect(await nodeText(active.nodeIds[0]!, 'en')).toBe('Once upon a time')
  })
})

describe('editors', () => {
  it('should create, update and delete story content', async () => {
    const created = await rest(server.url, 'POST', 'story-nodes', {
      token: editor.token,
      body: { story: active.storyId, nodeType: 'narration', displayOrder: 9, textContent: 'Extra' },
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect((await rest(server.url, 'PATCH', `story-nodes/${id}`, { token: editor.token, body: { displayOrder: 10 } })).status).toBe(200)
    expect((await rest(server.url, 'DELETE', `story-nodes/${id}`, { token: editor.token })).status).toBe(200)
  })

  it('should see inactive stories', async () => {
    expect((await rest(server.url, 'GET', `stories/${inactive.storyId}`, { token: editor.token })).status).toBe(200)
  })

  it('should not create staff accounts', async () => {
    const res = await rest(server.url, 'POST', 'editors', {
      token: editor.token,
      body: { email: 'new@test.local', password: 'password123', role: 'admin' },
    })
    expect(res.status).toBe(403)
  })

  it('should only see their own staff account', async () => {
    const res = await rest(server.url, 'GET', 'editors', { token: editor.token })
    expect(res.body.docs.map((d: { id: string }) => d.id)).toEqual([editor.id])
  })

  it('should not promote themselves to admin', async () => {
    await rest(server.url, 'PATCH', `editors/${editor.id}`, { token: editor.token, body: { role: 'admin' } })
    expect((await payload.findByID({ collection: 'editors', id: editor.id })).role).toBe('editor')
  })

  it('should be denied listener data', async () => {
    expect((await rest(server.url, 'GET', 'users', { token: editor.token })).status).toBe(403)
  })
})

describe('admins', () => {
  it('should manage staff accounts', async () => {
    const res = await rest(server.url, 'POST', 'editors', {
      token: admin.token,
      body: { email: `made-by-admin-${Date.now()}@test.local`, password: 'password123', role: 'translator', assignedLocales: ['bn'] },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.assignedLocales).toEqual(['bn'])
    expect((await rest(server.url, 'DELETE', `editors/${res.body.doc.id}`, { token: admin.token })).status).toBe(200)
  })
})

describe('a Tamil translator', () => {
  it('should save Tamil text of a node', async () => {
    const res = await rest(server.url, 'PATCH', `story-nodes/${active.nodeIds[0]}`, {
      token: tamil.token,
      locale: 'ta',
      body: { textContent: 'ஒரு காலத்தில்' },
    })
    expect(res.status).toBe(200)
    expect(await nodeText(active.nodeIds[0]!, 'ta')).toBe('ஒரு காலத்தில்')
  })

  it('should get 403 saving Hindi text, and the Hindi text stays', async () => {
    const res = await rest(server.url, 'PATCH', `story-nodes/${active.nodeIds[0]}`, {
      token: tamil.token,
      locale: 'hi',
      body: { textContent: 'बदला हुआ' },
    })
    expect(res.status).toBe(403)
    expect(await nodeText(active.nodeIds[0]!, 'hi')).toBe('एक समय की बात है')
  })

  it('should get 403 changing structure (display order), and nothing changes', async () => {
    const res = await rest(server.url, 'PATCH', `story-nodes/${active.nodeIds[0]}`, {
      token: tamil.token,
      locale: 'ta',
      body: { displayOrder: 42, textContent: 'மாற்றம்' },
    })
    expect(res.status).toBe(403)
    const node = await payload.findByID({ collection: 'story-nodes', id: active.nodeIds[0]!, locale: 'ta', fallbackLocale: false })
    expect(node.displayOrder).toBe(1)
    expect(node.textContent).toBe('ஒரு காலத்தில்')
  })

  it.each([
    ['story-choices', 'choiceIds', { nextNode: null }],
    ['story-choices', 'choiceIds', { isDefault: false }],
    ['characters', 'characterId', { bulbulSpeaker: 'arvind' }],
    ['stories', 'storyId', { isActive: false }],
  ] as const)('should get 403 changing structural field of %s: %j', async (collection, key, body) => {
    const fixtureValue = active[key]
    const id = Array.isArray(fixtureValue) ? fixtureValue[0] : fixtureValue
    const res = await rest(server.url, 'PATCH', `${collection}/${id}`, { token: tamil.token, locale: 'ta', body })
    expect(res.status).toBe(403)
  })

  it('should translate a story title, a character name and a choice', async () => {
    const calls = [
      rest(server.url, 'PATCH', `stories/${active.storyId}`, { token: tamil.token, locale: 'ta', body: { title: 'புத்திசாலி காகம்' } }),
      rest(server.url, 'PATCH', `characters/${active.characterId}`, { token: tamil.token, locale: 'ta', body: { name: 'பாட்டி' } }),
      rest(server.url, 'PATCH', `story-choices/${active.choiceIds[0]}`, { token: tamil.token, locale: 'ta', body: { textContent: 'தேர்வு அ' } }),
    ]
    expect((await Promise.all(calls)).map((r) => r.status)).toEqual([200, 200, 200])
  })

  it('should not create or delete nodes', async () => {
    const created = await rest(server.url, 'POST', 'story-nodes', {
      token: tamil.token,
      locale: 'ta',
      body: { story: active.storyId, nodeType: 'narration', displayOrder: 9, textContent: 'x' },
    })
    expect(created.status).toBe(403)
    expect((await rest(server.url, 'DELETE', `story-nodes/${active.nodeIds[3]}`, { token: tamil.token, locale: 'ta' })).status).toBe(403)
  })

  it('should translate through GraphQL in Tamil', async () => {
    const res = await gql(
      server.url,
      `mutation { updateStoryNode(id: "${active.nodeIds[2]}", locale: ta, data: { textContent: "காகம் குடிக்கிறது." }) { textContent } }`,
      tamil.token,
    )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.updateStoryNode.textContent).toBe('காகம் குடிக்கிறது.')
  })

  it('should be forbidden through GraphQL in Hindi, and nothing changes', async () => {
    const res = await gql(
      server.url,
      `mutation { updateStoryNode(id: "${active.nodeIds[2]}", locale: hi, data: { textContent: "बदला" }) { textContent } }`,
      tamil.token,
    )
    expect(res.body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(await nodeText(active.nodeIds[2]!, 'hi')).toBeFalsy()
  })

  it('should be forbidden staff management', async () => {
    expect((await rest(server.url, 'POST', 'editors', { token: tamil.token, body: { email: 'z@test.local', password: 'password123' } })).status).toBe(403)
  })
})

describe('locale fallback', () => {
  it('should fall back from hi-mixed to hi through REST', async () => {
    const res = await rest(server.url, 'GET', `story-nodes/${active.nodeIds[0]}`, { locale: 'hi-mixed' })
    expect(res.body.textContent).toBe('एक समय की बात है')
  })

  it('should fall back from bn to en through REST', async () => {
    const res = await rest(server.url, 'GET', `story-nodes/${active.nodeIds[0]}`, { locale: 'bn' })
    expect(res.body.textContent).toBe('Once upon a time')
  })

  it('should fall back from ta to en through REST where Tamil is missing', async () => {
    const res = await rest(server.url, 'GET', `story-nodes/${active.nodeIds[1]}`, { locale: 'ta' })
    expect(res.body.textContent).toBe('What should the crow do?')
  })

  it('should fall back from hi-mixed to hi through GraphQL', async () => {
    const res = await gql(server.url, `{ StoryNode(id: "${active.nodeIds[0]}", locale: hi_mixed) { textContent } }`)
    expect(res.body.data.StoryNode.textContent).toBe('एक समय की बात है')
  })

  it('should fall back from ta to en through GraphQL', async () => {
    const res = await gql(server.url, `{ StoryNode(id: "${active.nodeIds[1]}", locale: ta) { textContent } }`)
    expect(res.body.data.StoryNode.textContent).toBe('What should the crow do?')
  })

  it('should honour an explicit fallbackLocale: none through GraphQL', async () => {
    const res = await gql(server.url, `{ StoryNode(id: "${active.nodeIds[1]}", locale: hi_mixed, fallbackLocale: none) { textContent } }`)
    expect(res.body.data.StoryNode.textContent).toBeNull()
  })
})

describe('GraphQL complexity limit', () => {
  it('should refuse a query that asks for too much in one go', async () => {
    const deep = `{ Stories(limit: 100) { docs { nodes(limit: 500) { docs { ... on StoryNode { choices(limit: 100) { docs { ... on StoryChoice { node { story { nodes(limit: 500) { docs { ... on StoryNode { id } } } } } } } } } } } } } }`
    const res = await gql(server.url, deep)
    expect(JSON.stringify(res.body)).toMatch(/complexity \d+ exceeds the limit/i)
    expect(res.body.data).toBeUndefined()
  })

  it('should allow what an app asks for: a page of stories with their nodes and choices', async () => {
    const res = await gql(
      server.url,
      `{ Stories(limit: 10) { docs { slug title nodes(limit: 100) { docs { ... on StoryNode { id textContent choices(limit: 5) { docs { ... on StoryChoice { choiceKey textContent } } } } } } } } }`,
    )
    expect(res.body.errors).toBeUndefined()
  })
})
