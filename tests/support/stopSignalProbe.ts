/**
 * Run by tests/int/localServicesStop.test.ts: starts the local services as `npm run dev -- --replica`
 * does (embedded Postgres, a streaming standby, s3rver) for a project root given as argv[2], stops
 * them on a stop signal as runNext does (onStopSignal, then env.stop()), and prints the ports.
 */
import { URL } from 'node:url'

import { onStopSignal, prepareLocalEnvironment } from '../../scripts/lib/localEnv'

const env = await prepareLocalEnvironment(process.argv[2]!, { replica: true })
onStopSignal((signal) => {
  console.log(`STOPPING on ${signal}`)
  void env.stop().then(() => {
    console.log('STOPPED')
    process.exit(0)
  })
})
const port = (url: string | undefined) => Number(new URL(url!).port)
console.log(`READY ${JSON.stringify({ primary: port(process.env.DATABASE_URL), standby: port(process.env.DATABASE_REPLICA_URLS), s3: port(process.env.S3_ENDPOINT) })}`)
