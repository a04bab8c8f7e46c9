import type { Access, FieldAccess } from 'payload'

import { hasRole } from '@/access/roles'

/** Admins only (managing editors and translators). */
export const isAdmin: Access = ({ req }) => hasRole(req, 'admin')

export const isAdminField: FieldAccess = ({ req }) => hasRole(req, 'admin')
