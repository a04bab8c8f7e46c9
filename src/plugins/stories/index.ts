import type { Plugin } from 'payload'

import { Characters } from '@collections/Characters'
import { Media } from '@collections/Media'
import { Stories } from '@collections/Stories'
import { StoryChoices } from '@collections/StoryChoices'
import { StoryNodes } from '@collections/StoryNodes'
import { StoryTranslations } from '@collections/StoryTranslations'

/**
 * The story content collections the other features attach to, by role (their slugs): a feature
 * plugin that adds fields, hooks or endpoints to them takes the ones it needs as options.
 */
export type StoryContentCollections = { stories: string; characters: string; nodes: string; choices: string }

/**
 * Story content: stories, their compiled per-language translations, characters, nodes and choices,
 * and the media (covers, avatars) they show. Added first: the other features attach their hooks,
 * fields and endpoints to these collections.
 */
export const storiesPlugin: Plugin = (config) => ({
  ...config,
  collections: [...(config.collections ?? []), Stories, StoryTranslations, Characters, StoryNodes, StoryChoices, Media],
})
