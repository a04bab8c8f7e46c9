/**
 * Which browser origins may use the staff session: the app's public origin (PUBLIC_SERVER_URL),
 * any in CSRF_TRUSTED_ORIGINS (comma-separated), and without PUBLIC_SERVER_URL the local
 * origins of `npm run dev`/`npm start` (localhost and 127.0.0.1 on PORT). Payload honours the
 * staff cookie only from these (Origin, else Sec-Fetch-Site same-origin/same-site) and CORS
 * answers only them. Never empty: an empty list would accept the cookie from any origin.
 */
export function trustedOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const origins = new Set<string>()
  const add = (value: string, name: string) => {
    try {
      origins.add(new URL(value).origin)
    } catch {
      throw new Error(`${name} must be absolute URLs (https://host[:port]), not ${JSON.stringify(value)}`)
    }
  }
  if (env.PUBLIC_SERVER_URL) add(env.PUBLIC_SERVER_URL, 'PUBLIC_SERVER_URL')
  for (const value of (env.CSRF_TRUSTED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) add(value, 'CSRF_TRUSTED_ORIGINS')
  if (!env.PUBLIC_SERVER_URL) {
    const port = env.PORT || '3000'
    origins.add(`http://localhost:${port}`)
    origins.add(`http://127.0.0.1:${port}`)
  }
  return [...origins]
}

/** Staff cookies carry `Secure` when the app is served over HTTPS (or COOKIE_SECURE=true says so). */
export function secureCookies(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.COOKIE_SECURE) return env.COOKIE_SECURE === 'true'
  return (env.PUBLIC_SERVER_URL ?? '').startsWith('https:')
}
