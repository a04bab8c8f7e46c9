import { readFileSync } from 'node:fs'
import os from 'node:os'

import { describe, expect, it } from 'vitest'

import { nodeSpeaker } from '@/domain/audio/speakers'
import { parseSettings, SettingsError } from '@/settings'

const documented = [...readFileSync('.env.example', 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!)

function errorOf(env: Record<string, string>): SettingsError {
  try {
    parseSettings(env)
  } catch (error) {
    if (error instanceof SettingsError) return error
    throw error
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`)
}

describe('parseSettings', () => {
  it('should give the documented defaults for an empty environment', () => {
    const s = parseSettings({})
    expect(s.database).toMatchObject({ url: undefined, poolMax: 10 })
    expect(s.s3).toBeNull()
    expect(s.graphql).toEqual({ maxComplexity: 1000, maxListComplexity: 50_000, maxFieldRepeats: 20 })
    expect(s.tts).toMatchObject({ provider: undefined, sarvamModel: 'bulbul:v3', sarvamRpm: 30, sarvamMaxAttempts: 5, sarvamTimeoutSeconds: 60, espeakBackend: 'auto' })
    expect(s.listener).toMatchObject({ tokenTtlDays: 90, trustedProxies: [], ipMode: 'truncate' })
    expect(s.listener.limits.analyticsPerListener).toEqual({ limit: 120, windowSec: 60 })
    expect(s.audio).toEqual({ worker: 'off', configuredWorker: undefined, concurrency: 2, encodeThreads: Math.min(2, os.availableParallelism()), narratorSpeaker: 'meera', rupeesPer10kChars: 30, jobRetries: 3, jobRetentionDays: 7, signedUrlSeconds: 3600, autoVoice: undefined, autoVoiceDebounceMs: 5000, translatorMaxTakes: undefined })
    expect(s.seed).toEqual({ onEmpty: false, accounts: 'none', adminEmail: 'admin@bhashakahani.local', adminPassword: 'kahani-admin' })
    expect(s.http).toEqual({ trustedOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'], secureCookies: false })
    expect(s.urls).toEqual({ server: '', objects: undefined })
    expect(s.bundles.sweepGraceHours).toBe(24)
    expect(s.server).toEqual({ port: 3000, shutdownTimeoutMs: 10_000, concurrency: 1, bodyMaxBytes: 2 * 1024 * 1024, uploadMaxBytes: 20 * 1024 * 1024, slowRequestMs: 5_000 })
    expect(s.database.replicas).toEqual({ urls: [], maxLagMs: 5000, probeMs: 1000, afterWriteMs: 2000 })
  })

  it('should give one encode thread per audio lane, at most one per CPU, unless AUDIO_ENCODE_THREADS says', () => {
    const cpus = os.availableParallelism()
    expect(parseSettings({ AUDIO_CONCURRENCY: '1' }).audio.encodeThreads).toBe(1)
    expect(parseSettings({ AUDIO_CONCURRENCY: '64' }).audio.encodeThreads).toBe(Math.min(64, cpus))
    expect(parseSettings({ AUDIO_CONCURRENCY: '64', AUDIO_ENCODE_THREADS: '0' }).audio.encodeThreads).toBe(Math.min(64, cpus))
    expect(parseSettings({ AUDIO_ENCODE_THREADS: '3' }).audio.encodeThreads).toBe(3)
    expect(errorOf({ AUDIO_ENCODE_THREADS: '65' }).variables).toEqual(['AUDIO_ENCODE_THREADS'])
    expect(errorOf({ AUDIO_ENCODE_THREADS: 'two' }).variables).toEqual(['AUDIO_ENCODE_THREADS'])
  })

  it('should treat empty values as unset', () => {
    expect(parseSettings({ DATABASE_POOL_MAX: '', AUDIO_CONCURRENCY: ' ', SARVAM_MODEL: '' }).audio.concurrency).toBe(2)
  })

  it('should run the audio worker in the server under next dev unless told otherwise', () => {
    expect(parseSettings({ NODE_ENV: 'development' }).audio.worker).toBe('server')
    expect(parseSettings({ NODE_ENV: 'development', AUDIO_WORKER: 'off' }).audio.worker).toBe('off')
  })

  it('should run the audio worker in the server under npm start on the embedded database, and not against a real one', () => {
    // prepareLocalEnvironment sets BK_EMBEDDED_DATABASE for the server it starts when DATABASE_URL is unset.
    expect(parseSettings({ NODE_ENV: 'production', BK_EMBEDDED_DATABASE: '1' }).audio.worker).toBe('server')
    expect(parseSettings({ NODE_ENV: 'production', BK_EMBEDDED_DATABASE: '1', AUDIO_WORKER: 'off' }).audio.worker).toBe('off')
    expect(parseSettings({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db.example.com/bk' }).audio.worker).toBe('off')
  })

  it('should read the bucket, stripping the CDN URL of trailing slashes', () => {
    const s = parseSettings({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', S3_PUBLIC_URL: 'https://cdn.example.com//' })
    expect(s.s3).toEqual({ endpoint: undefined, bucket: 'b', region: 'auto', accessKeyId: 'k', secretAccessKey: 's', publicUrl: 'https://cdn.example.com' })
    expect(s.urls.objects).toBe('https://cdn.example.com')
  })

  it('should make the dev accounts the default on the embedded database only', () => {
    expect(parseSettings({ BK_EMBEDDED_DATABASE: '1' }).seed.accounts).toBe('dev')
    expect(parseSettings({ BK_EMBEDDED_DATABASE: '1', SEED_ACCOUNTS: 'none' }).seed.accounts).toBe('none')
    expect(parseSettings({ SEED_ACCOUNTS: 'dev' }).seed.accounts).toBe('dev')
  })

  it('should trust the public origin and CSRF_TRUSTED_ORIGINS, and make the cookie Secure behind https', () => {
    const s = parseSettings({ PUBLIC_SERVER_URL: 'https://cms.example.com/admin', CSRF_TRUSTED_ORIGINS: 'https://app.example.com/x, http://localhost:4000' })
    expect(s.http).toEqual({ trustedOrigins: ['https://cms.example.com', 'https://app.example.com', 'http://localhost:4000'], secureCookies: true })
    expect(parseSettings({ PUBLIC_SERVER_URL: 'https://cms.example.com', COOKIE_SECURE: 'false' }).http.secureCookies).toBe(false)
  })

  it('should lowercase the narrator speaker', () => {
    expect(parseSettings({ AUDIO_NARRATOR_SPEAKER: ' Arvind ' }).audio.narratorSpeaker).toBe('arvind')
  })

  it.each([
    ['DATABASE_POOL_MAX', 'ten'],
    ['DATABASE_POOL_MAX', '0'],
    ['S3_ENDPOINT', 'not a url'],
    ['S3_PUBLIC_URL', 'cdn.example.com'],
    ['PUBLIC_SERVER_URL', 'localhost:3000'],
    ['PORT', '70000'],
    ['SHUTDOWN_TIMEOUT_MS', 'soon'],
    ['WEB_CONCURRENCY', '0'],
    ['DATABASE_REPLICA_MAX_LAG_MS', 'x'],
    ['REPLICA_PROBE_MS', '0'],
    ['DATABASE_REPLICA_AFTER_WRITE_MS', '-1'],
    ['DEV_REPLICA', 'yes'],
    ['REQUIRE_APPROVAL_TO_PUBLISH', 'maybe'],
    ['REQUIRE_AUDIO_TO_PUBLISH', 'some'],
    ['AUTO_VOICE', 'sometimes'],
    ['AUTO_VOICE_DEBOUNCE_MS', '-1'],
    ['AUDIO_TRANSLATOR_MAX_TAKES', '-1'],
    ['AUDIO_TRANSLATOR_MAX_TAKES', 'five'],
    ['GRAPHQL_MAX_COMPLEXITY', 'lots'],
    ['GRAPHQL_MAX_LIST_COMPLEXITY', '-1'],
    ['GRAPHQL_MAX_FIELD_REPEATS', '0'],
    ['CSRF_TRUSTED_ORIGINS', 'app.example.com'],
    ['COOKIE_SECURE', 'yes'],
    ['SEED_ACCOUNTS', 'all'],
    ['SEED_ON_EMPTY', 'yes please'],
    ['SEED_ADMIN_EMAIL', 'admin'],
    ['TTS_PROVIDER', 'google'],
    ['SARVAM_MODEL', 'bulbul:v1'],
    ['SARVAM_BASE_URL', 'not a url'],
    ['SARVAM_RPM', '0'],
    ['SARVAM_MAX_ATTEMPTS', '2.5'],
    ['SARVAM_TIMEOUT_SECONDS', 'x'],
    ['ESPEAK_BACKEND', 'gpu'],
    ['LISTENER_TOKEN_TTL_DAYS', '0'],
    ['TRUSTED_PROXIES', '10.0.0.0/99'],
    ['ANALYTICS_IP_MODE', 'hashed'],
    ['RATE_LIMIT_ANALYTICS_LISTENER', 'fast'],
    ['RATE_LIMIT_ANALYTICS_IP', '10/0'],
    ['RATE_LIMIT_PROGRESS_LISTENER', 'x/60'],
    ['RATE_LIMIT_SIGNIN_IP', '-5/60'],
    ['AUDIO_WORKER', 'both'],
    ['AUDIO_CONCURRENCY', '65'],
    ['AUDIO_NARRATOR_SPEAKER', 'nobody'],
    ['AUDIO_RUPEES_PER_10K_CHARS', '-1'],
    ['AUDIO_JOB_RETRIES', 'many'],
    ['AUDIO_JOB_RETENTION_DAYS', '-2'],
    ['AUDIO_SIGNED_URL_SECONDS', '0'],
    ['BUNDLE_SWEEP_GRACE_HOURS', 'a day'],
  ])('should refuse %s=%j, naming the variable', (name, value) => {
    const error = errorOf({ [name]: value })
    expect(error.variables).toEqual([name])
    expect(error.message).toContain(name)
  })

  it('should name the missing credentials when a bucket is set', () => {
    const error = errorOf({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' })
    expect(error.variables).toEqual(['S3_SECRET_ACCESS_KEY'])
    expect(error.message).toMatch(/S3_BUCKET is set but S3_SECRET_ACCESS_KEY is missing/)
  })

  it('should name every bad variable at once', () => {
    expect(errorOf({ AUDIO_CONCURRENCY: '0', SARVAM_RPM: 'x' }).variables.sort()).toEqual(['AUDIO_CONCURRENCY', 'SARVAM_RPM'])
  })

  it('should know every variable .env.example documents', () => {
    expect(documented.length).toBeGreaterThan(30)
    // A variable the schema does not know is ignored by zod, so an invalid value would pass: each must fail.
    const accepted = documented.filter((name) => {
      try {
        parseSettings({ [name]: '\u0000not-valid\u0000' })
        return true
      } catch {
        return false
      }
    })
    // Free-text values (secrets, names, the database URL) accept anything.
    // (S3_BUCKET alone is refused: it needs its credentials.)
    expect(accepted.sort()).toEqual(['DATABASE_REPLICA_1_URL', 'DATABASE_REPLICA_2_URL', 'DATABASE_REPLICA_URLS', 'DATABASE_URL', 'METRICS_TOKEN', 'PAYLOAD_SECRET', 'S3_ACCESS_KEY_ID', 'S3_REGION', 'S3_SECRET_ACCESS_KEY', 'SARVAM_API_KEY', 'SEED_ADMIN_PASSWORD', 'ADMIN_SETUP_TOKEN'].sort())
  })
})

describe('nodeSpeaker', () => {
  it.each([
    ['Meera', 'arvind', 'meera'],
    [' anushka ', 'meera', 'anushka'],
    [null, 'arvind', 'arvind'],
    [undefined, 'meera', 'meera'],
    ['', 'meera', 'meera'],
    ['   ', 'Arvind', 'arvind'],
  ])('should voice a line of a character speaking %j (narrator %s) as %s', (character, narrator, expected) => {
    expect(nodeSpeaker(character, narrator)).toBe(expected)
  })
})
