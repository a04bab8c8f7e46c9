/** Typed `req.context` flags of the translation feature. */
declare module 'payload' {
  interface RequestContext {
    /** Set by the machine-draft action: the save records `machine` instead of `translated`. */
    translationAction?: 'machine'
  }
}

export {}
