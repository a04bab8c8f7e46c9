import { startThrowawayServices } from '../../scripts/lib/throwawayServices'

/**
 * Starts a throwaway embedded PostgreSQL and s3rver for the whole run (unless DATABASE_URL /
 * S3_BUCKET are given) and passes their coordinates to the test workers through the environment.
 */
export default async function setup(): Promise<() => Promise<void>> {
  // Several projects of one run (int and int-own-process) share the first one's services.
  if (process.env.BK_TEST_ROOT) return async () => {}
  const services = await startThrowawayServices('test')
  process.env.BK_TEST_ROOT = services.dir
  // Edits in tests do not voice stories by themselves; the tests of AUTO_VOICE turn it on.
  process.env.AUTO_VOICE ??= 'off'
  // Rate limits are shared through the database: every suite's sign-ins come from 127.0.0.1 and
  // would share one per-address budget across all test files of the run. The tests of the limits
  // set their own (tests/int/clientAddress, sharedRateLimits, e2e/clientAddress).
  process.env.RATE_LIMIT_SIGNIN_IP ??= '100000/60'
  process.env.RATE_LIMIT_ANALYTICS_IP ??= '100000/60'
  return services.stop
}
