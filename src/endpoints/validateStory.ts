import { storyIdParamSchema } from '@/domain/api/schemas'
import { validateStory } from '@/domain/story/validate'
import { requireRole } from '@/http/requireRole'
import { answeringEndpoint, error, json } from '@/http/response'
import { loadStoryGraph } from '@/services/storyGraph'

/** `GET /api/stories/:id/validate`: the story's errors and warnings, for staff. */
export const validateStoryEndpoint = answeringEndpoint({
  path: '/:id/validate',
  method: 'get',
  handler: async (req) => {
    const denied = requireRole(req, ['admin', 'editor', 'translator'], { anonymous: 403 })
    if (denied) return denied
    const id = String(req.routeParams?.id ?? '')
    if (!storyIdParamSchema.safeParse(id).success) return error(404, `No story ${id}.`)
    const graph = await loadStoryGraph(req, id)
    if (!graph) return error(404, `No story ${id}.`)
    return json(200, validateStory(graph))
  },
})
