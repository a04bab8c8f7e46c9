export type TtsErrorCode =
  | 'EMPTY_TEXT'
  | 'UNSUPPORTED_LOCALE'
  | 'UNKNOWN_SPEAKER'
  | 'INVALID_SETTINGS'
  | 'INVALID_CONFIG'
  | 'REQUEST_REJECTED'
  | 'REQUEST_FAILED'
  | 'MALFORMED_AUDIO'
  | 'ENGINE_FAILED'

/**
 * Every failure of the audio pipeline: a code a job can branch on (retry later or mark the line
 * as needing an editor) and a message that says what happened in words.
 */
export class TtsError extends Error {
  readonly code: TtsErrorCode
  /** HTTP status of the provider's last answer, when there was one. */
  readonly status?: number
  /** Requests sent before giving up, for provider request errors. */
  readonly attempts?: number
  /** The provider's Retry-After (ms) when it rate-limited the last request: when to ask again. */
  readonly retryAfterMs?: number

  constructor(code: TtsErrorCode, message: string, options: { status?: number; attempts?: number; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.name = 'TtsError'
    this.code = code
    this.status = options.status
    this.attempts = options.attempts
    this.retryAfterMs = options.retryAfterMs
  }
}
