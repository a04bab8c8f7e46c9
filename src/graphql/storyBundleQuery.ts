import type { GraphQLExtension, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import { GraphQLJSON } from '@payloadcms/graphql/types'

import { isLocale, LOCALE_CODES } from '@/locales'
import { getBundle } from '@/services/bundleCache'

/**
 * `StoryBundle(slug: "clever-crow", locale: "hi-mixed")`: the same compiled bundle as
 * `GET /api/stories/:slug/bundle`, from the same cache. Null for unknown or inactive stories; an error naming
 * `availableLocales` for a locale that is not published.
 */
export const storyBundleQuery: GraphQLExtension = (GraphQL) => ({
  StoryBundle: {
    type: GraphQLJSON,
    // A bundle is a whole story (cache lookup, maybe a read and a parse): priced like a list of 50.
    extensions: { complexity: 50 },
    args: {
      slug: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      locale: { type: GraphQL.GraphQLString, description: `One of ${LOCALE_CODES.join(', ')} (default en)` },
    },
    resolve: async (_: unknown, args: { slug: string; locale?: string | null }, context: { req: PayloadRequest }) => {
      const locale = args.locale ?? 'en'
      if (!isLocale(locale)) throw new GraphQL.GraphQLError(`Unknown locale "${locale}". Valid locales: ${LOCALE_CODES.join(', ')}.`)
      const { entry } = await getBundle(context.req.payload, args.slug, locale)
      if (!entry?.storyActive) return null
      if (!entry.published) {
        const available = entry.availableLocales ?? []
        // A public APIError: Payload's GraphQL error formatter shows its message and data.
        throw new APIError(`"${args.slug}" is not published in ${locale}. Available: ${available.join(', ') || 'none'}.`, 404, { availableLocales: available }, true)
      }
      return JSON.parse(entry.json)
    },
  },
})
