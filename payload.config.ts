import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { s3Storage } from '@payloadcms/storage-s3'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { restrictBuiltInCollections } from './src/access/builtInCollections'
import { replicaUrls } from './src/db/replicas'
import { listAwareComplexityRules } from './src/graphql/listAwareComplexity'
import { clientErrorAs400 } from './src/hooks/clientErrorAs400'
import { transientFailureAs503 } from './src/hooks/transientFailureAs503'
import { payloadLocalization } from './src/localization'
import { audioPlugin } from './src/plugins/audio'
import { listenerPlugin } from './src/plugins/listener'
import { observabilityPlugin } from './src/plugins/observability'
import { openapiPlugin } from './src/plugins/openapi'
import { inputShapePlugin } from './src/plugins/rules/inputShapePlugin'
import { localeFallbackPlugin } from './src/plugins/rules/localeFallbackPlugin'
import { offlineCodeEditorPlugin } from './src/plugins/rules/offlineCodeEditorPlugin'
import { uniqueTogetherPlugin } from './src/plugins/rules/uniqueTogetherPlugin'
import { staffPlugin } from './src/plugins/staff'
import { storiesPlugin } from './src/plugins/stories'
import { storyBundlesPlugin } from './src/plugins/storyBundles'
import { studioPlugin } from './src/plugins/studio'
import { translationPlugin } from './src/plugins/translation'
import { settings } from './src/settings'
import { SLUGS } from './src/slugs'
import { s3ClientConfig } from './src/storage/s3Settings'

const dirname = path.dirname(fileURLToPath(import.meta.url))
// Parsing the settings here makes a bad environment stop the server at start, naming the variable.
const env = settings()
const s3 = env.s3
// The story content collections the other features attach to (translation, audio, Studio), by role.
const storyContent = { stories: SLUGS.stories, characters: SLUGS.characters, nodes: SLUGS.storyNodes, choices: SLUGS.storyChoices }

export default buildConfig({
  secret: env.payload.secret,
  serverURL: env.urls.server,
  // The staff cookie only from the app's own origins; CORS for them only (settings: PUBLIC_SERVER_URL, CSRF_TRUSTED_ORIGINS).
  csrf: env.http.trustedOrigins,
  cors: env.http.trustedOrigins,
  admin: {
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Bhasha Kahani' },
    // No Gravatar: the admin works offline and sends no staff e-mail hashes to a third party.
    avatar: 'default',
  },
  localization: payloadLocalization,
  editor: lexicalEditor(),
  db: postgresAdapter({
    // A request waits at most 5 s for a connection (then 503), and idle connections notice a dead
    // peer (TCP keepalive). Pool errors are logged, never fatal (src/plugins/observability).
    pool: { connectionString: env.database.url, max: env.database.poolMax, connectionTimeoutMillis: 5_000, keepAlive: true },
    idType: 'uuid',
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
    // No prodMigrations: `npm start` / `npm run dev` apply migrations once, under an advisory lock,
    // before any app process starts (scripts/lib/migrateAndSeed.ts), never once per worker.
    // Reads outside transactions go to a replica (health-checked, see src/db/replicas.ts).
    readReplicas: replicaUrls().length ? replicaUrls() : undefined,
    readReplicasAfterWriteInterval: env.database.replicas.afterWriteMs,
  }),
  graphQL: {
    maxComplexity: env.graphql.maxComplexity,
    validationRules: listAwareComplexityRules,
    disablePlaygroundInProduction: true,
    schemaOutputFile: path.resolve(dirname, 'schema.graphql'),
  },
  jobs: {
    // Payload's GET /api/payload-jobs/run and /handle-schedules run jobs: side effects on a GET, and
    // a second runner next to `npm run jobs` (see src/audio/worker.ts). Closed over HTTP.
    access: { run: () => false },
  },
  // The features, each adding its collections, hooks, endpoints, jobs and admin components. Order
  // matters: story content first (the others attach to it), then the features in the order their
  // collections appear in the admin; the rules every collection follows come after all collections exist.
  plugins: [
    storiesPlugin,
    storyBundlesPlugin,
    translationPlugin(storyContent),
    audioPlugin(storyContent),
    listenerPlugin,
    staffPlugin,
    studioPlugin(storyContent),
    // Every collection:
    localeFallbackPlugin,
    uniqueTogetherPlugin,
    offlineCodeEditorPlugin,
    openapiPlugin({
      title: 'Bhasha Kahani API',
      version: '1',
      description: 'Interactive, branching, multilingual audio stories: the generated REST API of every collection and the delivery, listener and staff endpoints.',
    }),
    s3Storage({
      enabled: s3 !== null,
      alwaysInsertFields: true,
      bucket: s3?.bucket ?? '',
      collections: { media: { prefix: 'media', ...(s3?.publicUrl ? { generateFileURL: ({ filename, prefix }) => `${s3.publicUrl}/${prefix}/${filename}` } : {}) } },
      config: s3 ? s3ClientConfig(s3) : {},
    }),
    inputShapePlugin,
    // Last: it wraps onInit as the other plugins left it.
    observabilityPlugin,
  ],
  sharp,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  telemetry: false,
  hooks: { afterError: [transientFailureAs503, clientErrorAs400] },
}).then(restrictBuiltInCollections)
