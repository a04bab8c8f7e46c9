import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import { parseUnitId } from '@/domain/translation/units'
import type { StoryGraph } from '@/domain/story/graph'
import { validateStory } from '@/domain/story/validate'
import { loadStoryGraph } from '@/services/storyGraph'
import { settings } from '@/settings'
import { SLUGS } from '@/slugs'
import { graphSource, reportFor } from '@/translation/service'

const MAX_NAMED = 10

/** "“Once upon a time…” (node 1a2b3c4d)" for a line's unit id, in the locale's own words. */
function nameLine(graph: StoryGraph, unitId: string, locale: string): string {
  const parsed = parseUnitId(unitId)
  const doc = parsed && [...graph.nodes, ...graph.choices].find((d) => d.id === parsed.docId)
  const text = ((doc?.text as Record<string, string | undefined> | undefined)?.[locale] ?? '').replace(/\s+/g, ' ').trim()
  const shown = [...text].length > 40 ? `${[...text].slice(0, 39).join('')}…` : text
  return `“${shown}” (${parsed?.collection === 'story-choices' ? 'choice' : 'node'} ${parsed?.docId.slice(0, 8) ?? unitId})`
}

/**
 * REQUIRE_AUDIO_TO_PUBLISH (generated | approved): the story's source language goes live with the
 * story, so activating it needs every line of that language voiced (and approved). Names the lines
 * that are not; null when nothing is missing or audio is not required.
 */
function missingSourceAudio(graph: StoryGraph): string | null {
  const rule = settings().publishing.requireAudio
  if (rule === 'none') return null
  const locale = graphSource(graph)
  const missing = reportFor(graph, [], locale, rule).audioMissing
  if (!missing.length) return null
  const named = missing.slice(0, MAX_NAMED).map((id) => nameLine(graph, id, locale))
  const more = missing.length > MAX_NAMED ? `, and ${missing.length - MAX_NAMED} more` : ''
  return `Cannot activate: ${missing.length} ${locale} line(s) without ${rule === 'approved' ? 'approved ' : ''}audio (REQUIRE_AUDIO_TO_PUBLISH=${rule}): ${named.join(', ')}${more}`
}

/**
 * A story cannot be made active while it has errors: activating (or creating active) a story whose
 * graph is invalid fails with every error listed on the Active field. Inactive drafts save in any state.
 */
export const validateBeforeActivation: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const activating = data.isActive === true && (operation === 'create' || !originalDoc?.isActive)
  if (!activating || req.context?.skipStoryValidation) return data
  const graph = originalDoc?.id ? await loadStoryGraph(req, originalDoc.id) : null
  const report = validateStory(
    graph ?? {
      id: 'new',
      slug: String(data.slug ?? ''),
      ageRange: '',
      region: '',
      durationMin: null,
      coverUrl: null,
      isActive: true,
      title: {},
      description: {},
      moral: {},
      characters: [],
      nodes: [],
      choices: [],
    },
  )
  if (report.errors.length) {
    throw new ValidationError({
      collection: SLUGS.stories,
      id: originalDoc?.id,
      errors: report.errors.map((e) => ({
        path: 'isActive',
        message: `Cannot activate: ${e.message} (uncheck Active to save a draft)`,
      })),
      req,
    })
  }
  const audio = graph ? missingSourceAudio(graph) : null
  if (audio) throw new ValidationError({ collection: SLUGS.stories, id: originalDoc?.id, errors: [{ path: 'isActive', message: audio }], req })
  return data
}
