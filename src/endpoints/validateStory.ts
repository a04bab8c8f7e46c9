import type { Endpoint } from 'payload'

import { storyIdParamSchema } from '@/domain/api/schemas'
import { validateStory } from '@/domain/story/validate'
import { staffUser } from '@/access/roles'
import { loadStoryGraph } from '@/services/storyGraph'

/** `GET /api/stories/:id/validate`: the story's errors and warnings, for staff. */
export const validateStoryEndpoint: Endpoint = {
  path: '/:id/validate',
  method: 'get',
  handler: async (req) => {
    if (!staffUser(req)) return Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 })
    const id = String(req.routeParams?.id ?? '')
    if (!storyIdParamSchema.safeParse(id).success) return Response.json({ errors: [{ message: `No story ${id}.` }] }, { status: 404 })
    const graph = await loadStoryGraph(req, id)
    if (!graph) return Response.json({ errors: [{ message: `No story ${id}.` }] }, { status: 404 })
    return Response.json(validateStory(graph))
  },
}
