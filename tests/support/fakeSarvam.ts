/**
 * A local stand-in for Sarvam's `POST /text-to-speech`, answering the way the real API does for
 * what the `sarvamai` SDK sends: header `api-subscription-key`; JSON body with `text` (older
 * clients: `inputs: string[]`), `language_code` (sarvamai 1.1.x; the REST docs and older SDKs
 * call it `target_language_code`: both are accepted), `speaker`, `model`, `pitch`, `pace`,
 * `loudness`, `speech_sample_rate`, `enable_preprocessing`, `temperature`, `output_audio_codec`.
 *
 * Errors use Sarvam's shape `{ error: { message, code, request_id } }`: 403 for a missing/wrong
 * key, 422 for a body that does not fit the schema (missing or unknown language, model, values
 * out of range), 400 for valid fields that do not go together (speaker not of that model, text
 * over the model's limit, a parameter the model does not support). Success answers
 * `{ request_id, audios: [base64 WAV] }`: a 16-bit mono tone whose length grows with the text
 * (60 ms a character by default) and whose pitch depends on the speaker.
 *
 * Pronunciation dictionaries, as documented (docs.sarvam.ai/api-reference-docs/pronunciation-dictionary
 * and the SDK's `pronunciationDictionary` client): `POST /text-to-speech/pronunciation-dictionary`
 * (multipart, field `file`: a JSON object whose `pronunciations` maps language codes to
 * `{ word: spoken }`) answers `{ dictionary_id }`; `PUT …?dict_id=` (same file: the words sent are
 * added or changed, the others stay) answers `{ dictionary_id, updated_pronunciations }`; `DELETE
 * …?dict_id=` answers `{ success, message }`; `GET …/{dict_id}` answers `{ pronunciations }`; `GET …`
 * answers `{ dictionary_count, dictionaries }`. Limits: 10 dictionaries per key, 100 words per
 * dictionary, 1 MB file (413). An unknown dictionary is 404. Text-to-speech takes `dict_id` with
 * bulbul:v3 only (400 otherwise, 404 unknown); its words for the request's language replace exact
 * whole-word matches before synthesis, so the tone's length follows the replaced text.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

const LANGUAGES = ['bn-IN', 'en-IN', 'gu-IN', 'hi-IN', 'kn-IN', 'ml-IN', 'mr-IN', 'od-IN', 'pa-IN', 'ta-IN', 'te-IN']

type Model = 'bulbul:v2' | 'bulbul:v3'
type Range = readonly [number, number]
type ModelRules = { maxChars: number; speakers: readonly string[]; defaultSpeaker: string; params: Record<string, Range>; rates: readonly number[] }

const MODELS: Record<Model, ModelRules> = {
  'bulbul:v2': {
    maxChars: 1500,
    speakers: ['anushka', 'manisha', 'vidya', 'arya', 'abhilash', 'karun', 'hitesh'],
    defaultSpeaker: 'anushka',
    params: { pitch: [-0.75, 0.75], pace: [0.3, 3], loudness: [0.3, 3] },
    rates: [8000, 16000, 22050, 24000],
  },
  'bulbul:v3': {
    maxChars: 2500,
    speakers: [
      'shubh', 'aditya', 'ritu', 'priya', 'neha', 'rahul', 'pooja', 'rohan', 'simran', 'kavya',
      'amit', 'dev', 'ishita', 'shreya', 'ratan', 'varun', 'manan', 'sumit', 'roopa', 'kabir',
      'aayan', 'ashutosh', 'advait', 'anand', 'tanya', 'tarun', 'sunny', 'mani', 'gokul', 'vijay',
      'shruti', 'suhani', 'mohit', 'kavitha', 'rehan', 'soham', 'rupali',
    ],
    defaultSpeaker: 'shubh',
    params: { pace: [0.5, 2], temperature: [0.01, 2] },
    rates: [8000, 16000, 22050, 24000, 32000, 44100, 48000],
  },
}
/** Parameters only some models take: sending one to the other model is a 400. */
const MODEL_ONLY_PARAMS = ['pitch', 'loudness', 'temperature']

export const FAKE_SARVAM_SECONDS_PER_CHAR = 0.06

export type RecordedRequest = {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: unknown
  status: number
  /** When the request arrived and when it was answered (ms since the epoch; 0: not answered yet). */
  at: number
  answeredAt: number
}

export type FakeSarvam = {
  url: string
  requests: RecordedRequest[]
  /** The dictionaries stored, by id (what the API's GET would answer). */
  dictionaries: Map<string, Record<string, Record<string, string>>>
  /** The next `n` requests (after the key check) answer `status`; 429s carry Retry-After. */
  failNext(status: number, n: number, retryAfter?: number): void
  /** The next `n` successful requests return audio that is not a WAV. */
  malformNext(n: number): void
  /** The next `n` requests are answered `ms` later than they would be (a slow provider). */
  delayNext(ms: number, n: number): void
  /** Forget recorded requests and scripted answers. */
  reset(): void
  close(): Promise<void>
}

type Scripted = { kind: 'status'; status: number; retryAfter?: number } | { kind: 'malformed' }
class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

export type FakeSarvamOptions = {
  /** Only this key is accepted (default: any non-empty key). */
  apiKey?: string
  /** Seconds of audio per character of text (default {@link FAKE_SARVAM_SECONDS_PER_CHAR}). */
  secondsPerChar?: number
}

export async function startFakeSarvam(options: FakeSarvamOptions = {}): Promise<FakeSarvam> {
  const requests: RecordedRequest[] = []
  const script: Scripted[] = []
  const delays: number[] = []
  const dictionaries: Dictionaries = new Map()
  const resets = { count: 0 }
  const server = createServer((req, res) => {
    handle(req, res, { requests, script, delays, dictionaries, resets, apiKey: options.apiKey, secondsPerChar: options.secondsPerChar ?? FAKE_SARVAM_SECONDS_PER_CHAR }).catch((error: unknown) => {
      sendError(res, 500, 'internal_server_error', `fake server bug: ${String(error)}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    dictionaries,
    failNext(status, n, retryAfter) {
      for (let i = 0; i < n; i++) script.push({ kind: 'status', status, retryAfter })
    },
    malformNext(n) {
      for (let i = 0; i < n; i++) script.push({ kind: 'malformed' })
    },
    delayNext(ms, n) {
      for (let i = 0; i < n; i++) delays.push(ms)
    },
    reset() {
      // A request still waiting out its delay belongs to before the reset: it must not take the
      // next test's scripted answers (see `handle`).
      resets.count++
      requests.length = 0
      script.length = 0
      delays.length = 0
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

type Dictionaries = Map<string, Record<string, Record<string, string>>>
type State = {
  requests: RecordedRequest[]
  script: Scripted[]
  delays: number[]
  dictionaries: Dictionaries
  resets: { count: number }
  apiKey?: string
  secondsPerChar: number
}

const DICTIONARY_PATH = '/text-to-speech/pronunciation-dictionary'
const MAX_DICTIONARIES = 10
const MAX_DICTIONARY_WORDS = 100
const MAX_DICTIONARY_FILE_BYTES = 1024 * 1024

async function handle(req: IncomingMessage, res: ServerResponse, state: State): Promise<void> {
  const raw = await readBody(req)
  const record: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: parseJson(raw), status: 0, at: Date.now(), answeredAt: 0 }
  state.requests.push(record)
  const delay = state.delays.shift()
  const resetsBefore = state.resets.count
  if (delay) await new Promise((resolve) => setTimeout(resolve, delay))
  // Scripted answers are for requests that arrived since the last reset.
  const script = state.resets.count === resetsBefore ? state.script : []
  const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    record.status = status
    record.answeredAt = Date.now()
    if (res.destroyed) return
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
  }
  try {
    const url = new URL(req.url ?? '/', 'http://fake')
    const dictionaryRoute = url.pathname === DICTIONARY_PATH || url.pathname.startsWith(`${DICTIONARY_PATH}/`)
    if (!dictionaryRoute && (req.method !== 'POST' || (req.url !== '/text-to-speech' && req.url !== '/translate'))) throw new HttpError(404, 'not_found_error', `No route ${req.method} ${req.url}`)
    const key = req.headers['api-subscription-key']
    if (typeof key !== 'string' || key === '' || (state.apiKey !== undefined && key !== state.apiKey)) {
      throw new HttpError(403, 'invalid_api_key_error', 'Invalid API key or subscription key')
    }
    const scripted = script[0]?.kind === 'status' ? script.shift() : undefined
    if (scripted?.kind === 'status') return sendScripted(send, scripted)
    if (dictionaryRoute) {
      const answer = await dictionaryRequest(req, url, raw, state.dictionaries)
      return send(200, answer)
    }
    if (req.url === '/translate') return send(200, translate(record.body))
    const texts = validate(record.body, state.dictionaries)
    const malformed = script[0]?.kind === 'malformed' ? script.shift() : undefined
    const audios = malformed ? ['bm90IGEgd2F2ZQ=='] : texts.texts.map((t) => toneWav(t, texts.speaker, texts.rate, state.secondsPerChar).toString('base64'))
    send(200, { request_id: requestId(), audios })
  } catch (error) {
    if (!(error instanceof HttpError)) throw error
    send(error.status, { error: { message: error.message, code: error.code, request_id: requestId() } })
  }
}

function sendScripted(send: (status: number, body: unknown, headers?: Record<string, string>) => void, s: { status: number; retryAfter?: number }): void {
  const headers: Record<string, string> = s.retryAfter !== undefined ? { 'retry-after': String(s.retryAfter) } : {}
  const code = s.status === 429 ? 'rate_limit_exceeded_error' : s.status >= 500 ? 'internal_server_error' : 'invalid_request_error'
  const message = s.status === 429 ? 'Rate limit exceeded. Please retry later.' : s.status >= 500 ? 'Internal Server Error' : 'Scripted failure'
  send(s.status, { error: { message, code, request_id: requestId() } }, headers)
}

/**
 * `POST /translate` as documented for Mayura / Sarvam-Translate: `input` (at most 1000 characters
 * for mayura:v1, 2000 for sarvam-translate:v1), `source_language_code` (a language or `auto`,
 * mayura only), `target_language_code`, `mode` (formal, modern-colloquial, classic-colloquial,
 * code-mixed; sarvam-translate only formal), `output_script` (null, roman, fully-native,
 * spoken-form-in-native; mayura only), `speaker_gender`, `numerals_format`. Answers
 * `{ request_id, translated_text, source_language_code }`; the "translation" is the input marked
 * with target and mode (`[ta-IN modern-colloquial] …`), so tests can tell what was asked.
 */
const TRANSLATE_MODELS = { 'mayura:v1': 1000, 'sarvam-translate:v1': 2000 } as const
const TRANSLATE_MODES = ['formal', 'modern-colloquial', 'classic-colloquial', 'code-mixed']
const OUTPUT_SCRIPTS = ['roman', 'fully-native', 'spoken-form-in-native']

function translate(body: unknown): { request_id: string; translated_text: string; source_language_code: string } {
  const schema = (message: string) => new HttpError(422, 'invalid_request_error', message)
  const conflict = (message: string) => new HttpError(400, 'invalid_request_error', message)
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw schema('Request body must be a JSON object')
  const b = body as Record<string, unknown>
  const model = (b.model ?? 'mayura:v1') as keyof typeof TRANSLATE_MODELS
  if (!(model in TRANSLATE_MODELS)) throw schema(`model must be one of ${Object.keys(TRANSLATE_MODELS).join(', ')}`)
  if (typeof b.input !== 'string' || b.input.trim() === '') throw schema('input is required (a non-empty string)')
  if ([...b.input].length > TRANSLATE_MODELS[model]) throw conflict(`Input exceeds ${TRANSLATE_MODELS[model]} characters for ${model}`)
  const source = b.source_language_code
  if (!(typeof source === 'string' && (LANGUAGES.includes(source) || (source === 'auto' && model === 'mayura:v1')))) throw schema(`source_language_code must be one of ${LANGUAGES.join(', ')}`)
  const target = b.target_language_code
  if (typeof target !== 'string' || !LANGUAGES.includes(target)) throw schema(`target_language_code must be one of ${LANGUAGES.join(', ')}`)
  const mode = (b.mode ?? 'formal') as string
  if (!TRANSLATE_MODES.includes(mode)) throw schema(`mode must be one of ${TRANSLATE_MODES.join(', ')}`)
  if (model === 'sarvam-translate:v1' && mode !== 'formal') throw conflict('sarvam-translate:v1 supports only formal mode')
  if (b.output_script !== undefined && b.output_script !== null) {
    if (!OUTPUT_SCRIPTS.includes(String(b.output_script))) throw schema(`output_script must be one of ${OUTPUT_SCRIPTS.join(', ')}`)
    if (model !== 'mayura:v1') throw conflict('output_script is supported for mayura:v1 only')
  }
  const script = b.output_script ? ` ${String(b.output_script)}` : ''
  return { request_id: requestId(), translated_text: `[${target} ${mode}${script}] ${b.input}`, source_language_code: source === 'auto' ? 'en-IN' : source }
}

/**
 * The pronunciation dictionary routes (see the header). The multipart body is parsed by the
 * platform's own `Request.formData()`, as a real multipart parser would.
 */
async function dictionaryRequest(req: IncomingMessage, url: URL, raw: string, dictionaries: Dictionaries): Promise<unknown> {
  const schema = (message: string) => new HttpError(422, 'invalid_request_error', message)
  const notFound = (id: string) => new HttpError(404, 'not_found_error', `Pronunciation dictionary '${id}' not found`)
  const idParam = () => {
    const id = url.searchParams.get('dict_id')
    if (!id) throw schema('dict_id is required (query parameter)')
    return id
  }
  const wordCount = (p: Record<string, Record<string, string>>) => Object.values(p).reduce((n, block) => n + Object.keys(block).length, 0)
  if (url.pathname !== DICTIONARY_PATH) {
    if (req.method !== 'GET') throw new HttpError(405, 'invalid_request_error', 'Method Not Allowed')
    const id = decodeURIComponent(url.pathname.slice(DICTIONARY_PATH.length + 1))
    const dictionary = dictionaries.get(id)
    if (!dictionary) throw notFound(id)
    return { pronunciations: dictionary }
  }
  if (req.method === 'GET') return { dictionary_count: dictionaries.size, dictionaries: [...dictionaries.keys()] }
  if (req.method === 'DELETE') {
    const id = idParam()
    if (!dictionaries.delete(id)) throw notFound(id)
    return { success: true, message: `Dictionary '${id}' deleted successfully` }
  }
  if (req.method !== 'POST' && req.method !== 'PUT') throw new HttpError(405, 'invalid_request_error', 'Method Not Allowed')
  const id = req.method === 'PUT' ? idParam() : null
  if (id && !dictionaries.has(id)) throw notFound(id)
  const pronunciations = await uploadedPronunciations(req, raw)
  if (id) {
    const merged = structuredClone(dictionaries.get(id)!)
    for (const [language, block] of Object.entries(pronunciations)) Object.assign((merged[language] ??= {}), block)
    if (wordCount(merged) > MAX_DICTIONARY_WORDS) throw new HttpError(400, 'invalid_request_error', `A dictionary holds at most ${MAX_DICTIONARY_WORDS} words`)
    dictionaries.set(id, merged)
    return { dictionary_id: id, updated_pronunciations: merged }
  }
  if (wordCount(pronunciations) > MAX_DICTIONARY_WORDS) throw new HttpError(400, 'invalid_request_error', `A dictionary holds at most ${MAX_DICTIONARY_WORDS} words`)
  if (dictionaries.size >= MAX_DICTIONARIES) throw new HttpError(400, 'invalid_request_error', `At most ${MAX_DICTIONARIES} dictionaries per user: delete one first`)
  const created = `p_${randomUUID().replace(/-/g, '').slice(0, 8)}`
  dictionaries.set(created, pronunciations)
  return { dictionary_id: created }
}

/** The `file` of a multipart upload: `{ pronunciations: { <language code>: { <word>: <spoken> } } }`, checked. */
async function uploadedPronunciations(req: IncomingMessage, raw: string): Promise<Record<string, Record<string, string>>> {
  const schema = (message: string) => new HttpError(422, 'invalid_request_error', message)
  const bad = (message: string) => new HttpError(400, 'invalid_request_error', message)
  const type = String(req.headers['content-type'] ?? '')
  if (!type.startsWith('multipart/form-data')) throw schema('The body must be multipart/form-data with a file field')
  if (Buffer.byteLength(raw) > MAX_DICTIONARY_FILE_BYTES + 4096) throw new HttpError(413, 'content_too_large_error', 'The file is larger than 1 MB')
  const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData()
  const file = form.get('file')
  if (!file || typeof file === 'string') throw schema('file is required')
  if (file.size > MAX_DICTIONARY_FILE_BYTES) throw new HttpError(413, 'content_too_large_error', 'The file is larger than 1 MB')
  let parsed: unknown
  try {
    parsed = JSON.parse(await file.text())
  } catch {
    throw bad('The file is not valid JSON')
  }
  const pronunciations = (parsed as { pronunciations?: unknown } | null)?.pronunciations
  if (!pronunciations || typeof pronunciations !== 'object' || Array.isArray(pronunciations)) throw bad('The file must hold an object with a "pronunciations" key')
  for (const [language, block] of Object.entries(pronunciations)) {
    if (!LANGUAGES.includes(language)) throw bad(`Unknown language code ${JSON.stringify(language)}; valid: ${LANGUAGES.join(', ')}`)
    if (!block || typeof block !== 'object' || Array.isArray(block) || Object.entries(block).some(([w, p]) => w.trim() === '' || typeof p !== 'string' || p.trim() === '')) {
      throw bad(`pronunciations.${language} must map words to non-empty pronunciations`)
    }
  }
  return pronunciations as Record<string, Record<string, string>>
}

/** Replaces whole-word exact matches of the dictionary's words (longest first), as the engine does before synthesis. */
function applyDictionary(text: string, block: Record<string, string> | undefined): string {
  if (!block) return text
  const words = Object.keys(block).sort((a, b) => b.length - a.length)
  if (!words.length) return text
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'gu')
  return text.normalize('NFC').replace(pattern, (w) => block[w] ?? w)
}

type Valid = { texts: string[]; speaker: string; rate: number }

function validate(body: unknown, dictionaries: Dictionaries): Valid {
  const schema = (message: string) => new HttpError(422, 'invalid_request_error', message)
  const conflict = (message: string) => new HttpError(400, 'invalid_request_error', message)
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw schema('Request body must be a JSON object')
  const b = body as Record<string, unknown>
  const texts = readTexts(b, schema)
  const language = b.language_code ?? b.target_language_code
  if (typeof language !== 'string' || !LANGUAGES.includes(language)) {
    throw schema(`language_code must be one of ${LANGUAGES.join(', ')}; got ${JSON.stringify(language)}`)
  }
  const model = (b.model ?? 'bulbul:v3') as Model
  const rules = MODELS[model]
  if (!rules) throw schema(`model must be one of ${Object.keys(MODELS).join(', ')}; got ${JSON.stringify(b.model)}`)
  const speaker = b.speaker ?? rules.defaultSpeaker
  if (typeof speaker !== 'string' || !rules.speakers.includes(speaker)) {
    throw conflict(`Speaker ${JSON.stringify(speaker)} is not compatible with model ${model}. Available speakers: ${rules.speakers.join(', ')}`)
  }
  for (const t of texts) if ([...t].length > rules.maxChars) throw conflict(`Text exceeds ${rules.maxChars} characters for ${model} (got ${[...t].length})`)
  checkParams(b, model, rules, schema, conflict)
  const rate = b.speech_sample_rate === undefined ? 24000 : Number(b.speech_sample_rate)
  if (!rules.rates.includes(rate)) throw schema(`speech_sample_rate must be one of ${rules.rates.join(', ')} for ${model}`)
  if (b.output_audio_codec !== undefined && b.output_audio_codec !== 'wav') throw conflict('This fake only produces output_audio_codec "wav"')
  if (b.dict_id !== undefined) {
    if (typeof b.dict_id !== 'string' || b.dict_id === '') throw schema('dict_id must be a string')
    if (model !== 'bulbul:v3') throw conflict(`dict_id is supported for bulbul:v3 only, not ${model}`)
    const dictionary = dictionaries.get(b.dict_id)
    if (!dictionary) throw new HttpError(404, 'not_found_error', `Pronunciation dictionary '${b.dict_id}' not found`)
    return { texts: texts.map((t) => applyDictionary(t, dictionary[language])), speaker, rate }
  }
  return { texts, speaker, rate }
}

function readTexts(b: Record<string, unknown>, schema: (m: string) => HttpError): string[] {
  if (typeof b.text === 'string') {
    if (b.text.trim() === '') throw schema('text must not be empty')
    return [b.text]
  }
  if (Array.isArray(b.inputs) && b.inputs.length > 0 && b.inputs.every((t) => typeof t === 'string' && t.trim() !== '')) return b.inputs as string[]
  throw schema('text is required (a non-empty string)')
}

function checkParams(b: Record<string, unknown>, model: Model, rules: ModelRules, schema: (m: string) => HttpError, conflict: (m: string) => HttpError): void {
  for (const name of MODEL_ONLY_PARAMS) {
    if (b[name] !== undefined && !(name in rules.params)) throw conflict(`${name} is not supported for ${model}`)
  }
  for (const [name, [min, max]] of Object.entries(rules.params)) {
    const v = b[name]
    if (v === undefined) continue
    if (typeof v !== 'number' || v < min || v > max) throw schema(`${name} must be a number from ${min} to ${max} for ${model}; got ${JSON.stringify(v)}`)
  }
}

/**
 * A deterministic tone: length from the text, frequency and level from the speaker (real voices
 * come back at different loudness: here from about -33 to -12 LUFS, so normalisation has work).
 */
export function toneWav(text: string, speaker: string, sampleRate: number, secondsPerChar = FAKE_SARVAM_SECONDS_PER_CHAR): Buffer {
  const seconds = Math.max(0.2, [...text].length * secondsPerChar)
  const n = Math.round(seconds * sampleRate)
  const freq = 140 + (hash(speaker) % 200)
  const level = 1500 + (hash(`${speaker}:level`) % 16000)
  const data = Buffer.alloc(44 + n * 2)
  data.write('RIFF', 0, 'ascii')
  data.writeUInt32LE(36 + n * 2, 4)
  data.write('WAVEfmt ', 8, 'ascii')
  data.writeUInt32LE(16, 16)
  data.writeUInt16LE(1, 20)
  data.writeUInt16LE(1, 22)
  data.writeUInt32LE(sampleRate, 24)
  data.writeUInt32LE(sampleRate * 2, 28)
  data.writeUInt16LE(2, 32)
  data.writeUInt16LE(16, 34)
  data.write('data', 36, 'ascii')
  data.writeUInt32LE(n * 2, 40)
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate
    const envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t) // syllable-like 3 Hz pulsing
    data.writeInt16LE(Math.round(level * envelope * Math.sin(2 * Math.PI * freq * t)), 44 + i * 2)
  }
  return data
}

function hash(s: string): number {
  let h = 0
  for (const c of s) h = (h * 31 + (c.codePointAt(0) ?? 0)) >>> 0
  return h
}

function requestId(): string {
  return `fake_${randomUUID()}`
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => resolve(body))
    req.on('error', reject)
  })
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return raw === '' ? undefined : raw
  }
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ error: { message, code, request_id: requestId() } }))
}
