import fs from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

import { freePort } from '../../scripts/lib/ports'
import { buildApp, progress, ROOT, startApp } from '../support/e2eServer'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the one production server every browser/HTTP suite of the run talks to. */
    appUrl: string
  }
}

/**
 * One production build (`npm run build`) and one production server (`npm start`, seeded) for the
 * whole e2e project: every browser and HTTP suite shares them, so adding a suite adds its tests'
 * time, not another build. Runs after globalSetup.ts, whose database and bucket it uses.
 *
 * E2E_SKIP_BUILD=1 reuses an existing `.next` production build (for iterating on one suite).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prebuilt = process.env.E2E_SKIP_BUILD === '1' && fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))
  if (prebuilt) progress('E2E_SKIP_BUILD=1: reusing the existing .next build')
  else await buildApp()
  // A translator may have a line voiced again once (the local voices have no cap by default): the
  // review suite checks the screen at the cap. Requests of 3 s or more are logged (the slow request
  // suite checks the log; its server log in test-results/ then shows where a suite waited).
  const app = await startApp({ port: await freePort(), env: { SEED_ON_EMPTY: 'true', AUDIO_TRANSLATOR_MAX_TAKES: '1', SLOW_REQUEST_MS: '3000' } })
  project.provide('appUrl', app.url)
  return async () => {
    await app.stop()
    progress('server stopped, no process of it left')
  }
}
