import type { PayloadRequest } from 'payload'

import { idOf } from '@/db/idOf'
import type { GraphCharacter, GraphChoice, GraphNode, LocalizedText, StoryGraph } from '@/domain/story/graph'
import type { Cue } from '@/domain/audio/cues'
import { audioPublicUrl } from '@/domain/audio/objectKey'
import { loadLexicon } from '@/audio/lexicon'
import { audioProvider, providerIdentity } from '@/audio/providers/audioProvider'
import { nodeSpeaker } from '@/domain/audio/speakers'
import { currentAudio } from '@/domain/audio/variants'
import type { LocaleCode } from '@/locales'
import { SLUGS } from '@/slugs'
import { settings } from '@/settings'

type Ref = string | { id: string } | null | undefined

function localized(value: unknown): LocalizedText {
  if (!value || typeof value !== 'object') return {}
  const out: LocalizedText = {}
  for (const [locale, text] of Object.entries(value as Record<string, unknown>)) {
    if (typeof text === 'string' && text.trim() !== '') out[locale as LocaleCode] = text
  }
  return out
}

/**
 * Loads everything a story's bundle is made of, with every locale's own text (no fallback), in a
 * fixed number of queries: story, characters, nodes, choices, audio (and foreign choice targets).
 */
export async function loadStoryGraph(req: PayloadRequest, storyId: string): Promise<StoryGraph | null> {
  const { payload } = req
  const common = { req, overrideAccess: true, depth: 0, locale: 'all' as const, fallbackLocale: false as const }
  const story = await payload.findByID({ collection: SLUGS.stories, id: storyId, joins: false, disableErrors: true, ...common })
  if (!story) return null
  const byStory = { story: { equals: storyId } }
  // Sequential on purpose: inside a transaction these share one connection (pg deprecates overlap).
  const characters = await payload.find({ collection: SLUGS.characters, where: byStory, pagination: false, limit: 0, ...common })
  const nodes = await payload.find({ collection: SLUGS.storyNodes, where: byStory, pagination: false, limit: 0, joins: false, ...common })
  const choices = await payload.find({ collection: SLUGS.storyChoices, where: byStory, pagination: false, limit: 0, ...common })
  const audio = await payload.find({
    collection: SLUGS.audioFiles,
    where: byStory,
    pagination: false,
    limit: 0,
    req,
    overrideAccess: true,
    depth: 0,
    select: { node: true, languageCode: true, r2Url: true, codeMixRatio: true, speakerId: true, contentKey: true, cues: true },
  })
  const lexicon = await loadLexicon(req)

  // A node is voiced by its character's speaker (the narrator's when it has none). Only audio whose
  // content key matches the node's current text, speaker, provider and lexicon goes in the bundle:
  // after an edit the old audio is left out until the line is voiced again.
  const { audio: audioSettings, urls } = settings()
  const speakerOf = new Map(characters.docs.map((c) => [c.id, c.bulbulSpeaker]))
  const current = currentAudio({
    nodes: nodes.docs.map((n) => ({ id: n.id, speaker: nodeSpeaker(speakerOf.get(idOf(n.character as Ref) ?? ''), audioSettings.narratorSpeaker), texts: localized(n.textContent) })),
    rows: audio.docs.flatMap((a) => {
      const node = idOf(a.node as Ref)
      return node ? [{ ...a, node }] : []
    }),
    identity: providerIdentity(audioProvider()),
    lexicon,
  })
  const urlOptions = { publicBaseUrl: urls.objects, serverUrl: urls.server }
  const audioUrls = (nodeId: string) =>
    Object.fromEntries(Object.entries(current.get(nodeId) ?? {}).map(([locale, a]) => [locale, audioPublicUrl(a, urlOptions)])) as Partial<Record<LocaleCode, string>>
  const audioCues = (nodeId: string) =>
    Object.fromEntries(Object.entries(current.get(nodeId) ?? {}).map(([locale, a]) => [locale, Array.isArray(a.cues) ? (a.cues as Cue[]) : []])) as Partial<Record<LocaleCode, Cue[]>>
  const graphNodes: GraphNode[] = nodes.docs.map((n) => ({
    id: n.id,
    storyId,
    type: n.nodeType,
    characterId: idOf(n.character as Ref),
    displayOrder: n.displayOrder,
    isStart: !!n.isStart,
    isEnd: !!n.isEnd,
    text: localized(n.textContent),
    audio: audioUrls(n.id),
    cues: audioCues(n.id),
  }))
  const graphChoices: GraphChoice[] = choices.docs.map((c) => ({
    id: c.id,
    nodeId: idOf(c.node as Ref)!,
    key: c.choiceKey,
    text: localized(c.textContent),
    nextNodeId: idOf(c.nextNode as Ref),
    isDefault: !!c.isDefault,
  }))
  // Choices may point at nodes of other stories: load just enough of them to report it.
  const known = new Set(graphNodes.map((n) => n.id))
  const foreignIds = [...new Set(graphChoices.map((c) => c.nextNodeId).filter((id): id is string => !!id && !known.has(id)))]
  if (foreignIds.length) {
    const foreign = await payload.find({
      collection: SLUGS.storyNodes,
      where: { id: { in: foreignIds } },
      pagination: false,
      limit: 0,
      joins: false,
      ...common,
    })
    for (const n of foreign.docs) {
      graphNodes.push({
        id: n.id,
        storyId: idOf(n.story as Ref) ?? '',
        type: n.nodeType,
        characterId: null,
        displayOrder: n.displayOrder,
        isStart: false,
        isEnd: !!n.isEnd,
        text: localized(n.textContent),
      })
    }
  }
  const graphCharacters: GraphCharacter[] = characters.docs.map((c) => ({
    id: c.id,
    slug: c.slug,
    name: localized(c.name),
    voiceProfile: c.voiceProfile,
    bulbulSpeaker: c.bulbulSpeaker,
    displayOrder: c.displayOrder ?? 0,
    avatarUrl: c.avatarUrl ?? null,
  }))
  return {
    id: story.id,
    slug: story.slug,
    ageRange: story.ageRange,
    region: story.region,
    durationMin: story.durationMin ?? null,
    coverUrl: story.coverImage ?? null,
    isActive: !!story.isActive,
    sourceLocale: (story.sourceLocale as LocaleCode | undefined) ?? 'en',
    title: localized(story.title),
    description: localized(story.description),
    moral: localized(story.moral),
    characters: graphCharacters,
    nodes: graphNodes,
    choices: graphChoices,
  }
}
