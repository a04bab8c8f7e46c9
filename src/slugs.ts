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
