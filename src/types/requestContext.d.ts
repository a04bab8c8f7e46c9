import type {} from 'payload'

/**
 * Flags a Local API caller sets on `req.context` to switch a hook off for its writes (Payload
 * passes the context to every hook of the operation and of nested operations given the same req).
 */
declare module 'payload' {
  interface RequestContext {
    /** The caller recompiles the story's bundles itself, once, after many writes (seed, audio generation). */
    skipBundleCompile?: boolean
    /** The caller releases replaced audio objects itself (audio generation). */
    skipAudioRelease?: boolean
    /** Activate a story without checking its graph (the seed writes stories known to be valid). */
    skipStoryValidation?: boolean
  }
}
