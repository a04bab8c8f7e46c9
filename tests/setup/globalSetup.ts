import { startThrowawayServices } from '@/infra/throwawayServices'

/**
 * Starts a throwaway embedded PostgreSQL and s3rver for the whole run (unless DATABASE_URL /
 * S3_BUCKET are given) and passes their coordinates to the test workers through the environment.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const services = await startThrowawayServices('test')
  process.env.BK_TEST_ROOT = services.dir
  // Edits in tests do not voice stories by themselves; the tests of AUTO_VOICE turn it on.
  process.env.AUTO_VOICE ??= 'off'
  return services.stop
}
