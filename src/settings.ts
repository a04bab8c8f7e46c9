import os from 'node:os'
import proxyaddr from 'proxy-addr'
import { z } from 'zod'

import { DEFAULT_RUPEES_PER_10K } from '@/domain/audio/cost'
import { allSpeakerNames, DEFAULT_SARVAM_MODEL, SARVAM_MODELS, type SarvamModel } from '@/domain/audio/speakers'
import { DEFAULT_NARRATOR_SPEAKER } from '@/domain/audio/variants'
import { IP_MODES, type IpMode } from '@/domain/listener/clientIp'
import { parseRate, type Rate } from '@/domain/listener/rateLimit'

/**
 * Every environment variable of `.env.example`, parsed once with zod. A bad value stops the process
 * with the variable's name (`SettingsError`); nothing falls back silently. The app reads settings
 * only through `settings()`; scripts that start processes may read `process.env` themselves.
 */
export type Settings = {
  /** Directories searched for executables (espeak-ng's binary). */
  path: string | undefined
  database: {
    url: string | undefined
    poolMax: number
    /** Read replicas: DATABASE_REPLICA_URLS plus DATABASE_REPLICA_1_URL / _2_URL. */
    replicas: { urls: string[]; maxLagMs: number; probeMs: number; afterWriteMs: number }
  }
  /** Dev/test tooling's facts about this process: the embedded database, a dev standby, the cluster worker's index. */
  dev: {
    replica: boolean
    embeddedDatabase: boolean
    workerIndex: number | undefined
    /** Set by `npm run dev` / `npm start` when they queued the sample stories for voicing: how many lines, and when (epoch ms). */
    startupVoicing: { lines: number; since: number } | undefined
  }
  metrics: { token: string | undefined }
  /** Null when no bucket is configured. */
  s3: S3Settings | null
  payload: { secret: string; adminSetupToken: string | undefined }
  /** Browser origins trusted with the staff cookie (CSRF) and CORS, and whether that cookie is Secure. */
  http: { trustedOrigins: string[]; secureCookies: boolean }
  /** The app server (`src/server`): its port, how long it lets in-flight requests finish at shutdown, request body limits, which requests it logs as slow. */
  server: { port: number; shutdownTimeoutMs: number; concurrency: number; bodyMaxBytes: number; uploadMaxBytes: number; slowRequestMs: number }
  /** Where apps reach this server ('' = relative URLs) and the CDN in front of the bucket, if any. */
  urls: { server: string; objects: string | undefined }
  graphql: { maxComplexity: number; maxListComplexity: number; maxFieldRepeats: number }
  /** `accounts`: SEED_ACCOUNTS, or its default (`dev` on the embedded database, `none` on an external one). */
  seed: { onEmpty: boolean; accounts: 'dev' | 'none'; adminEmail: string; adminPassword: string }
  tts: TtsSettings
  listener: {
    tokenTtlDays: number
    /** Proxies whose X-Forwarded-For is believed (proxy-addr entries: IPs, CIDR ranges, loopback/linklocal/uniquelocal). */
    trustedProxies: string[]
    ipMode: IpMode
    limits: { analyticsPerListener: Rate | null; analyticsPerIp: Rate | null; movesPerListener: Rate | null; signInPerIp: Rate | null }
  }
  audio: {
    worker: 'server' | 'off'
    /** AUDIO_WORKER as given (the cluster primary passes it on to worker 1). */
    configuredWorker: 'server' | 'off' | undefined
    concurrency: number
    /** Worker threads encoding lines (AUDIO_ENCODE_THREADS; default one per lane, at most one per CPU). */
    encodeThreads: number
    /** Lowercase: one of the speaker names any provider accepts. */
    narratorSpeaker: string
    rupeesPer10kChars: number
    jobRetries: number
    jobRetentionDays: number
    signedUrlSeconds: number
    /** AUTO_VOICE: undefined means on for the local provider, off for paid ones. */
    autoVoice: boolean | undefined
    autoVoiceDebounceMs: number
    /** AUDIO_TRANSLATOR_MAX_TAKES: undefined means the default for the provider (src/domain/audio/takes.ts), 0 no cap. */
    translatorMaxTakes: number | undefined
  }
  /** Grace before unreferenced bundle objects are swept; bytes the bundle and catalog caches may hold per process. */
  bundles: { sweepGraceHours: number; cacheMaxBytes: number; catalogCacheMaxBytes: number }
  bench: { routes: boolean }
  /** Per-locale go-live of translations. */
  publishing: { requireApproval: boolean; requireAudio: 'none' | 'generated' | 'approved' }
}

export type S3Settings = {
  endpoint?: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** Public base URL when the bucket is served by a CDN (e.g. an R2 custom domain). */
  publicUrl?: string
}

export type TtsSettings = {
  provider: 'sarvam' | 'local' | undefined
  sarvamApiKey: string | undefined
  sarvamModel: SarvamModel
  sarvamBaseUrl: string | undefined
  sarvamRpm: number
  sarvamMaxAttempts: number
  sarvamTimeoutSeconds: number
  /** Missing units one machine-draft request fills at most (keeps the request well under proxy timeouts). */
  machineDraftBatch: number
  espeakBackend: 'auto' | 'binary' | 'wasm'
}

export type Env = Readonly<Record<string, string | undefined>>

/** The environment names one or more variables with a value that cannot be used. */
export class SettingsError extends Error {
  constructor(readonly variables: string[], message: string) {
    super(message)
    this.name = 'SettingsError'
  }
}

const unset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unset, schema.optional())
const text = () => z.preprocess(unset, z.string().optional())
const textOr = (fallback: string) => z.preprocess(unset, z.string().default(fallback))
const url = (name: string) => optional(z.url({ protocol: /^https?$/, error: `${name} must be a URL` }))
const int = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    unset,
    z.coerce
      .number({ error: `${name} must be a number` })
      .int(`${name} must be a whole number`)
      .min(min, min === 1 ? `${name} must be positive` : `${name} must be at least ${min}`)
      .max(max, `${name} must be at most ${max}`)
      .default(fallback),
  )
const positiveInt = (name: string, fallback: number) => int(name, fallback, 1)
const number = (name: string, fallback: number, rule: 'positive' | 'non-negative') =>
  z.preprocess(
    unset,
    z.coerce
      .number({ error: `${name} must be a number` })
      .refine((n) => Number.isFinite(n) && (rule === 'positive' ? n > 0 : n >= 0), `${name} must be a ${rule} number`)
      .default(fallback),
  )
const oneOf = <const T extends readonly [string, ...string[]]>(name: string, values: T) =>
  z.enum(values, { error: (issue) => `${name} must be one of ${values.join(', ')}, got "${String(issue.input)}"` })
const flag = (name: string, values: readonly [string, string] = ['true', 'false']) =>
  z
    .preprocess(
      (v) => (typeof unset(v) === 'string' ? String(v).trim().toLowerCase() : undefined),
      z.enum(values, { error: `${name} must be ${values.join(' or ')}` }).optional(),
    )
    .transform((v) => v === values[0])
/** A value checked by a domain parser that throws with the variable's name in its message. */
const parsed = <T>(name: string, parse: (raw: string | undefined) => T) =>
  z.preprocess(unset, z.string().optional()).transform((raw, ctx) => {
    try {
      return parse(raw)
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `${name}: ${error instanceof Error ? error.message : String(error)}` })
      return z.NEVER
    }
  })
const rate = (name: string, fallback: Rate) => parsed(name, (raw) => parseRate(raw, fallback))

const speakerNames = allSpeakerNames()

const Schema = z.object({
  NODE_ENV: text(),
  PATH: text(),

  DATABASE_URL: text(),
  DATABASE_POOL_MAX: positiveInt('DATABASE_POOL_MAX', 10),
  DATABASE_REPLICA_URLS: text(),
  DATABASE_REPLICA_1_URL: text(),
  DATABASE_REPLICA_2_URL: text(),
  DATABASE_REPLICA_MAX_LAG_MS: int('DATABASE_REPLICA_MAX_LAG_MS', 5000, 0),
  REPLICA_PROBE_MS: positiveInt('REPLICA_PROBE_MS', 1000),
  DATABASE_REPLICA_AFTER_WRITE_MS: int('DATABASE_REPLICA_AFTER_WRITE_MS', 2000, 0),
  DEV_REPLICA: flag('DEV_REPLICA', ['1', '0']),
  // Set by the dev/test tooling (scripts/), not by operators.
  BK_EMBEDDED_DATABASE: flag('BK_EMBEDDED_DATABASE', ['1', '0']),
  BK_WORKER_INDEX: optional(z.coerce.number().int().min(1)),
  BK_AUDIO_LINES_QUEUED: optional(z.coerce.number().int().min(1)),
  BK_AUDIO_VOICING_SINCE: optional(z.coerce.number().int().min(0)),
  WEB_CONCURRENCY: positiveInt('WEB_CONCURRENCY', 1),
  METRICS_TOKEN: text(),

  S3_ENDPOINT: url('S3_ENDPOINT'),
  S3_BUCKET: text(),
  S3_REGION: textOr('auto'),
  S3_ACCESS_KEY_ID: text(),
  S3_SECRET_ACCESS_KEY: text(),
  S3_PUBLIC_URL: url('S3_PUBLIC_URL'),

  PAYLOAD_SECRET: textOr(''),
  PUBLIC_SERVER_URL: url('PUBLIC_SERVER_URL'),
  CSRF_TRUSTED_ORIGINS: parsed('CSRF_TRUSTED_ORIGINS', (raw) =>
    (raw ?? '').split(',').map((v) => v.trim()).filter(Boolean).map((v) => {
      try {
        return new URL(v).origin
      } catch {
        throw new Error(`must be absolute URLs (https://host[:port]), not ${JSON.stringify(v)}`)
      }
    }),
  ),
  COOKIE_SECURE: optional(oneOf('COOKIE_SECURE', ['true', 'false'])),
  ADMIN_SETUP_TOKEN: text(),
  PORT: int('PORT', 3000, 1, 65_535),
  SHUTDOWN_TIMEOUT_MS: int('SHUTDOWN_TIMEOUT_MS', 10_000, 0),
  SLOW_REQUEST_MS: int('SLOW_REQUEST_MS', 5_000, 0),
  BODY_MAX_BYTES: positiveInt('BODY_MAX_BYTES', 2 * 1024 * 1024),
  UPLOAD_MAX_BYTES: positiveInt('UPLOAD_MAX_BYTES', 20 * 1024 * 1024),
  GRAPHQL_MAX_COMPLEXITY: positiveInt('GRAPHQL_MAX_COMPLEXITY', 1000),
  GRAPHQL_MAX_LIST_COMPLEXITY: positiveInt('GRAPHQL_MAX_LIST_COMPLEXITY', 50_000),
  GRAPHQL_MAX_FIELD_REPEATS: positiveInt('GRAPHQL_MAX_FIELD_REPEATS', 20),
  SEED_ON_EMPTY: flag('SEED_ON_EMPTY'),
  SEED_ACCOUNTS: z.preprocess((v) => (typeof unset(v) === 'string' ? String(v).trim() : undefined), oneOf('SEED_ACCOUNTS', ['dev', 'none']).optional()),
  SEED_ADMIN_EMAIL: z.preprocess(unset, z.email({ error: 'SEED_ADMIN_EMAIL must be an email address' }).default('admin@bhashakahani.local')),
  SEED_ADMIN_PASSWORD: textOr('kahani-admin'),

  TTS_PROVIDER: optional(oneOf('TTS_PROVIDER', ['sarvam', 'local'])),
  SARVAM_API_KEY: text(),
  SARVAM_MODEL: z.preprocess(unset, oneOf('SARVAM_MODEL', SARVAM_MODELS as [SarvamModel, ...SarvamModel[]]).default(DEFAULT_SARVAM_MODEL)),
  SARVAM_BASE_URL: url('SARVAM_BASE_URL'),
  SARVAM_RPM: positiveInt('SARVAM_RPM', 30),
  SARVAM_MAX_ATTEMPTS: positiveInt('SARVAM_MAX_ATTEMPTS', 5),
  SARVAM_TIMEOUT_SECONDS: positiveInt('SARVAM_TIMEOUT_SECONDS', 60),
  MACHINE_DRAFT_BATCH: int('MACHINE_DRAFT_BATCH', 20, 1, 500),
  ESPEAK_BACKEND: z.preprocess(unset, oneOf('ESPEAK_BACKEND', ['auto', 'binary', 'wasm']).default('auto')),

  LISTENER_TOKEN_TTL_DAYS: number('LISTENER_TOKEN_TTL_DAYS', 90, 'positive'),
  TRUSTED_PROXIES: parsed('TRUSTED_PROXIES', (raw) => {
    const entries = (raw ?? '').split(/[\s,]+/).filter(Boolean)
    proxyaddr.compile(entries) // throws on an entry it cannot use
    return entries
  }),
  ANALYTICS_IP_MODE: z.preprocess(unset, oneOf('ANALYTICS_IP_MODE', IP_MODES).default('truncate')),
  RATE_LIMIT_ANALYTICS_LISTENER: rate('RATE_LIMIT_ANALYTICS_LISTENER', { limit: 120, windowSec: 60 }),
  RATE_LIMIT_ANALYTICS_IP: rate('RATE_LIMIT_ANALYTICS_IP', { limit: 3000, windowSec: 60 }),
  RATE_LIMIT_PROGRESS_LISTENER: rate('RATE_LIMIT_PROGRESS_LISTENER', { limit: 300, windowSec: 60 }),
  RATE_LIMIT_SIGNIN_IP: rate('RATE_LIMIT_SIGNIN_IP', { limit: 60, windowSec: 60 }),

  AUDIO_WORKER: optional(oneOf('AUDIO_WORKER', ['server', 'off'])),
  AUDIO_CONCURRENCY: int('AUDIO_CONCURRENCY', 2, 1, 64),
  AUDIO_ENCODE_THREADS: int('AUDIO_ENCODE_THREADS', 0, 0, 64),
  AUDIO_NARRATOR_SPEAKER: z.preprocess(
    (v) => (typeof unset(v) === 'string' ? String(v).trim().toLowerCase() : undefined),
    z
      .string()
      .refine((s) => speakerNames.includes(s), { error: (issue) => `AUDIO_NARRATOR_SPEAKER must be a speaker name (${speakerNames.join(', ')}), got "${String(issue.input)}"` })
      .default(DEFAULT_NARRATOR_SPEAKER),
  ),
  AUDIO_RUPEES_PER_10K_CHARS: number('AUDIO_RUPEES_PER_10K_CHARS', DEFAULT_RUPEES_PER_10K, 'non-negative'),
  AUDIO_JOB_RETRIES: int('AUDIO_JOB_RETRIES', 3, 0),
  AUDIO_JOB_RETENTION_DAYS: number('AUDIO_JOB_RETENTION_DAYS', 7, 'non-negative'),
  AUDIO_SIGNED_URL_SECONDS: int('AUDIO_SIGNED_URL_SECONDS', 3600, 1, 7 * 24 * 3600),

  BUNDLE_SWEEP_GRACE_HOURS: number('BUNDLE_SWEEP_GRACE_HOURS', 24, 'non-negative'),
  BUNDLE_CACHE_MAX_BYTES: positiveInt('BUNDLE_CACHE_MAX_BYTES', 64 * 1024 * 1024),
  CATALOG_CACHE_MAX_BYTES: positiveInt('CATALOG_CACHE_MAX_BYTES', 8 * 1024 * 1024),
  BENCH_ROUTES: flag('BENCH_ROUTES', ['1', '0']),
  AUTO_VOICE: optional(oneOf('AUTO_VOICE', ['on', 'off', 'true', 'false', '1', '0'])),
  AUTO_VOICE_DEBOUNCE_MS: int('AUTO_VOICE_DEBOUNCE_MS', 5000, 0, 3_600_000),
  AUDIO_TRANSLATOR_MAX_TAKES: optional(
    z.coerce
      .number({ error: 'AUDIO_TRANSLATOR_MAX_TAKES must be a number' })
      .int('AUDIO_TRANSLATOR_MAX_TAKES must be a whole number')
      .min(0, 'AUDIO_TRANSLATOR_MAX_TAKES must be at least 0')
      .max(1000, 'AUDIO_TRANSLATOR_MAX_TAKES must be at most 1000'),
  ),
  // Any common spelling of yes/no (the translation go-live reads it through settings().publishing).
  REQUIRE_APPROVAL_TO_PUBLISH: z
    .preprocess((v) => (typeof unset(v) === 'string' ? String(v).trim().toLowerCase() : undefined), oneOf('REQUIRE_APPROVAL_TO_PUBLISH', ['true', 'false', '1', '0', 'on', 'off', 'yes', 'no']).default('true'))
    .transform((v) => ['true', '1', 'on', 'yes'].includes(v)),
  REQUIRE_AUDIO_TO_PUBLISH: z.preprocess(unset, oneOf('REQUIRE_AUDIO_TO_PUBLISH', ['none', 'generated', 'approved']).default('none')),
})

/** Parses an environment into settings; throws a `SettingsError` naming every bad variable. */
export function parseSettings(env: Env): Settings {
  const result = Schema.safeParse(env)
  if (!result.success) {
    const variables = [...new Set(result.error.issues.map((i) => String(i.path[0])))]
    throw new SettingsError(variables, `Invalid environment (see .env.example): ${result.error.issues.map((i) => i.message).join('; ')}`)
  }
  const e = result.data
  if (e.S3_BUCKET) {
    const missing = (['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((k) => !e[k])
    if (missing.length) throw new SettingsError([...missing], `S3_BUCKET is set but ${missing.join(', ')} is missing (see .env.example).`)
  }
  return {
    path: e.PATH,
    database: {
      url: e.DATABASE_URL,
      poolMax: e.DATABASE_POOL_MAX,
      replicas: {
        urls: [...new Set([e.DATABASE_REPLICA_URLS, e.DATABASE_REPLICA_1_URL, e.DATABASE_REPLICA_2_URL].flatMap((v) => (v ?? '').split(',')).map((u) => u.trim()).filter(Boolean))],
        maxLagMs: e.DATABASE_REPLICA_MAX_LAG_MS,
        probeMs: e.REPLICA_PROBE_MS,
        afterWriteMs: e.DATABASE_REPLICA_AFTER_WRITE_MS,
      },
    },
    dev: {
      replica: e.DEV_REPLICA,
      embeddedDatabase: e.BK_EMBEDDED_DATABASE,
      workerIndex: e.BK_WORKER_INDEX,
      startupVoicing: e.BK_AUDIO_LINES_QUEUED && e.BK_AUDIO_VOICING_SINCE !== undefined ? { lines: e.BK_AUDIO_LINES_QUEUED, since: e.BK_AUDIO_VOICING_SINCE } : undefined,
    },
    metrics: { token: e.METRICS_TOKEN },
    s3: e.S3_BUCKET
      ? {
          endpoint: e.S3_ENDPOINT,
          bucket: e.S3_BUCKET,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID!,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
          publicUrl: e.S3_PUBLIC_URL?.replace(/\/+$/, ''),
        }
      : null,
    payload: { secret: e.PAYLOAD_SECRET, adminSetupToken: e.ADMIN_SETUP_TOKEN },
    http: {
      trustedOrigins: trustedOrigins(e.PUBLIC_SERVER_URL, e.CSRF_TRUSTED_ORIGINS, e.PORT),
      secureCookies: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : (e.PUBLIC_SERVER_URL ?? '').startsWith('https:'),
    },
    server: { port: e.PORT, shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS, concurrency: e.WEB_CONCURRENCY, bodyMaxBytes: e.BODY_MAX_BYTES, uploadMaxBytes: e.UPLOAD_MAX_BYTES, slowRequestMs: e.SLOW_REQUEST_MS },
    urls: { server: e.PUBLIC_SERVER_URL ?? '', objects: e.S3_PUBLIC_URL?.replace(/\/+$/, '') },
    graphql: { maxComplexity: e.GRAPHQL_MAX_COMPLEXITY, maxListComplexity: e.GRAPHQL_MAX_LIST_COMPLEXITY, maxFieldRepeats: e.GRAPHQL_MAX_FIELD_REPEATS },
    seed: { onEmpty: e.SEED_ON_EMPTY, accounts: e.SEED_ACCOUNTS ?? (e.BK_EMBEDDED_DATABASE ? 'dev' : 'none'), adminEmail: e.SEED_ADMIN_EMAIL, adminPassword: e.SEED_ADMIN_PASSWORD },
    tts: {
      provider: e.TTS_PROVIDER,
      sarvamApiKey: e.SARVAM_API_KEY,
      sarvamModel: e.SARVAM_MODEL,
      sarvamBaseUrl: e.SARVAM_BASE_URL,
      sarvamRpm: e.SARVAM_RPM,
      sarvamMaxAttempts: e.SARVAM_MAX_ATTEMPTS,
      sarvamTimeoutSeconds: e.SARVAM_TIMEOUT_SECONDS,
      machineDraftBatch: e.MACHINE_DRAFT_BATCH,
      espeakBackend: e.ESPEAK_BACKEND,
    },
    listener: {
      tokenTtlDays: e.LISTENER_TOKEN_TTL_DAYS,
      trustedProxies: e.TRUSTED_PROXIES,
      ipMode: e.ANALYTICS_IP_MODE,
      limits: {
        analyticsPerListener: e.RATE_LIMIT_ANALYTICS_LISTENER,
        analyticsPerIp: e.RATE_LIMIT_ANALYTICS_IP,
        movesPerListener: e.RATE_LIMIT_PROGRESS_LISTENER,
        signInPerIp: e.RATE_LIMIT_SIGNIN_IP,
      },
    },
    audio: {
      worker: e.AUDIO_WORKER ?? (e.NODE_ENV === 'development' || e.BK_EMBEDDED_DATABASE ? 'server' : 'off'),
      configuredWorker: e.AUDIO_WORKER,
      concurrency: e.AUDIO_CONCURRENCY,
      // 0: one per lane, at most one per CPU.
      encodeThreads: e.AUDIO_ENCODE_THREADS || Math.max(1, Math.min(e.AUDIO_CONCURRENCY, os.availableParallelism())),
      narratorSpeaker: e.AUDIO_NARRATOR_SPEAKER,
      rupeesPer10kChars: e.AUDIO_RUPEES_PER_10K_CHARS,
      jobRetries: e.AUDIO_JOB_RETRIES,
      jobRetentionDays: e.AUDIO_JOB_RETENTION_DAYS,
      signedUrlSeconds: e.AUDIO_SIGNED_URL_SECONDS,
      autoVoice: e.AUTO_VOICE === undefined ? undefined : ['on', 'true', '1'].includes(e.AUTO_VOICE),
      autoVoiceDebounceMs: e.AUTO_VOICE_DEBOUNCE_MS,
      translatorMaxTakes: e.AUDIO_TRANSLATOR_MAX_TAKES,
    },
    bundles: { sweepGraceHours: e.BUNDLE_SWEEP_GRACE_HOURS, cacheMaxBytes: e.BUNDLE_CACHE_MAX_BYTES, catalogCacheMaxBytes: e.CATALOG_CACHE_MAX_BYTES },
    bench: { routes: e.BENCH_ROUTES },
    publishing: { requireApproval: e.REQUIRE_APPROVAL_TO_PUBLISH, requireAudio: e.REQUIRE_AUDIO_TO_PUBLISH },
  }
}

/**
 * The app's public origin, any in CSRF_TRUSTED_ORIGINS, and without PUBLIC_SERVER_URL the local
 * origins of `npm run dev`/`npm start` (localhost and 127.0.0.1 on PORT). Never empty: an empty
 * list would make Payload accept the staff cookie from any origin.
 */
function trustedOrigins(publicUrl: string | undefined, extra: string[], port: number): string[] {
  const origins = new Set<string>()
  if (publicUrl) origins.add(new URL(publicUrl).origin)
  for (const origin of extra) origins.add(origin)
  if (!publicUrl) {
    origins.add(`http://localhost:${port}`)
    origins.add(`http://127.0.0.1:${port}`)
  }
  return [...origins]
}

const g = globalThis as typeof globalThis & { __bkSettings?: Settings }

/** This process's settings, parsed from `process.env` on first use (every module instance shares them). */
export function settings(): Settings {
  g.__bkSettings ??= parseSettings(process.env)
  return g.__bkSettings
}

/** Forgets the parsed settings: the next `settings()` reads the environment again (tests change it). */
export function resetSettings(): void {
  delete g.__bkSettings
}
