import type { Access, Endpoint, PayloadHandler, SanitizedConfig, Where } from 'payload'

import { Forbidden } from 'payload'

import { nobody } from '@/access/nobody'
import { staffUser } from '@/access/roles'

/** Staff only: Payload's default for its own collections is "any signed-in user", listeners included. */
const staffOnly: Access = ({ req }) => staffUser(req) !== null

/** A staff member's own preferences (what Payload's preference access does, minus listeners). */
const ownStaffPreferences: Access = ({ req }) => {
  const user = staffUser(req)
  if (!user) return false
  const where: Where = { and: [{ 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: user.collection } }] }
  return where
}

/** Wraps a custom endpoint so that it answers 403 to anyone who is not staff. */
const staffEndpoint = (endpoint: Endpoint): Endpoint => {
  const handler: PayloadHandler = async (req) => {
    if (!staffUser(req)) throw new Forbidden(req.t)
    return endpoint.handler(req)
  }
  return { ...endpoint, handler }
}

/**
 * Payload adds its own collections (locked documents, preferences, migrations, jobs, …) while it
 * sanitizes the config, after plugins ran, with access "any signed-in user": a listener's token
 * could lock a story against its editors or fill the preferences table. This closes them after
 * sanitizing: locked documents and preferences are staff-only (the admin panel needs them), the
 * preferences' own `/:key` endpoints too (they skip collection access), and every other built-in
 * collection is closed to the API (server code uses the Local API). Unknown future built-ins are
 * closed by default.
 */
export function restrictBuiltInCollections(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    if (!collection.slug.startsWith('payload-')) continue
    switch (collection.slug) {
      case 'payload-locked-documents':
        collection.access = { ...collection.access, create: staffOnly, read: staffOnly, update: staffOnly, delete: staffOnly }
        break
      case 'payload-preferences':
        collection.access = { ...collection.access, create: staffOnly, read: ownStaffPreferences, update: ownStaffPreferences, delete: ownStaffPreferences }
        if (Array.isArray(collection.endpoints)) collection.endpoints = collection.endpoints.map(staffEndpoint)
        break
      default:
        collection.access = { ...collection.access, create: nobody, read: nobody, update: nobody, delete: nobody, readVersions: nobody }
        // `endpoints: false` answers 501 to every request; no endpoints at all is a plain 404.
        if (collection.endpoints === false) collection.endpoints = []
    }
  }
  return config
}
