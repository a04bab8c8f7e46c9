import type { Endpoint, PayloadRequest } from 'payload'

import { listenerUser } from '@/access/listenerUser'
import { bookmarkBodySchema, storySlugSchema } from '@/domain/listener/schemas'

import { addBookmark, listBookmarks, removeBookmark } from '@/listener/bookmarks'
import { storyBundle } from '@/listener/bundles'
import { readJsonBody } from '@/http/body'
import { answeringEndpoint, error, invalid, json } from '@/http/response'
import { unauthorized } from '@/listener/http'

const slugOf = (req: PayloadRequest) => storySlugSchema.safeParse(req.routeParams?.storySlug)

/** `POST /api/bookmarks/story/:storySlug {notes?}`: 201 with the new bookmark, 200 with the existing one. */
const add: Endpoint = {
  path: '/story/:storySlug',
  method: 'post',
  handler: async (req) => {
    const listener = listenerUser(req)
    if (!listener) return unauthorized()
    const slug = slugOf(req)
    if (!slug.success) return invalid(slug.error, ['storySlug'])
    const raw = await readJsonBody(req)
    if (!raw.ok) return raw.response
    const input = bookmarkBodySchema.safeParse(raw.value)
    if (!input.success) return invalid(input.error)
    const story = await storyBundle(req.payload, slug.data)
    if (!story || !story.published) return error(404, `No active story "${slug.data}".`)
    try {
      const { bookmark, created } = await addBookmark(req.payload, listener.id, story.bundle.story.id, input.data?.notes ?? null)
      return json(created ? 201 : 200, { bookmark, created })
    } catch (err) {
      const e = err as { code?: string; constraint?: string }
      // A foreign key failed: the story went away since its bundle was read (404 about it), else the listener.
      if (e.code === '23503' && e.constraint?.includes('story')) return error(404, `No active story "${slug.data}".`)
      if (e.code === '23503') return unauthorized('This listener no longer exists. Sign in again.')
      throw err
    }
  },
}

/** `DELETE /api/bookmarks/story/:storySlug`: 200 when removed, 404 when there was none. */
const remove: Endpoint = {
  path: '/story/:storySlug',
  method: 'delete',
  handler: async (req) => {
    const listener = listenerUser(req)
    if (!listener) return unauthorized()
    const slug = slugOf(req)
    if (!slug.success) return invalid(slug.error, ['storySlug'])
    const removed = await removeBookmark(req.payload, listener.id, slug.data)
    return removed ? json(200, { deleted: true }) : error(404, `No bookmark on "${slug.data}".`)
  },
}

/** `GET /api/bookmarks/mine`: the listener's bookmarks with story slugs, newest first. */
const mine: Endpoint = {
  path: '/mine',
  method: 'get',
  handler: async (req) => {
    const listener = listenerUser(req)
    if (!listener) return unauthorized()
    return json(200, { docs: await listBookmarks(req.payload, listener.id) })
  },
}

/** Unexpected failures answer the logged 500 (503 while the database is away) in the one error shape. */
export const listenerBookmarkEndpoints: Endpoint[] = [mine, add, remove].map(answeringEndpoint)
