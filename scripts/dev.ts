/**
 * `npm run dev`: embedded PostgreSQL + local S3 (unless DATABASE_URL / S3_BUCKET are set),
 * migrations, sample content on an empty database, then `next dev`.
 */
import { runNext } from './lib/runNext'

await runNext('dev')
