import type { Payload } from 'payload'

import { getPayload } from 'payload'

import config from '@payload-config'
import { migrate } from '@/db/migrate'

let ready: Promise<Payload> | undefined

/** The Payload instance of this test file, on a database migrated to the latest committed migration. */
export function testPayload(): Promise<Payload> {
  ready ??= (async () => {
    const payload = await getPayload({ config })
    await migrate(payload)
    return payload
  })()
  return ready
}
