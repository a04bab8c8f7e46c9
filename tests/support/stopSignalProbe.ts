/**
 * Run by tests/int/localServicesStop.test.ts: starts the local services as `npm run dev -- --replica`
 * does (embedded Postgres, a streaming standby, s3rver) for a project root given as argv[2], stops
 * them on a stop signal as runNext does (onStopSignal, then env.stop()), and prints the ports.
 * Before stopping it waits as a server draining its requests does, and says whether Postgres was
 * still up by then (it must be: the server's last requests need it).
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { URL } from 'node:url'

import { onStopSignal, prepareLocalEnvironment } from '../../scripts/lib/localEnv'
import { portOpen } from '../../scripts/lib/ports'

const DRAIN_MS = 1_500

const env = await prepareLocalEnvironment(process.argv[2]!, { replica: true })
const port = (url: string | undefined) => Number(new URL(url!).port)
const primary = port(process.env.DATABASE_URL)
onStopSignal((signal) => {
  console.log(`STOPPING on ${signal}`)
  void (async () => {
    await sleep(DRAIN_MS)
    console.log(`DRAINED: Postgres ${(await portOpen(primary)) ? 'up' : 'down'}`)
    await env.stop()
    console.log('STOPPED')
    process.exit(0)
  })()
})
console.log(`READY ${JSON.stringify({ primary, standby: port(process.env.DATABASE_REPLICA_URLS), s3: port(process.env.S3_ENDPOINT) })}`)
