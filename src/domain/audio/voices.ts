/**
 * What a compiled bundle's speakers and audio depend on beyond the story itself: the provider and
 * model voicing it (content keys and the voice cast per model) and the narrator's speaker (lines
 * without a character). A bundle compiled for other voices may carry audio whose content key no
 * longer matches, so it is compiled again.
 */
export function voicesFingerprint(provider: { name: string; model: string }, narrator: string): string {
  return `${provider.name} ${provider.model} narrator=${narrator.trim().toLowerCase()}`
}
