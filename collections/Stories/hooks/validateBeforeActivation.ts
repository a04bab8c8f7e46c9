import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import { validateStory } from '@/domain/story/validate'
import { loadStoryGraph } from '@/services/storyGraph'
import { SLUGS } from '@/slugs'

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
  return data
}
