/**
 * Every int file runs in one process (vitest.config.ts, `isolate: false`), so each must leave it as
 * it found it. Each file starts with the settings read afresh from the environment, and fails if it
 * leaves `process.env` changed (a later file would run with another configuration than its own).
 */
import { afterAll } from 'vitest'

import { resetListenerSettings } from '@/listener/config'

/** Set by libraries for themselves when first loaded (sharp: libvips' home), not by tests. */
const SET_BY_LIBRARIES = new Set(['VIPSHOME'])

// Runs before each file is imported (setup files are), so changes a file makes at import count too.
const before: Record<string, string | undefined> = { ...process.env }
resetListenerSettings() // and the app's settings

afterAll(() => {
  const changed = [...new Set([...Object.keys(before), ...Object.keys(process.env)])]
    .filter((key) => before[key] !== process.env[key] && !SET_BY_LIBRARIES.has(key))
    .map((key) => `${key} (was ${before[key] === undefined ? 'unset' : JSON.stringify(before[key])}, now ${process.env[key] === undefined ? 'unset' : JSON.stringify(process.env[key])})`)
  resetListenerSettings()
  if (changed.length) {
    throw new Error(`This file left process.env changed: ${changed.join(', ')}. The int files share one process: restore what a test sets.`)
  }
})
