import type { Payload } from 'payload'

import { getPayload } from 'payload'

import config from '@payload-config'
import { migrations } from '../../migrations'

let ready: Promise<Payload> | undefined

/** The Payload instance of this test file, on a database migrated to the latest committed migration. */
export function testPayload(): Promise<Payload> {
  ready ??= (async () => {
    const payload = await getPayload({ config })
    await (payload.db as unknown as { migrate: (a: { migrations: unknown }) => Promise<void> }).migrate({ migrations })
    return payload
  })()
  return ready
}
