import { SarvamAIClient, SarvamAIError, SarvamAITimeoutError, type SarvamAI } from 'sarvamai'

import { TtsError } from '@/domain/audio/ttsError'
import { TokenBucket, realSleep, type Clock, type Sleep } from '@/audio/providers/rateLimit'
import { RetriesExhausted, parseRetryAfter, withRetries, type Failure } from '@/audio/providers/retry'
import { DEFAULT_SARVAM_MODEL, resolveSarvamSpeaker, speakersFor, type SarvamModel } from '@/domain/audio/speakers'
import type { PcmAudio, ProviderDictionary, SynthesisResult, SynthesizeRequest, TtsProvider, VoiceSettings } from '@/audio/providers/types'
import type { Pronunciations } from '@/domain/audio/pronunciationDictionary'
import { assertSpeakable, countChars } from '@/audio/providers/assertSpeakable'
import { concatPcm, parseWav } from '@/audio/codec/wav'
import { splitText } from '@/domain/audio/splitText'
import { LOCALE_CODES, getLocale, type LocaleCode } from '@/locales'

/** Output rate we ask for: Opus encodes 24 kHz natively, so no resampling is needed. */
export const SARVAM_SAMPLE_RATE = 24_000

type Range = readonly [min: number, max: number]
type ModelSpec = { maxChars: number; settings: Partial<Record<keyof VoiceSettings, Range>> }

/** Per-model limits from the sarvamai SDK's documentation. Settings a model lacks are not sent. */
export const SARVAM_MODEL_SPECS: Readonly<Record<SarvamModel, ModelSpec>> = {
  'bulbul:v2': { maxChars: 1500, settings: { pitch: [-0.75, 0.75], pace: [0.3, 3], loudness: [0.3, 3] } },
  'bulbul:v3': { maxChars: 2500, settings: { pace: [0.5, 2], temperature: [0.01, 2] } },
}

/** Models that take a pronunciation dictionary (`dict_id`), per the SDK's documentation. */
export const SARVAM_DICTIONARY_MODELS: readonly SarvamModel[] = ['bulbul:v3']
/** Words one Sarvam dictionary holds (documented limit: 100 words, 10 dictionaries per user). */
export const SARVAM_DICTIONARY_MAX_WORDS = 100

export type SarvamProviderOptions = {
  apiKey: string
  model?: SarvamModel
  /** Another server speaking Sarvam's API (a test double, a proxy); the SDK's `baseUrl`. */
  baseUrl?: string
  /** Client-side rate limit (default 30, Sarvam's starter plan). Ignored when `bucket` is given. */
  requestsPerMinute?: number
  /** Share one bucket between providers using the same API key. */
  bucket?: TokenBucket
  /** Tries per chunk before giving up (default 5). */
  maxAttempts?: number
  timeoutSeconds?: number
  sleep?: Sleep
  now?: Clock
  random?: () => number
}

/**
 * Sarvam Bulbul through the official `sarvamai` SDK. Splits text under the model's character
 * limit at sentence boundaries, sends one request per chunk (rate-limited; 429 waits for
 * Retry-After; 5xx, timeouts and network errors back off with jitter; the SDK's own retries are
 * off so there is one policy), and joins the returned WAVs into one PCM stream.
 */
export function createSarvamProvider(options: SarvamProviderOptions): TtsProvider {
  if (!options.apiKey) throw new TtsError('INVALID_CONFIG', 'The Sarvam provider needs an API key (SARVAM_API_KEY)')
  const model = options.model ?? DEFAULT_SARVAM_MODEL
  const spec = SARVAM_MODEL_SPECS[model]
  const sleep = options.sleep ?? realSleep
  const bucket = options.bucket ?? new TokenBucket({ perMinute: options.requestsPerMinute ?? 30, now: options.now, sleep })
  const client = new SarvamAIClient({
    apiSubscriptionKey: options.apiKey,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    maxRetries: 0,
    timeoutInSeconds: options.timeoutSeconds ?? 60,
  })
  const provider: TtsProvider = {
    name: 'sarvam',
    model,
    maxChars: spec.maxChars,
    languages: LOCALE_CODES,
    speakers: () => speakersFor(model),
    synthesize: (request) => synthesize(request),
    ...(SARVAM_DICTIONARY_MODELS.includes(model) ? { dictionary: pronunciationDictionary() } : {}),
  }

  /**
   * Sarvam's pronunciation dictionaries (bulbul:v3 only) through the SDK's `pronunciationDictionary`
   * client: create (`POST /text-to-speech/pronunciation-dictionary`, a JSON file), update (`PUT
   * …?dict_id=`, words added or changed), delete (`DELETE …?dict_id=`). Same rate limit and retry
   * policy as speech requests.
   */
  function pronunciationDictionary(): ProviderDictionary {
    const file = (pronunciations: Pronunciations) => ({
      data: Buffer.from(JSON.stringify({ pronunciations })),
      filename: 'pronunciations.json',
      contentType: 'application/json',
    })
    const missing = (error: unknown) => error instanceof TtsError && error.status === 404
    return {
      maxWords: SARVAM_DICTIONARY_MAX_WORDS,
      languageOf: (locale) => getLocale(locale).sarvam,
      create: async (pronunciations) => {
        const created = await dictionaryRequest('create', () => client.pronunciationDictionary.create({ file: file(pronunciations) }, { maxRetries: 0 }))
        if (typeof created?.dictionary_id !== 'string' || created.dictionary_id === '') {
          throw new TtsError('MALFORMED_AUDIO', 'Sarvam pronunciation dictionary create returned no dictionary_id')
        }
        return created.dictionary_id
      },
      update: async (id, pronunciations) => {
        try {
          await dictionaryRequest(`update ${id}`, () => client.pronunciationDictionary.update({ dict_id: id, file: file(pronunciations) }, { maxRetries: 0 }))
          return true
        } catch (error) {
          if (missing(error)) return false
          throw error
        }
      },
      remove: async (id) => {
        try {
          await dictionaryRequest(`delete ${id}`, () => client.pronunciationDictionary.delete({ dict_id: id }, { maxRetries: 0 }))
          return true
        } catch (error) {
          if (missing(error)) return false
          throw error
        }
      },
    }
  }

  async function dictionaryRequest<T>(what: string, send: () => Promise<T>): Promise<T> {
    const label = `Sarvam pronunciation dictionary ${what}`
    try {
      const { value } = await withRetries(send, {
        maxAttempts: options.maxAttempts ?? 5,
        sleep,
        random: options.random,
        beforeAttempt: () => bucket.take(),
        classify: (error) => classifySarvamError(error, options.now?.() ?? Date.now()),
      })
      return value
    } catch (error) {
      throw toTtsError(error, label)
    }
  }

  async function synthesize(request: SynthesizeRequest): Promise<SynthesisResult> {
    const locale = assertSpeakable(provider, request)
    const base: SarvamAI.TextToSpeechRequest = {
      text: '',
      language_code: getLocale(locale).sarvam as SarvamAI.TextToSpeechLanguage,
      speaker: resolveSarvamSpeaker(model, request.speaker) as SarvamAI.TextToSpeechSpeaker,
      model,
      speech_sample_rate: SARVAM_SAMPLE_RATE,
      ...modelSettings(model, request.settings ?? {}),
      // v2 only: normalise numbers and English words; v3 always does.
      ...(model === 'bulbul:v2' ? { enable_preprocessing: true } : {}),
      // The lexicon as Sarvam's own pronunciation dictionary (v3): the engine replaces the words.
      ...(request.dictionaryId && SARVAM_DICTIONARY_MODELS.includes(model) ? { dict_id: request.dictionaryId } : {}),
    }
    const chunks = splitText(request.text, spec.maxChars)
    const parts: PcmAudio[] = []
    let attempts = 0
    for (const [i, text] of chunks.entries()) {
      request.signal?.throwIfAborted()
      const label = `chunk ${i + 1}/${chunks.length}`
      const result = await requestChunk({ ...base, text }, label, locale, request.signal)
      parts.push(result.pcm)
      attempts += result.attempts
    }
    return { pcm: concatPcm(parts), calls: chunks.length, attempts, chars: chunks.reduce((n, c) => n + countChars(c), 0) }
  }

  async function requestChunk(body: SarvamAI.TextToSpeechRequest, label: string, locale: LocaleCode, signal?: AbortSignal) {
    const what = `Sarvam text-to-speech (${model}, ${body.language_code}, speaker ${body.speaker}, ${label})`
    try {
      const { value, attempts } = await withRetries(
        async () => {
          const response = await client.textToSpeech.convert(body, { maxRetries: 0, abortSignal: signal })
          return decodeAudios(response, `${what} for locale ${locale}`)
        },
        {
          maxAttempts: options.maxAttempts ?? 5,
          sleep,
          random: options.random,
          beforeAttempt: async () => {
            signal?.throwIfAborted()
            await bucket.take()
          },
          classify: (error) =>
            signal?.aborted ? { kind: 'fatal', detail: `aborted: ${String(signal.reason)}` } : classifySarvamError(error, options.now?.() ?? Date.now()),
        },
      )
      return { pcm: value, attempts }
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      throw toTtsError(error, what)
    }
  }

  return provider
}

/** The settings `model` supports, range-checked; the others are left out of the request. */
function modelSettings(model: SarvamModel, settings: VoiceSettings): Partial<SarvamAI.TextToSpeechRequest> {
  const out: Partial<Record<keyof VoiceSettings, number>> = {}
  for (const [key, range] of Object.entries(SARVAM_MODEL_SPECS[model].settings) as [keyof VoiceSettings, Range][]) {
    const value = settings[key]
    if (value === undefined) continue
    if (!Number.isFinite(value) || value < range[0] || value > range[1]) {
      throw new TtsError('INVALID_SETTINGS', `Sarvam ${model} ${key} must be from ${range[0]} to ${range[1]}, got ${value}`)
    }
    out[key] = value
  }
  return out
}

function decodeAudios(response: SarvamAI.TextToSpeechResponse, what: string): PcmAudio {
  const audios = response?.audios
  if (!Array.isArray(audios) || audios.length === 0 || audios.some((a) => typeof a !== 'string' || a.length === 0)) {
    throw new TtsError('MALFORMED_AUDIO', `${what} returned no audio (expected { audios: [base64 WAV] })`)
  }
  return concatPcm(audios.map((b64, i) => parseWav(Buffer.from(b64, 'base64'), `from ${what}, audio ${i + 1}`)))
}

export function classifySarvamError(error: unknown, now: number): Failure {
  if (error instanceof SarvamAITimeoutError) return { kind: 'transient', detail: error.message }
  if (!(error instanceof SarvamAIError)) {
    return { kind: 'fatal', detail: error instanceof Error ? error.message : String(error) }
  }
  const status = error.statusCode
  const detail = status === undefined ? `network error: ${error.message}` : `HTTP ${status}: ${bodyMessage(error.body)}`
  if (status === 429) {
    return { kind: 'rate-limited', status, detail, retryAfterMs: parseRetryAfter(error.rawResponse?.headers?.get('retry-after'), now) }
  }
  if (status === undefined || status === 408 || status >= 500) return { kind: 'transient', status, detail }
  return { kind: 'fatal', status, detail }
}

/** Sarvam's `{ error: { message } }`, FastAPI's `{ detail }`, or whatever came back. */
function bodyMessage(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 300)
  if (body && typeof body === 'object') {
    const record = body as { error?: { message?: unknown }; message?: unknown; detail?: unknown }
    const message = record.error?.message ?? record.message ?? record.detail
    if (message !== undefined) return typeof message === 'string' ? message : JSON.stringify(message)
    return JSON.stringify(body).slice(0, 300)
  }
  return 'no response body'
}

function toTtsError(error: unknown, what: string): TtsError {
  if (error instanceof RetriesExhausted) {
    const { failure, attempts } = error
    const cause = error.cause
    if (cause instanceof TtsError) return cause
    const code = failure.kind === 'fatal' ? 'REQUEST_REJECTED' : 'REQUEST_FAILED'
    const verb = failure.kind === 'fatal' ? 'was rejected' : `failed after ${attempts} attempt${attempts === 1 ? '' : 's'} (${error.message})`
    const retryAfterMs = failure.kind === 'rate-limited' ? failure.retryAfterMs : undefined
    return new TtsError(code, `${what} ${verb}: ${failure.detail}`, { status: failure.status, attempts, retryAfterMs, cause })
  }
  if (error instanceof TtsError) return error
  return new TtsError('REQUEST_FAILED', `${what} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
}
