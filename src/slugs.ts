/** Collection slugs, defined once and reused in `relationTo`, access and hooks. */
export const SLUGS = {
  editors: 'editors',
  media: 'media',
  users: 'users',
  stories: 'stories',
  storyTranslations: 'story-translations',
  characters: 'characters',
  storyNodes: 'story-nodes',
  storyChoices: 'story-choices',
  audioFiles: 'audio-files',
  pronunciations: 'pronunciations',
  userProgress: 'user-progress',
  bookmarks: 'bookmarks',
  analyticsEvents: 'analytics-events',
  translationStates: 'translation-states',
  translationEvents: 'translation-events',
} as const

/** Where a story's translation into one locale stands (story_translations.publication_state). */
export const PUBLICATION_STATES = ['draft', 'in_review', 'published'] as const
export type PublicationState = (typeof PUBLICATION_STATES)[number]
