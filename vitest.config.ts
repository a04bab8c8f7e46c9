import { defineConfig } from 'vitest/config'

/** See the int-own-process project. */
const INT_OWN_PROCESS = ['tests/int/replica.test.ts']

/**
 * What every suite on the run's database and bucket shares: a forked process, files one at a time
 * (they share the database), the throwaway services of tests/setup/globalSetup.ts.
 */
const ON_SERVICES = { environment: 'node', pool: 'forks' as const, fileParallelism: false, globalSetup: ['tests/setup/globalSetup.ts'] }

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        // Audio encoding tests do real WASM work: a loaded machine must not turn them into timing tests.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['tests/int/**/*.test.ts'],
          exclude: INT_OWN_PROCESS,
          ...ON_SERVICES,
          // One process for every file: Payload, its config and the app's modules load once, not
          // once per file (that was ~120 s of a run). Each file must leave the process as it found
          // it: sharedProcess.ts fails a file that leaves process.env changed.
          isolate: false,
          setupFiles: ['tests/setup/sharedProcess.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Int files that must load the app themselves (their settings are read once, at import),
        // each in a process of its own, after the others: `npm run test:int` runs both.
        extends: true,
        test: {
          name: 'int-own-process',
          include: INT_OWN_PROCESS,
          ...ON_SERVICES,
          testTimeout: 60_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Long suites: `npm run test:slow`, run by .ci/run after `npm test`: the fuzz suite, and a
        // fresh `npm run dev` (its own Next dev compile, seeding and voicing; ~90 s).
        extends: true,
        test: {
          name: 'slow',
          include: ['tests/slow/**/*.test.ts'],
          ...ON_SERVICES,
          testTimeout: 3_600_000,
          hookTimeout: 300_000,
        },
      },
      {
        // Faults (database restarts, pool exhaustion): `npm run test:faults`, run by .ci/run.
        extends: true,
        test: {
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          ...ON_SERVICES,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          ...ON_SERVICES,
          // Services first, then the one production build and server all e2e suites share.
          globalSetup: ['tests/setup/globalSetup.ts', 'tests/setup/e2eApp.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
})
