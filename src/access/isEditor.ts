import type { Access, FieldAccess } from 'payload'

import { hasRole } from '@/access/roles'

/** Admins and editors: full control over story content. */
export const isEditor: Access = ({ req }) => hasRole(req, 'admin', 'editor')

/** Field-level variant: structural fields only editors may change (translators see them read-only). */
export const isEditorField: FieldAccess = ({ req }) => hasRole(req, 'admin', 'editor')
